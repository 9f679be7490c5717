"""A document page's «Lịch sử»: each change recorded in git, newest first, with its date, its message and
what it changed, for a reader: task fields as a table (before → after), the official text word by word
(<del>/<ins>). The last SHOWN changes are shown; older ones are counted.

Raw HTML throughout, every string escaped: a commit message and old text are untrusted. Old versions are
read for all the pages being made with one git process per batch (`prefetch`), never one per page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Literal

from ..model.changes import OWNER_FIELDS, STATUS_VI, TASK_FIELDS, ChangeLog, Changes
from ..model.entry import Entry
from ..model.history import Commit
from ..model.view import View
from .format import day_short

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")

SHOWN = 10
_STATUS_FIELD = TASK_FIELDS["status"]
_OWNERS = {TASK_FIELDS[name] for name in OWNER_FIELDS}
_SAID = {
    "first": "Văn bản được đưa vào kho.",
    "hidden": "Thay đổi ở phiên bản chưa công khai của văn bản: không hiển thị.",
    "unreadable": "Không đọc được phiên bản này trong lịch sử git.",
}


def _h(text: str) -> str:
    return html.escape(text).replace("{", "&#123;")


def prefetch(log: ChangeLog, entries: list[Entry]) -> None:
    """Read, with one git process, the old versions the history sections of `entries` show."""
    log.read([pair for e in entries for pair in log.wanted(e, SHOWN)])


def _value(field: str, value: str, entry: Entry, view: View) -> str:
    if not value:
        return "—"
    if field == _STATUS_FIELD:
        return STATUS_VI.get(value, value)
    if field in _OWNERS:
        return ", ".join(view.unit_name(entry, ref.strip()) for ref in value.split(","))
    if _ISO_DAY.fullmatch(value):
        try:
            return day_short(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value


def _table(changes: Changes, entry: Entry, view: View) -> list[str]:
    if not changes.fields:
        return []
    rows = ["<table>", "<tr><th>Nhiệm vụ</th><th>Mục</th><th>Trước</th><th>Sau</th></tr>"]
    for c in changes.fields:
        before, after = _value(c.field, c.before, entry, view), _value(c.field, c.after, entry, view)
        rows.append(
            f"<tr><td>{_h(c.task or '(văn bản)')}</td><td>{_h(c.field)}</td>"
            f"<td>{_h(before)}</td><td>{_h(after)}</td></tr>"
        )
    return [*rows, "</table>"]


def _piece(kind: Literal["same", "del", "ins", "gap"], text: str) -> str:
    if kind == "gap":
        return "…"
    if kind == "same":
        return _h(text)
    return f"<{kind}>{_h(text)}</{kind}>"


def _passages(changes: Changes) -> list[str]:
    if not changes.passages:
        return []
    out = ['<ul class="kh-diff">']
    out += ["<li>" + " ".join(_piece(kind, text) for kind, text in passage) + "</li>" for passage in changes.passages]
    if changes.more:
        out.append(f"<li>… và {changes.more} chỗ sửa khác trong lời văn.</li>")
    return [*out, "</ul>"]


def _entry(log: ChangeLog, entry: Entry, view: View, at: int, commit: Commit) -> list[str]:
    found = log.change(entry, at)
    subject = log.subject(commit) if found != "hidden" else None
    said = f" — {_h(subject)}" if subject else ""
    when = f'<time datetime="{commit.day.isoformat()}">{day_short(commit.day)}</time>'
    out = [f'<details class="kh-change"><summary>{when}{said}</summary>']
    if isinstance(found, str):
        out.append(f"<p>{_SAID[found]}</p>")
    elif found.empty:
        out.append("<p>Không thay đổi nhiệm vụ hay lời văn (chỉ thông tin khác của văn bản).</p>")
    else:
        out += _table(found, entry, view) + _passages(found)
    return [*out, "</details>"]


def history_section(entry: Entry, view: View, log: ChangeLog | None = None) -> list[str]:
    """The section's Markdown lines; none when git holds no history of the document (outside a checkout)."""
    log = log or ChangeLog(view)
    commits = log.of(entry)
    if not commits:
        return []
    out = [
        '<h2 id="lich-su" class="kh-editorial">Lịch sử</h2>',
        "",
        '<div class="kh-history kh-editorial" data-pagefind-ignore>',
    ]
    for at, commit in enumerate(commits[:SHOWN]):
        out += _entry(log, entry, view, at, commit)
    if len(commits) > SHOWN:
        out.append(f"<p>… và {len(commits) - SHOWN} thay đổi cũ hơn (xem lịch sử của kho).</p>")
    return [*out, "</div>", ""]
