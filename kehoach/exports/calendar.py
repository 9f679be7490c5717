"""deadlines as iCalendar: one calendar for everything, one per organisation, one per owning unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event

from ..model.view import View
from .names import ICS_ALL, ICS_DIR, unit_calendar
from .rows import TaskRow, task_rows, unit_names

STATUS = {"open": "CONFIRMED", "done": "CONFIRMED", "cancelled": "CANCELLED"}
STATE_VI = {"open": "đang thực hiện", "done": "đã hoàn thành", "cancelled": "đã hủy"}
# DTSTAMP must not be the export time, or every export would differ: a fixed instant does.
STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def event(view: View, row: TaskRow, due: dt.date, site_url: str | None) -> Event:
    t, entry = row.located.task, row.entry
    title = entry.heading(view.tree)
    ev = Event()
    ev.add("uid", f"{row.uid}@kehoach")
    ev.add("dtstamp", STAMP)
    ev.add("dtstart", due)
    ev.add("dtend", due + dt.timedelta(days=1))
    prefix = "[Đã xong] " if t.status == "done" else ""
    ev.add("summary", f"{prefix}{t.title} — {title}")
    lines = [
        f"Văn bản: {title}" + (f" — {entry.doc.title}" if entry.doc.title else ""),
        f"Chủ trì: {unit_names(view, entry, t.owner)}",
    ]
    if t.co_owners:
        lines.append(f"Phối hợp: {unit_names(view, entry, t.co_owners)}")
    if t.deliverable:
        lines.append(f"Sản phẩm: {t.deliverable}")
    lines += [f"Thời hạn: {t.deadline}", f"Tình trạng: {STATE_VI[t.status]}", f"Trang: {entry.page_url(site_url)}"]
    ev.add("description", "\n".join(lines))
    ev.add("status", STATUS[t.status])
    ev.add("transp", "TRANSPARENT")  # an all-day deadline does not make anyone busy
    if site_url:
        ev.add("url", entry.page_url(site_url))
    return ev


def calendar(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR around events serialised once each (a task sits in up to three calendars)."""
    cal = Calendar()
    cal.add("prodid", "-//kehoach//Lịch thời hạn//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    head, end = bytes(cal.to_ical()).rsplit(b"END:VCALENDAR", 1)
    return head + b"".join(events) + b"END:VCALENDAR" + end


@dataclass
class CalendarGroup:
    title: str  # the calendar's name in the reader's calendar application
    rows: list[TaskRow]
    org: str | None = None  # the organisation whose calendar it is; None for the calendar of everything
    unit: str | None = None  # the owning unit's name within `org`; None for the organisation's whole calendar


def calendar_groups(view: View) -> dict[str, CalendarGroup]:
    """File name -> group of dated tasks: lich/tat-ca.ics (all), lich/<org>.ics (issued by org),
    lich/<org>/<unit>.ics (owned by that unit; chu-tri.ics when the organisation itself is the owner)."""
    tree = view.tree
    dated = [row for row in task_rows(view) if row.due is not None]
    groups = {ICS_ALL: CalendarGroup("Thời hạn — tất cả văn bản", dated)}
    for row in dated:
        issuer = row.entry.doc.issuer
        groups.setdefault(
            f"{ICS_DIR}/{issuer}.ics", CalendarGroup(f"Thời hạn — {tree.label(issuer)}", [], issuer)
        ).rows.append(row)
        for ref in dict.fromkeys(row.located.task.owner):
            found = tree.find_unit(issuer, ref)
            if found is not None:
                org, unit = found
                name = unit_calendar(org.key, unit.key if unit else None)
                group = CalendarGroup(
                    f"Thời hạn — {unit.name if unit else org.name}",
                    [],
                    org.key,
                    unit.name if unit else "do tổ chức chủ trì",
                )
                groups.setdefault(name, group).rows.append(row)
    return groups


def calendars(view: View, site_url: str | None = None) -> dict[str, bytes]:
    """File name -> iCalendar bytes, for every group of calendar_groups()."""
    serialised = {row.uid: bytes(event(view, row, row.due, site_url).to_ical()) for row in task_rows(view) if row.due}
    return {
        name: calendar(group.title, [serialised[row.uid] for row in group.rows])
        for name, group in calendar_groups(view).items()
    }
