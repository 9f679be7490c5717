"""Index views: by organisation, type and year; tasks by unit; deadline calendar; dashboard; matrix."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..doctypes import DOC_TYPES, type_name, type_slug
from ..lifecycle import is_archived
from ..loader import Entry
from ..tasks import LocatedTask
from .format import day_short, escape, heading, href, link, page_path, status_span

SLUG_TO_TYPE = {type_slug(code): code for code in DOC_TYPES}
MONTHS = ["", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8",
          "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"]


def _doc_line(here: str, e: Entry, tree) -> str:
    when = f" — {day_short(e.doc.date)}" if e.doc.date else ""
    title = f": {escape(e.doc.title)}" if e.doc.title and e.doc.number else ""
    return f"- {link(here, e, heading(e, tree))}{when}{title}"


def _sorted(entries):
    return sorted(entries, key=lambda e: (e.doc.date or dt.date.min, e.key), reverse=True)


def _listing(path: str, title: str, entries, tree, intro: str = "") -> str:
    return "\n".join([f"# {escape(title)}", ""] + ([intro, ""] if intro else [])
                     + [_doc_line(path, e, tree) for e in _sorted(entries)] + [""])


def organization_pages(ctx) -> dict[str, str]:
    """An index of the organisation tree with counts, and one listing page per organisation."""
    tree, pages = ctx.repo.orgs, {}
    docs = defaultdict(list)
    for e in ctx.repo.entries:
        docs[e.doc.issuer].append(e)
    index = ["# Văn bản theo tổ chức", "", "Xem thêm: [theo loại](theo-loai.md) · [theo năm](theo-nam.md)", ""]

    def walk(key: str, depth: int):
        org = tree.get(key)
        path = f"van-ban/to-chuc/{key}.md"
        count = len(docs.get(key, []))
        index.append(f"{'    ' * depth}- [{escape(org.name)}]({href('van-ban/index.md', path)}) ({count})")
        pages[path] = _listing(path, org.name, docs.get(key, []), tree, escape(org.evidence or ""))
        for child in tree.children(key):
            walk(child.key, depth + 1)

    for root in (o for o in tree.by_key.values() if not o.parent):
        walk(root.key, 0)
    pages["van-ban/index.md"] = "\n".join(index + [""])
    return pages


def _grouped_pages(ctx, index_path: str, title: str, folder: str, key_of, label_of, order) -> dict[str, str]:
    tree, groups = ctx.repo.orgs, defaultdict(list)
    for e in ctx.repo.entries:
        groups[key_of(e)].append(e)
    pages, index = {}, [f"# {title}", ""]
    for key in order(groups):
        path = f"{folder}/{key}.md"
        pages[path] = _listing(path, label_of(key), groups[key], tree)
        index.append(f"- [{escape(label_of(key))}]({href(index_path, path)}) ({len(groups[key])})")
    pages[index_path] = "\n".join(index + [""])
    return pages


def type_pages(ctx) -> dict[str, str]:
    return _grouped_pages(ctx, "van-ban/theo-loai.md", "Văn bản theo loại", "van-ban/loai",
                          lambda e: type_slug(e.doc.type), lambda k: type_name(SLUG_TO_TYPE[k]),
                          lambda g: [type_slug(c) for c in DOC_TYPES if type_slug(c) in g])


def year_pages(ctx) -> dict[str, str]:
    return _grouped_pages(ctx, "van-ban/theo-nam.md", "Văn bản theo năm", "van-ban/nam",
                          lambda e: str(e.doc.date.year) if e.doc.date else "chua-ro",
                          lambda k: "Chưa rõ năm" if k == "chua-ro" else f"Năm {k}",
                          lambda g: sorted((k for k in g if k != "chua-ro"), reverse=True) + (["chua-ro"] if "chua-ro" in g else []))


def all_tasks(ctx) -> list[LocatedTask]:
    return [lt for e in ctx.repo.entries for lt in ctx.tasks_of(e)]


def _task_rows(here: str, tasks: list[LocatedTask], ctx, as_of: dt.date) -> list[str]:
    tree = ctx.repo.orgs
    rows = ["| Thời hạn | Nhiệm vụ | Văn bản | Tình trạng |", "|---|---|---|---|"]
    for lt in sorted(tasks, key=lambda lt: (lt.deadline.due if lt.deadline and lt.deadline.due else dt.date.max, lt.task.id)):
        due = lt.deadline.due if lt.deadline else None
        rows.append(f"| {escape(lt.task.deadline or '—')} | {escape(lt.task.title)} | "
                    f"{link(here, lt.entry, heading(lt.entry, tree))} | {status_span(due, lt.task.status, as_of)} |")
    return rows + [""]


def dashboard(ctx, as_of: dt.date) -> str:
    here, tree = "nhiem-vu/index.md", ctx.repo.orgs
    live = [lt for lt in all_tasks(ctx) if not is_archived(lt.entry, tree, as_of)]
    dated = [lt for lt in live if lt.task.status == "open" and lt.deadline and lt.deadline.due]
    out = ["# Bảng theo dõi thời hạn", "",
           f"Tình trạng được tính theo ngày trên máy của người đọc; khi trình duyệt tắt JavaScript, "
           f"tình trạng là của ngày dựng trang ({day_short(as_of)}).", "",
           "## Nhiệm vụ đang mở có thời hạn", ""]
    out += _task_rows(here, dated, ctx, as_of) if dated else ["Không có nhiệm vụ đang mở nào có thời hạn.", ""]
    archived = [lt for lt in all_tasks(ctx) if is_archived(lt.entry, tree, as_of) and lt.deadline and lt.deadline.due]
    if archived:
        out += ["## Văn bản đã hết nhiệm kỳ (lưu trữ)", "",
                f"{len(archived)} nhiệm vụ có thời hạn thuộc các văn bản đã hết nhiệm kỳ; xem trong [lịch thời hạn](lich/index.md).", ""]
    out += ["Xem theo đơn vị: [danh sách đơn vị](don-vi/index.md).", ""]
    return "\n".join(out)


def calendar_pages(ctx, as_of: dt.date) -> dict[str, str]:
    """Deadlines month by month, one page per year, with an index of years."""
    by_year = defaultdict(lambda: defaultdict(list))
    for lt in all_tasks(ctx):
        if lt.deadline and lt.deadline.due:
            by_year[lt.deadline.due.year][lt.deadline.due.month].append(lt)
    pages, index = {}, ["# Lịch thời hạn", ""]
    for year in sorted(by_year, reverse=True):
        path = f"nhiem-vu/lich/{year}.md"
        out = [f"# Lịch thời hạn năm {year}", ""]
        for month in sorted(by_year[year]):
            out += [f"## {MONTHS[month]} năm {year}", ""] + _task_rows(path, by_year[year][month], ctx, as_of)
        pages[path] = "\n".join(out)
        count = sum(len(v) for v in by_year[year].values())
        index.append(f"- [Năm {year}]({href('nhiem-vu/lich/index.md', path)}) ({count} thời hạn)")
    pages["nhiem-vu/lich/index.md"] = "\n".join(index + [""])
    return pages


def unit_pages(ctx, as_of: dt.date) -> dict[str, str]:
    tree = ctx.repo.orgs
    by_unit = defaultdict(list)
    for lt in all_tasks(ctx):
        for ref in lt.task.owner + lt.task.co_owners:
            found = tree.find_unit(lt.entry.doc.issuer, ref)
            if found:
                org, unit = found
                by_unit[(org.key, unit.key if unit else "")].append(lt)
    pages = {}
    index = ["# Nhiệm vụ theo đơn vị", ""]
    for (org_key, unit_key), tasks in sorted(by_unit.items()):
        org = tree.get(org_key)
        name = next((u.name for u in org.units if u.key == unit_key), org.name) if unit_key else org.name
        path = f"nhiem-vu/don-vi/{org_key}{'-' + unit_key if unit_key else ''}.md"
        pages[path] = "\n".join([f"# {escape(name)}", "", f"*{escape(org.name)}*", ""] + _task_rows(path, tasks, ctx, as_of))
        index.append(f"- [{escape(name)} — {escape(org.name)}]({href('nhiem-vu/don-vi/index.md', path)}) ({len(tasks)})")
    pages["nhiem-vu/don-vi/index.md"] = "\n".join(index + [""])
    return pages


def matrix(ctx) -> str:
    """For each cited higher document: which organisations below its issuer have an implementing plan."""
    here, tree, by_key = "van-ban/ma-tran.md", ctx.repo.orgs, ctx.by_key
    out = ["# Ma trận thực hiện", "",
           "Mỗi văn bản cấp trên được các văn bản trong kho thực hiện; ✓ là tổ chức đã có văn bản thực hiện, "
           "— là tổ chức chưa có.", ""]
    for target in sorted(ctx.repo.entries, key=lambda e: e.key):
        implementers = [by_key[k] for k in ctx.graph.sources(target.key, "implements")]
        if not implementers:
            continue
        # Organisations expected to implement it (provinces and blocs below its issuer), plus any that did,
        # such as a bloc's standing committee implementing its own executive committee's resolution.
        below = [o for o in tree.by_key.values()
                 if o.key != target.doc.issuer and target.doc.issuer in (a.key for a in tree.ancestry(o.key))
                 and o.level in ("province", "bloc")]
        for e in implementers:
            if e.doc.issuer not in (o.key for o in below) and e.doc.issuer in tree:
                below.insert(0, tree.get(e.doc.issuer))
        out += [f"## {link(here, target, heading(target, tree))}", "", "| Tổ chức | Văn bản thực hiện |", "|---|---|"]
        for org in below:
            mine = [e for e in implementers if e.doc.issuer == org.key]
            cell = ", ".join("✓ " + link(here, e, heading(e, tree)) for e in mine) if mine else "— chưa có"
            out.append(f"| {escape(org.name)} | {cell} |")
        out.append("")
    return "\n".join(out)
