"""What the life of guidance adds to pages: the banner on a document whose upstream changed since it was
last reviewed, the per-organisation report table of tasks asked of every base organisation, and each
organisation's share of work done on time for the dashboard."""

from __future__ import annotations

import datetime as dt

from ..model.entry import Entry
from ..model.reports import OrgReport
from ..model.tasks import LocatedTask
from ..model.view import View
from ..model.visibility import mentions_withheld
from .format import day_short, escape, href, link

WITHHELD_CHANGE = "bị sửa đổi, thay thế hoặc bãi bỏ bởi một văn bản không công khai"


def suspect_banner(entry: Entry, view: View, here: str) -> list[str]:
    """A warning on top of the page: what changed upstream, and how the office clears it."""
    mine = [s for s in view.suspects if s.follower.key == entry.key]
    if not mine:
        return []
    out = ['!!! warning "Văn bản cấp trên đã thay đổi — cần đối chiếu lại"', ""]
    for s in mine:
        since = f"lần xem lại ngày {day_short(s.reviewed.date)}" if s.reviewed else "khi văn bản này được ban hành"
        said = [WITHHELD_CHANGE if mentions_withheld(view, c) else c for c in s.changes]
        what = "; ".join(escape(c) for c in dict.fromkeys(said)) or "nhiệm vụ, thời hạn hoặc hiệu lực đã đổi"
        out.append(f"    - {link(here, s.upstream, s.upstream.heading(view.tree))} (kể từ {since}): {what}.")
    out += [
        "",
        f"    Văn phòng đối chiếu, sửa nếu cần, rồi chạy `kehoach review {escape(entry.path)}` để ghi nhận.",
        "",
    ]
    return out


STATE_CLASS = {"on_time": "done", "late": "late", "missing": "missing", "pending": "pending"}


def _cell(row: OrgReport, here: str, view: View) -> str:
    text = row.label
    if row.answer is not None:
        report = row.answer.report
        text = f"{text}: {link(here, report, report.heading(view.tree))} ({day_short(row.answer.on)})"
    return f'<span class="kh-report" data-state="{STATE_CLASS[row.state]}">{text}</span>'


def asked_of_all(view: View, entry: Entry) -> list[tuple[LocatedTask, list[OrgReport]]]:
    """The document's tasks asked of every base organisation, each with where the organisations stand."""
    return [(lt, rows) for lt in view.tasks_of(entry) if (rows := view.reports_of(lt))]


def report_table(entry: Entry, view: View, here: str) -> list[str]:
    """For each task asked of every base organisation: where each organisation stands."""
    asked = asked_of_all(view, entry)
    if not asked:
        return []
    out = ["## Báo cáo của các tổ chức trực thuộc", ""]
    for lt, rows in asked:
        counts = {s: sum(r.state == s for r in rows) for s in ("on_time", "late", "missing", "pending")}
        out += [
            f"**{escape(lt.task.title)}** — thời hạn {escape(lt.task.deadline or 'không ghi')}: "
            f"{counts['on_time']} đúng hạn, {counts['late']} muộn, {counts['missing']} chưa báo cáo khi đã quá hạn, "
            f"{counts['pending']} chưa tới hạn.",
            "",
            "| Tổ chức | Tình hình báo cáo |",
            "|---|---|",
        ]
        out += [f"| {escape(r.org.name)} | {_cell(r, here, view)} |" for r in rows]
        out.append("")
    return out


def _on_time(lt: LocatedTask) -> bool:
    return lt.task.status == "done" and lt.due is not None and lt.task.done_on is not None and lt.task.done_on <= lt.due


def on_time_shares(view: View, as_of: dt.date, here: str, org_page: dict[str, str]) -> list[str]:
    """Per organisation: of its tasks already due (not cancelled; archived documents too: a term's record
    stays its record), how many were done by their deadline; subordinate organisations count the tasks asked
    of them by their reports."""
    due: dict[str, list[bool]] = {}
    for lt in view.all_tasks():
        if lt.due is None or lt.due >= as_of or lt.task.status == "cancelled":
            continue
        rows = view.reports_of(lt)
        if rows is None:
            due.setdefault(lt.entry.doc.issuer, []).append(_on_time(lt))
        else:
            for r in rows:
                due.setdefault(r.org.key, []).append(r.state == "on_time")
    if not due:
        return []
    out = [
        "## Tỉ lệ hoàn thành đúng hạn",
        "",
        "Trong các nhiệm vụ đã tới hạn (kể cả của văn bản đã lưu trữ): số nhiệm vụ xong (hoặc đã báo cáo) đúng hạn.",
        "",
        "| Tổ chức | Đã tới hạn | Đúng hạn | Tỉ lệ |",
        "|---|---:|---:|---:|",
    ]
    for org in sorted(due, key=view.tree.label):
        done = sum(due[org])
        name = escape(view.tree.label(org))
        if org in org_page:
            name = f"[{name}]({href(here, org_page[org])})"
        out.append(f"| {name} | {len(due[org])} | {done} | {round(100 * done / len(due[org]))} % |")
    return out + [""]


MARK = {"on_time": "✓ đúng hạn", "late": "✓ muộn", "missing": "✗ chưa báo cáo", "pending": "… chưa tới hạn"}


def reports_matrix(view: View, here: str) -> list[str]:
    """For each task asked of every base organisation: one row per organisation, one column per task."""
    out: list[str] = []
    for e in sorted(view.repo.entries, key=lambda e: e.key):
        asked = asked_of_all(view, e)
        if not asked:
            continue
        if not out:
            out += ["## Báo cáo của các tổ chức trực thuộc", ""]
        out += [
            f"### {link(here, e, e.heading(view.tree))}",
            "",
            "| Tổ chức | " + " | ".join(escape(lt.task.title) for lt, _ in asked) + " |",
            "|---|" + "---|" * len(asked),
        ]
        for i, row in enumerate(asked[0][1]):
            out.append(f"| {escape(row.org.name)} | " + " | ".join(MARK[rows[i].state] for _, rows in asked) + " |")
        out.append("")
    return out
