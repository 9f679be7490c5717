"""The home page's answers to «what must we do now» (called by its macros): the tasks due soon or past due,
the latest documents, and the way into each organisation's and unit's pages.

Light for a large repository: a capped number of rows, the dashboard holding the rest. Which of the rows are
due within the window is decided in the browser, at the reader's today (assets/kehoach.js).
"""

from __future__ import annotations

import datetime as dt

from ..model.view import View
from .format import day_short, escape, href
from .tasklist import nearest, page_href, task_table
from .views import DASHBOARD, UNITS, open_by_org, org_tasks_page, unit_tasks

HOME_COLUMNS = ("due", "task", "doc", "org", "lead", "status")
HOME_ROWS = 40  # at most this many tasks on the home page; the dashboard has every one
LOOKAHEAD = 90  # days past the window a row is sent for, so a page read some days after its build stays right


def due_now(view: View, page: str, as_of: dt.date, days: int = 30) -> str:
    """Open tasks of current documents due within `days` of the reader's today, and past due ones."""
    candidates = sorted(
        (
            lt
            for tasks in open_by_org(view).values()
            for lt in tasks
            if lt.due and lt.due <= as_of + dt.timedelta(LOOKAHEAD + days)
        ),
        key=lambda lt: (lt.due, lt.entry.key, lt.task.id),
    )
    chosen = nearest(candidates, as_of, HOME_ROWS)
    note = (
        f'<p class="kh-home-more">Trang này hiện {len(chosen)} trong số {len(candidates)} nhiệm vụ gần nhất; '
        f'xem đủ ở <a href="{page_href(page, DASHBOARD)}">bảng theo dõi thời hạn</a>.</p>'
        if len(chosen) < len(candidates)
        else ""
    )
    empty = f"Không có nhiệm vụ đang mở nào quá hạn hoặc đến hạn trong {days} ngày tới."
    table = task_table(page, chosen, view, as_of, HOME_COLUMNS) if chosen else []
    return "\n".join(
        [f'<div class="kh-due-now" data-days="{days}">', "", *table]
        + [f'<p class="kh-due-empty"{" hidden" if chosen else ""}>{empty}</p>', "", note, "</div>", ""]
    )


def latest_documents(view: View, page: str, count: int = 8) -> str:
    dated = sorted((e for e in view.repo.entries if e.doc.date), key=lambda e: (e.doc.date, e.key), reverse=True)
    lines = []
    for e in dated[:count]:
        title = f": {escape(' '.join(e.doc.title.split()))}" if e.doc.title else ""
        lines.append(
            f"- [{escape(view.heading(e))}]({href(page, e.page_path)}) — {day_short(e.doc.date)} — "
            f"{escape(view.tree.short_label(e.doc.issuer))}{title}"
        )
    return "\n".join(lines) if lines else "*Kho chưa có văn bản nào.*"


def organizations(view: View, page: str) -> str:
    """Each organisation with documents: its documents, its open tasks, its units."""
    tree = view.tree
    documents: dict[str, int] = {}
    for e in view.repo.entries:
        documents[e.doc.issuer] = documents.get(e.doc.issuer, 0) + 1
    open_tasks = open_by_org(view)
    units = unit_tasks(view).by_org()
    lines = []
    for key in sorted((k for k in documents if k in tree), key=tree.label):
        parts = [f"[{documents[key]} văn bản]({href(page, f'van-ban/to-chuc/{key}.md')})"]
        if key in open_tasks:
            parts.append(f"[{len(open_tasks[key])} nhiệm vụ đang mở]({href(page, org_tasks_page(key))})")
        if key in units:
            parts.append(f"[{len(units[key])} đơn vị]({href(page, UNITS)}#{key})")
        lines.append(f"- **{escape(tree.label(key))}**: " + " · ".join(parts))
    return "\n".join(lines)
