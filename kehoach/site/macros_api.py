"""What hand-written pages may ask for (through mkdocs-macros): links by symbol, task tables, deadlines.

Plain functions of the engine returning Markdown, so the macro module stays a thin adapter.
"""

from __future__ import annotations

import datetime as dt

from ..exports.calendar import calendar_groups
from ..exports.names import FEED_ALL, FEED_DIR, ICS_ALL, REGISTRY, TASKS_CSV
from ..model.entry import Entry
from ..model.view import View
from . import tasklist
from .format import asset_url, escape, href


class MacroError(ValueError):
    """A macro called with arguments that name nothing: the build must fail, not print a blank."""


def find_document(view: View, ref: str, org: str | None = None) -> Entry | None:
    """A document by key, or by symbol ("21-NQ/TW"), narrowed to an organisation when several match.

    None for a document this build withholds (confidential): the caller shows the reference unlinked.
    """
    if ref in view.by_key:
        return view.by_key[ref]
    wanted = ref.replace(" ", "").upper()
    if ref in view.withheld or wanted in view.withheld:
        return None
    found = [
        e
        for e in view.repo.entries
        if (e.symbol(view.tree) or "").upper() == wanted and (org is None or e.doc.issuer == org)
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise MacroError(f"doc_link: không có văn bản «{ref}»" + (f" của {org}" if org else ""))
    raise MacroError(f"doc_link: «{ref}» khớp {len(found)} văn bản ({', '.join(e.key for e in found)}); ghi thêm org=")


def doc_link(view: View, page: str, ref: str, org: str | None = None, text: str | None = None) -> str:
    entry = find_document(view, ref, org)
    if entry is None:
        return escape(text or ref)
    return f"[{escape(text or entry.heading(view.tree))}]({href(page, entry.page_path)})"


def task_table(
    view: View,
    page: str,
    as_of: dt.date,
    org: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    status: str | None = "open",
    include_archived: bool = False,
) -> str:
    tree = view.tree
    if org is not None and org not in tree:
        raise MacroError(f"task_table: không có tổ chức «{org}»")
    rows = []
    for e in view.repo.entries:
        if (org and e.doc.issuer != org) or (not include_archived and view.archived(e)):
            continue
        for lt in view.tasks_of(e):
            due = lt.due
            if unit and unit not in lt.task.owner + lt.task.co_owners:
                continue
            if (year and (due is None or due.year != year)) or (status and lt.task.status != status):
                continue
            rows.append((due or dt.date.max, lt))
    if not rows:
        return "*Không có nhiệm vụ nào phù hợp.*"
    return "\n".join(tasklist.task_table(page, [lt for _, lt in rows], view, as_of))


def upcoming(view: View, page: str, as_of: dt.date, days: int = 30) -> str:
    """Open tasks due within `days` of the build day (past-due ones included), soonest first."""
    items = []
    for e in view.repo.entries:
        if view.archived(e):
            continue
        for lt in view.tasks_of(e):
            due = lt.due
            if lt.task.status == "open" and due and (due - as_of).days <= days:
                items.append((due, lt))
    if not items:
        return f"*Không có nhiệm vụ nào đến hạn trong {days} ngày tới.*"
    return "\n".join(tasklist.task_table(page, [lt for _, lt in items], view, as_of))


def downloads(view: View, page: str) -> str:
    """The download list: raw HTML links (files written after the build, which MkDocs cannot check)."""

    def a(path: str, text: str) -> str:
        return f'<a href="{asset_url(page, "du-lieu/" + path)}" download>{escape(text)}</a>'

    out = [
        f"- {a(ICS_ALL, 'Lịch thời hạn của mọi văn bản (.ics)')}",
        f"- {a(TASKS_CSV, 'Bảng nhiệm vụ cho Excel (.csv)')}",
        f"- {a(REGISTRY, 'Sổ đăng ký văn bản (registry.json)')}",
        "",
        "### Lịch theo tổ chức và đơn vị",
        "",
    ]
    groups = calendar_groups(view)
    names = sorted(groups)
    issuers = {e.doc.issuer for e in view.repo.entries}
    feeds = [
        f"- {a(FEED_ALL, 'Văn bản mới và thay đổi, mọi tổ chức (.atom)')}",
        *(
            f"    - {a(f'{FEED_DIR}/{org}.atom', view.tree.label(org))}"
            for org in sorted(view.tree.by_key, key=view.tree.label)
            if org in issuers
        ),
        "",
    ]
    for name in names:
        org = groups[name].org
        if org is not None and groups[name].unit is None:
            out.append(f"- {a(name, view.tree.label(org))}")
            out += [
                f"    - {a(other, groups[other].unit or '')}"
                for other in names
                if groups[other].org == org and groups[other].unit is not None
            ]
    return "\n".join([*out, "", "### Tin văn bản mới và thay đổi (Atom)", "", *feeds])
