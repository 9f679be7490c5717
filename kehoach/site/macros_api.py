"""What hand-written pages may ask for (through mkdocs-macros): links by symbol, task tables, deadlines.

Plain functions of the engine returning Markdown, so the macro module stays a thin adapter.
"""

from __future__ import annotations

import datetime as dt

from ..lifecycle import is_archived
from .format import asset_url, escape, heading, href, page_path, status_span, symbol


class MacroError(ValueError):
    """A macro called with arguments that name nothing: the build must fail, not print a blank."""


def find_document(ctx, ref: str, org: str | None = None):
    """A document by key, or by symbol ("21-NQ/TW"), narrowed to an organisation when several match.

    None for a document this build withholds (confidential): the caller shows the reference unlinked.
    """
    if ref in ctx.by_key:
        return ctx.by_key[ref]
    wanted = ref.replace(" ", "").upper()
    if ref in ctx.withheld or wanted in ctx.withheld:
        return None
    found = [e for e in ctx.repo.entries if (symbol(e, ctx.repo.orgs) or "").upper() == wanted
             and (org is None or e.doc.issuer == org)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise MacroError(f"doc_link: không có văn bản «{ref}»" + (f" của {org}" if org else ""))
    raise MacroError(f"doc_link: «{ref}» khớp {len(found)} văn bản ({', '.join(e.key for e in found)}); ghi thêm org=")


def doc_link(ctx, page: str, ref: str, org: str | None = None, text: str | None = None) -> str:
    entry = find_document(ctx, ref, org)
    if entry is None:
        return escape(text or ref)
    return f"[{escape(text or heading(entry, ctx.repo.orgs))}]({href(page, page_path(entry))})"


def task_table(ctx, page: str, as_of: dt.date, org: str | None = None, unit: str | None = None,
               year: int | None = None, status: str | None = "open", include_archived: bool = False) -> str:
    tree = ctx.repo.orgs
    if org is not None and org not in tree:
        raise MacroError(f"task_table: không có tổ chức «{org}»")
    rows = []
    for e in ctx.repo.entries:
        if (org and e.doc.issuer != org) or (not include_archived and is_archived(e, tree, as_of)):
            continue
        for lt in ctx.tasks_of(e):
            due = lt.deadline.due if lt.deadline else None
            if unit and unit not in lt.task.owner + lt.task.co_owners:
                continue
            if (year and (due is None or due.year != year)) or (status and lt.task.status != status):
                continue
            rows.append((due or dt.date.max, lt))
    if not rows:
        return "*Không có nhiệm vụ nào phù hợp.*"
    out = ["| Thời hạn | Nhiệm vụ | Văn bản | Tình trạng |", "|---|---|---|---|"]
    for due, lt in sorted(rows, key=lambda r: (r[0], r[1].task.id)):
        target = href(page, page_path(lt.entry))
        out.append(f"| {escape(lt.task.deadline or '—')} | {escape(lt.task.title)} | "
                   f"[{escape(heading(lt.entry, tree))}]({target}) | "
                   f"{status_span(None if due == dt.date.max else due, lt.task.status, as_of)} |")
    return "\n".join(out)


def upcoming(ctx, page: str, as_of: dt.date, days: int = 30) -> str:
    """Open tasks due within `days` of the build day (past-due ones included), soonest first."""
    tree, items = ctx.repo.orgs, []
    for e in ctx.repo.entries:
        if is_archived(e, tree, as_of):
            continue
        for lt in ctx.tasks_of(e):
            due = lt.deadline.due if lt.deadline else None
            if lt.task.status == "open" and due and (due - as_of).days <= days:
                items.append((due, lt))
    if not items:
        return f"*Không có nhiệm vụ nào đến hạn trong {days} ngày tới.*"
    return "\n".join(
        f"- {escape(lt.task.deadline)}: {escape(lt.task.title)} — "
        f"[{escape(heading(lt.entry, tree))}]({href(page, page_path(lt.entry))}) ({status_span(due, 'open', as_of)})"
        for due, lt in sorted(items, key=lambda i: (i[0], i[1].task.id)))


def downloads(ctx, page: str) -> str:
    """The download list: raw HTML links (files written after the build, which MkDocs cannot check)."""
    from ..exports import ICS_ALL, REGISTRY, TASKS_CSV
    from ..exports.calendar import calendar_groups

    def a(path: str, text: str) -> str:
        return f'<a href="{asset_url(page, "du-lieu/" + path)}" download>{escape(text)}</a>'

    tree = ctx.repo.orgs
    out = [f"- {a(ICS_ALL, 'Lịch thời hạn của mọi văn bản (.ics)')}",
           f"- {a(TASKS_CSV, 'Bảng nhiệm vụ cho Excel (.csv)')}",
           f"- {a(REGISTRY, 'Sổ đăng ký văn bản (registry.json)')}", "", "### Lịch theo tổ chức và đơn vị", ""]
    names = sorted(calendar_groups(ctx))
    for name in names:
        parts = name[len("lich/"):-len(".ics")].split("/")
        if len(parts) == 1 and parts[0] != "tat-ca":
            out.append(f"- {a(name, tree.label(parts[0]))}")
            for unit_file in (n for n in names if n.startswith(f"lich/{parts[0]}/")):
                unit_key = unit_file.rsplit("/", 1)[1][:-len(".ics")]
                unit = next((u.name for u in tree.get(parts[0]).units if u.key == unit_key), "do tổ chức chủ trì")
                out.append(f"    - {a(unit_file, unit)}")
    return "\n".join(out)
