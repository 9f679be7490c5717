"""deadlines as iCalendar: one calendar for everything, one per organisation, one per owning unit."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ..checks import Context
from ..site.format import heading
from .rows import TaskRow, page_url, task_rows, unit_names

STATUS = {"open": "CONFIRMED", "done": "CONFIRMED", "cancelled": "CANCELLED"}
STATE_VI = {"open": "đang thực hiện", "done": "đã hoàn thành", "cancelled": "đã hủy"}
# DTSTAMP must not be the export time, or every export would differ: a fixed instant does.
STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def event(ctx: Context, row: TaskRow, site_url: str | None) -> Event:
    t, entry = row.located.task, row.entry
    title = heading(entry, ctx.repo.orgs)
    ev = Event()
    ev.add("uid", f"{row.uid}@kehoach")
    ev.add("dtstamp", STAMP)
    ev.add("dtstart", row.due)
    ev.add("dtend", row.due + dt.timedelta(days=1))
    prefix = "[Đã xong] " if t.status == "done" else ""
    ev.add("summary", f"{prefix}{t.title} — {title}")
    lines = [f"Văn bản: {title}" + (f" — {entry.doc.title}" if entry.doc.title else ""),
             f"Chủ trì: {unit_names(ctx, entry, t.owner)}"]
    if t.co_owners:
        lines.append(f"Phối hợp: {unit_names(ctx, entry, t.co_owners)}")
    if t.deliverable:
        lines.append(f"Sản phẩm: {t.deliverable}")
    lines += [f"Thời hạn: {t.deadline}", f"Tình trạng: {STATE_VI[t.status]}", f"Trang: {page_url(entry, site_url)}"]
    ev.add("description", "\n".join(lines))
    ev.add("status", STATUS[t.status])
    ev.add("transp", "TRANSPARENT")  # an all-day deadline does not make anyone busy
    if site_url:
        ev.add("url", page_url(entry, site_url))
    return ev


def calendar(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR around events serialised once each (a task sits in up to three calendars)."""
    cal = Calendar()
    cal.add("prodid", "-//kehoach//Lịch thời hạn//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    head, end = cal.to_ical().rsplit(b"END:VCALENDAR", 1)
    return head + b"".join(events) + b"END:VCALENDAR" + end


def calendar_groups(ctx: Context) -> dict[str, tuple[str, list[TaskRow]]]:
    """File name -> (calendar name, dated tasks): lich/tat-ca.ics (all), lich/<org>.ics (issued by org),
    lich/<org>/<unit>.ics (owned by that unit; chu-tri.ics when the organisation itself is the owner)."""
    tree = ctx.repo.orgs
    dated = [row for row in task_rows(ctx) if row.due is not None]
    groups: dict[str, tuple[str, list[TaskRow]]] = {"lich/tat-ca.ics": ("Thời hạn — tất cả văn bản", dated)}
    for row in dated:
        issuer = row.entry.doc.issuer
        groups.setdefault(f"lich/{issuer}.ics", (f"Thời hạn — {tree.label(issuer)}", []))[1].append(row)
        for ref in dict.fromkeys(row.located.task.owner):
            found = tree.find_unit(issuer, ref)
            if found is not None:
                org, unit = found
                name = f"lich/{org.key}/{unit.key if unit else 'chu-tri'}.ics"
                groups.setdefault(name, (f"Thời hạn — {unit.name if unit else org.name}", []))[1].append(row)
    return groups


def calendars(ctx: Context, site_url: str | None = None) -> dict[str, bytes]:
    """File name -> iCalendar bytes, for every group of calendar_groups()."""
    serialised = {row.uid: event(ctx, row, site_url).to_ical() for row in task_rows(ctx) if row.due is not None}
    return {name: calendar(title, [serialised[row.uid] for row in rows])
            for name, (title, rows) in calendar_groups(ctx).items()}
