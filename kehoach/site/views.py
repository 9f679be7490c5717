"""Index views: by organisation, type and year; tasks by unit; deadline calendar; dashboard; matrix."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..exports.names import unit_calendar
from ..model.entry import Entry
from ..model.schema import Organization
from ..model.tasks import LocatedTask
from ..model.view import View
from ..text.doctypes import DOC_TYPES, type_name, type_slug
from .effect import effect_span
from .format import asset_url, day_short, escape, href, link
from .life import on_time_shares, reports_matrix
from .month import month_grid
from .tasklist import FILTER_SLOT, Unit, nearest, sort_key, task_table, unit_of

SLUG_TO_TYPE = {type_slug(code): code for code in DOC_TYPES}
MONTHS = [
    "",
    "Tháng 1",
    "Tháng 2",
    "Tháng 3",
    "Tháng 4",
    "Tháng 5",
    "Tháng 6",
    "Tháng 7",
    "Tháng 8",
    "Tháng 9",
    "Tháng 10",
    "Tháng 11",
    "Tháng 12",
]


def doc_line(here: str, e: Entry, view: View) -> str:
    """A document in a list: its heading linked, its date, its subject, its effect status."""
    when = f" — {day_short(e.doc.date)}" if e.doc.date else ""
    title = f": {escape(' '.join(e.doc.title.split()))}" if e.doc.title and e.doc.number else ""
    return f"- {link(here, e, e.heading(view.tree))}{when}{title} — {effect_span(e, view, here)}"


def _sorted(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.doc.date or dt.date.min, e.key), reverse=True)


def _listing(path: str, title: str, entries: list[Entry], view: View, intro: str = "") -> str:
    return "\n".join(
        [f"# {escape(title)}", ""]
        + ([intro, ""] if intro else [])
        + [doc_line(path, e, view) for e in _sorted(entries)]
        + [""]
    )


def organization_pages(view: View) -> dict[str, str]:
    """An index of the organisation tree with counts, and one listing page per organisation."""
    tree, pages = view.tree, {}
    docs = defaultdict(list)
    for e in view.repo.entries:
        docs[e.doc.issuer].append(e)
    index = ["# Văn bản theo tổ chức", "", "Xem thêm: [theo loại](theo-loai.md) · [theo năm](theo-nam.md)", ""]

    def walk(org: Organization, depth: int) -> None:
        key = org.key
        path = f"van-ban/to-chuc/{key}.md"
        count = len(docs.get(key, []))
        index.append(f"{'    ' * depth}- [{escape(org.name)}]({href('van-ban/index.md', path)}) ({count})")
        pages[path] = _listing(path, org.name, docs.get(key, []), view, escape(org.evidence or ""))
        for child in tree.children(key):
            walk(child, depth + 1)

    for root in (o for o in tree.by_key.values() if not o.parent):
        walk(root, 0)
    pages["van-ban/index.md"] = "\n".join(index + [""])
    return pages


def _grouped_pages(
    view: View,
    index_path: str,
    title: str,
    folder: str,
    key_of: Callable[[Entry], str],
    label_of: Callable[[str], str],
    order: Callable[[dict[str, list[Entry]]], list[str]],
) -> dict[str, str]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in view.repo.entries:
        groups[key_of(e)].append(e)
    pages, index = {}, [f"# {title}", ""]
    for key in order(groups):
        path = f"{folder}/{key}.md"
        pages[path] = _listing(path, label_of(key), groups[key], view)
        index.append(f"- [{escape(label_of(key))}]({href(index_path, path)}) ({len(groups[key])})")
    pages[index_path] = "\n".join(index + [""])
    return pages


def type_pages(view: View) -> dict[str, str]:
    return _grouped_pages(
        view,
        "van-ban/theo-loai.md",
        "Văn bản theo loại",
        "van-ban/loai",
        lambda e: type_slug(e.doc.type),
        lambda k: type_name(SLUG_TO_TYPE[k]),
        lambda g: [type_slug(c) for c in DOC_TYPES if type_slug(c) in g],
    )


def year_pages(view: View) -> dict[str, str]:
    return _grouped_pages(
        view,
        "van-ban/theo-nam.md",
        "Văn bản theo năm",
        "van-ban/nam",
        lambda e: str(e.doc.date.year) if e.doc.date else "chua-ro",
        lambda k: "Chưa rõ năm" if k == "chua-ro" else f"Năm {k}",
        lambda g: sorted((k for k in g if k != "chua-ro"), reverse=True) + (["chua-ro"] if "chua-ro" in g else []),
    )


DASHBOARD = "nhiem-vu/index.md"
SOON = dt.timedelta(days=60)  # the dashboard lists open tasks due within this of the build day (and the late)


def open_by_org(view: View) -> dict[str, list[LocatedTask]]:
    """Open tasks with a deadline of current (not archived) documents, by issuing organisation: each has a
    page of the dashboard."""
    by_org: dict[str, list[LocatedTask]] = defaultdict(list)
    for e in view.repo.entries:
        if not view.archived(e):
            for lt in view.tasks_of(e):
                if lt.task.status == "open" and lt.due:
                    by_org[e.doc.issuer].append(lt)
    return by_org


DASHBOARD_ROWS = 100  # the dashboard's own table; each organisation's page has all its tasks


def org_tasks_page(org_key: str) -> str:
    return f"nhiem-vu/to-chuc/{org_key}.md"


def dashboard_pages(view: View, as_of: dt.date) -> dict[str, str]:
    """The dashboard: what is late or due soon, and each organisation's open tasks on a page of its own.

    One page of every open task would hold tens of thousands of rows in a large repository: too heavy for a
    slow link, and for a preview rebuilt after each saved file."""
    here, tree = DASHBOARD, view.tree
    by_org = open_by_org(view)
    soon = [lt for tasks in by_org.values() for lt in tasks if lt.due and lt.due <= as_of + SOON]
    out = [
        "# Bảng theo dõi thời hạn",
        "",
        f"Tình trạng được tính theo ngày trên máy của người đọc; khi trình duyệt tắt JavaScript, "
        f"tình trạng là của ngày dựng trang ({day_short(as_of)}).",
        "",
        f"## Quá hạn và đến hạn trong {SOON.days} ngày (tính từ ngày dựng {day_short(as_of)})",
        "",
    ]
    shown = nearest(sorted(soon, key=sort_key), as_of, DASHBOARD_ROWS)
    out += task_table(here, shown, view, as_of) if soon else ["Không có nhiệm vụ đang mở nào trong khoảng này.", ""]
    if len(shown) < len(soon):
        out += [
            f"Bảng trên có {len(shown)} nhiệm vụ gần hạn nhất và mới quá hạn nhất; còn {len(soon) - len(shown)} nhiệm "
            "vụ khác trong khoảng này, xem theo từng tổ chức dưới đây.",
            "",
        ]
    pages = {}
    if by_org:
        out += [
            "## Theo tổ chức",
            "",
            "| Tổ chức | Nhiệm vụ đang mở có thời hạn | Trong khoảng trên |",
            "|---|---|---|",
        ]
        for org_key in sorted(by_org, key=lambda k: tree.label(k)):
            path = org_tasks_page(org_key)
            tasks = by_org[org_key]
            near = sum(1 for lt in tasks if lt.due and lt.due <= as_of + SOON)
            out.append(f"| [{escape(tree.label(org_key))}]({href(here, path)}) | {len(tasks)} | {near} |")
            pages[path] = "\n".join(
                [f"# Nhiệm vụ đang mở: {escape(tree.label(org_key))}", "", f"[Bảng theo dõi]({href(path, here)})", ""]
                + task_table(path, tasks, view, as_of)
            )
        out.append("")
    out += on_time_shares(view, as_of, here, {k: org_tasks_page(k) for k in by_org})
    archived = [lt for lt in view.all_tasks() if view.archived(lt.entry) and lt.due]
    if archived:
        out += [
            "## Văn bản đã hết nhiệm kỳ (lưu trữ)",
            "",
            f"{len(archived)} nhiệm vụ có thời hạn thuộc các văn bản đã hết nhiệm kỳ; xem trong [lịch thời hạn](lich/index.md).",
            "",
        ]
    out += ["Xem theo đơn vị: [danh sách đơn vị](don-vi/index.md).", ""]
    return {here: "\n".join(out)} | pages


def calendar_pages(view: View, as_of: dt.date) -> dict[str, str]:
    """Deadlines one page per month, with an index of years and months."""
    by_month: dict[tuple[int, int], list[LocatedTask]] = defaultdict(list)
    for lt in view.all_tasks():
        if lt.due:
            by_month[(lt.due.year, lt.due.month)].append(lt)
    pages, index = {}, ["# Lịch thời hạn", ""]
    for year in sorted({y for y, _ in by_month}, reverse=True):
        months = []
        for month in sorted(m for y, m in by_month if y == year):
            path = f"nhiem-vu/lich/{year}-{month:02d}.md"
            tasks = by_month[(year, month)]
            pages[path] = "\n".join(
                [f"# Lịch thời hạn {MONTHS[month].lower()} năm {year}", ""]
                + month_grid(year, month, tasks, view)
                + ["## Danh sách", ""]
                + task_table(path, tasks, view, as_of, anchors=True)
            )
            months.append(f"[{MONTHS[month]}]({href('nhiem-vu/lich/index.md', path)}) ({len(tasks)})")
        index += [f"## Năm {year}", "", " · ".join(months), ""]
    pages["nhiem-vu/lich/index.md"] = "\n".join(index)
    return pages


UNITS = "nhiem-vu/don-vi/index.md"


@dataclass
class UnitTasks:
    lead: dict[Unit, list[LocatedTask]] = field(default_factory=lambda: defaultdict(list))
    support: dict[Unit, list[LocatedTask]] = field(default_factory=lambda: defaultdict(list))
    calendars: dict[Unit, set[str]] = field(default_factory=lambda: defaultdict(set))  # its .ics files

    def by_org(self) -> dict[str, list[Unit]]:
        found: dict[str, list[Unit]] = defaultdict(list)
        for unit in sorted(set(self.lead) | set(self.support), key=lambda u: u.name):
            found[unit.org].append(unit)
        return found


def unit_tasks(view: View) -> UnitTasks:
    """Every unit named as chủ trì or phối hợp of a task (aliases of one name in an organisation are one
    unit), with those tasks; a task a unit leads is not listed again under what it supports."""
    tree, found = view.tree, UnitTasks()
    for lt in view.all_tasks():
        issuer, leading = lt.entry.doc.issuer, set()
        for ref in lt.task.owner:
            where, unit = tree.find_unit(issuer, ref), unit_of(view, issuer, ref)
            if where is None or unit is None:
                continue
            leading.add(unit)
            found.lead[unit].append(lt)
            if lt.due:  # the export's calendar of the tasks this alias leads (kehoach/exports/calendar.py)
                found.calendars[unit].add(unit_calendar(where[0].key, where[1].key if where[1] else None))
        for ref in lt.task.co_owners:
            unit = unit_of(view, issuer, ref)
            if unit is not None and unit not in leading:
                found.support[unit].append(lt)
    return found


def unit_pages(view: View, as_of: dt.date) -> dict[str, str]:
    """One page per unit: its tasks as chủ trì and as phối hợp, and its own calendar; an index grouped by
    organisation, each name once."""
    tree, units = view.tree, unit_tasks(view)
    lead, support, calendars = units.lead, units.support, units.calendars
    pages = {}
    by_org = units.by_org()
    for unit in (u for group in by_org.values() for u in group):
        path = unit.page
        out = [f"# {escape(unit.name)}", "", f"*{escape(tree.label(unit.org))}*", ""]
        for name in sorted(calendars[unit]):
            out += [
                f'<p class="kh-unit-calendar"><a href="{asset_url(path, "du-lieu/" + name)}" download>'
                "Lịch các nhiệm vụ chủ trì (.ics)</a>: đăng ký vào Outlook, Google Calendar, Thunderbird.</p>",
                "",
            ]
        out += [f'<div class="{FILTER_SLOT}"></div>', ""]  # the filters, for both lists (kehoach.js)
        for title, tasks in (("Chủ trì", lead.get(unit, [])), ("Phối hợp", support.get(unit, []))):
            out += [f"## {title} ({len(tasks)})", ""]
            out += task_table(path, tasks, view, as_of) if tasks else ["Không có nhiệm vụ nào.", ""]
        pages[path] = "\n".join(out)
    index = ["# Nhiệm vụ theo đơn vị", ""]
    for org_key in sorted(by_org, key=tree.label):
        index += [f"## {escape(tree.label(org_key))} {{#{org_key}}}", ""]
        for unit in by_org[org_key]:
            counts = f"chủ trì {len(lead.get(unit, []))}, phối hợp {len(support.get(unit, []))}"
            index.append(f"- [{escape(unit.name)}]({href(UNITS, unit.page)}) ({counts})")
        index.append("")
    pages[UNITS] = "\n".join(index)
    return pages


def matrix(view: View) -> str:
    """For each cited higher document: which organisations below its issuer have an implementing plan."""
    here, tree, by_key = "van-ban/ma-tran.md", view.tree, view.by_key
    out = [
        "# Ma trận thực hiện",
        "",
        "Mỗi văn bản cấp trên được các văn bản trong kho thực hiện; ✓ là tổ chức đã có văn bản thực hiện, "
        "— là tổ chức chưa có.",
        "",
    ]
    for target in sorted(view.repo.entries, key=lambda e: e.key):
        implementers = [by_key[k] for k in view.graph.sources(target.key, "implements")]
        if not implementers:
            continue
        # Organisations expected to implement it (provinces and blocs below its issuer), plus any that did,
        # such as a bloc's standing committee implementing its own executive committee's resolution.
        below = [
            o
            for o in tree.by_key.values()
            if o.key != target.doc.issuer
            and target.doc.issuer in (a.key for a in tree.ancestry(o.key))
            and o.level in ("province", "bloc")
        ]
        for e in implementers:
            if e.doc.issuer not in (o.key for o in below) and e.doc.issuer in tree:
                below.insert(0, tree.by_key[e.doc.issuer])
        out += [
            f"## {link(here, target, target.heading(view.tree))}",
            "",
            "| Tổ chức | Văn bản thực hiện |",
            "|---|---|",
        ]
        for org in below:
            mine = [e for e in implementers if e.doc.issuer == org.key]
            cell = ", ".join("✓ " + link(here, e, e.heading(view.tree)) for e in mine) if mine else "— chưa có"
            out.append(f"| {escape(org.name)} | {cell} |")
        out.append("")
    out += reports_matrix(view, here)
    return "\n".join(out)
