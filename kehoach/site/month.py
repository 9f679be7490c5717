"""A month of deadlines as a grid, Monday to Sunday, each task linking to its row in the list below it.

On a phone (assets/kehoach.css) the grid becomes a list of the days that have tasks, each day named.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from ..model.tasks import LocatedTask
from ..model.view import View
from .tasklist import line_of, sort_key, text

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAYS_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
DAY_ITEMS = 4  # a day's cell names this many tasks, then counts the others (all are in the list below)
TITLE_CHARS = 48  # a grid cell shows the start of a task's title; the row below has all of it


def _short(title: str) -> str:
    words = " ".join(title.split())
    return words if len(words) <= TITLE_CHARS else words[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def month_grid(year: int, month: int, tasks: list[LocatedTask], view: View) -> list[str]:
    by_day: dict[dt.date, list[LocatedTask]] = defaultdict(list)
    for lt in sorted(tasks, key=sort_key):
        if lt.due:
            by_day[lt.due].append(lt)
    head = "".join(
        f'<th scope="col"><abbr title="{long}">{short}</abbr></th>' for long, short in zip(WEEKDAYS, WEEKDAYS_SHORT)
    )
    out = [
        '<div class="kh-month">',
        f'<table class="kh-month-grid" aria-label="Lịch tháng {month} năm {year}">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            classes = ["kh-day"]
            if day.month != month:
                classes.append("kh-day-other")
            found = by_day.get(day, []) if day.month == month else []
            if found:
                classes.append("kh-day-busy")
            items = "".join(
                f'<li><a href="#{line.anchor}" data-state="{line.state}" title="{text(lt.task.title)}">'
                f"{text(_short(lt.task.title))}</a></li>"
                for lt in found[:DAY_ITEMS]
                for line in (line_of(view, lt),)
            )
            if len(found) > DAY_ITEMS:  # the rest in the list below, from the first one not shown
                more = line_of(view, found[DAY_ITEMS])
                items += f'<li><a href="#{more.anchor}">và {len(found) - DAY_ITEMS} nhiệm vụ khác</a></li>'

            cells.append(
                f'<td class="{" ".join(classes)}" data-date="{day.isoformat()}">'
                f'<span class="kh-day-number"><span class="kh-day-name">{WEEKDAYS[day.weekday()]}, </span>'
                f'{day.day}<span class="kh-day-name">/{day.month}</span></span>'
                + (f"<ul>{items}</ul>" if items else "")
                + "</td>"
            )
        out.append(f"<tr>{''.join(cells)}</tr>")
    return out + ["</tbody>", "</table>", "</div>", ""]
