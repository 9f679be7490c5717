"""Every list of tasks on the site, built by one row builder: who (organisation, chủ trì, phối hợp), when,
and the status by the one archived rule.

The rows carry what the browser needs to filter them without a server (`data-org` on the row, `data-unit` on
each chủ trì and phối hợp link) and to recompute the status at the reader's today (`.kh-status[data-due]
[data-state]`, and `data-archive`: the day the same rule archives the task's document, for a page read after it). Each cell has
a `kh-col-*` class and a `data-label` (its column's header), so a phone's stylesheet can turn rows into cards.
"""

from __future__ import annotations

import datetime as dt
import html
import weakref
from dataclasses import dataclass
from typing import Literal

from ..model.orgs import OrgTree
from ..model.tasks import LocatedTask
from ..model.view import View
from .format import relative, status_text

State = Literal["open", "done", "cancelled", "archived"]
UNIT_FOLDER = "nhiem-vu/don-vi"
FILTER_SLOT = "kh-filter-slot"  # where a page with several lists wants the browser's filters; else above the first

# column -> (header, class of its cells)
COLUMNS = {
    "due": ("Thời hạn", "kh-col-due"),
    "task": ("Nhiệm vụ", "kh-col-task"),
    "doc": ("Văn bản", "kh-col-doc"),
    "org": ("Tổ chức", "kh-col-org"),
    "lead": ("Chủ trì", "kh-col-lead"),
    "support": ("Phối hợp", "kh-col-support"),
    "applies": ("Thực hiện", "kh-col-applies"),
    "deliverable": ("Sản phẩm", "kh-col-deliverable"),
    "status": ("Tình trạng", "kh-col-status"),
}
LIST_COLUMNS = ("due", "task", "doc", "org", "lead", "support", "status")
DOCUMENT_COLUMNS = ("task", "lead", "support", "applies", "deliverable", "due", "status")


def text(value: str) -> str:
    """Editorial text inside raw HTML (no Markdown is read there; braces kept from attribute lists)."""
    return html.escape(" ".join(value.split())).replace("{", "&#123;")


def served(page: str) -> str:
    """The folder a source page is served as (directory URLs): a/b.md -> a/b, a/index.md -> a."""
    stem = page[: -len(".md")]
    return stem.rsplit("/", 1)[0] if stem == "index" or stem.endswith("/index") else stem


def page_href(from_page: str, to_page: str) -> str:
    """A link between two source pages for raw HTML, which MkDocs does not rewrite."""
    here = "" if from_page == "index.md" else served(from_page)
    there = "" if to_page == "index.md" else served(to_page)
    if not there:  # the site's home
        return "../" * len(here.split("/")) if here else "./"
    found = relative(there, here)
    return "./" if found == "." else found + "/"


# --- units: one page per display name within an organisation ---------------------------------------


@dataclass(frozen=True)
class Unit:
    token: str  # «org» or «org:unit»: what filters match, the same for every alias of one name
    name: str
    org: str  # the organisation's key
    page: str  # its page under nhiem-vu/don-vi/


_UNITS: weakref.WeakKeyDictionary[OrgTree, dict[tuple[str, str | None], Unit]] = weakref.WeakKeyDictionary()


def units_of(tree: OrgTree) -> dict[tuple[str, str | None], Unit]:
    """(organisation, unit key or None for the organisation itself) -> its Unit; units of one organisation
    with the same name (the organisation and its «Ban Chấp hành» unit, say) are one Unit."""
    found = _UNITS.get(tree)
    if found is None:
        found = {}
        for org in tree.by_key.values():
            by_name: dict[str, Unit] = {}
            for unit in [*org.units, None]:
                name = unit.name if unit else org.name
                if name not in by_name:
                    token = f"{org.key}:{unit.key}" if unit else org.key
                    page = f"{UNIT_FOLDER}/{org.key}{'-' + unit.key if unit else ''}.md"
                    by_name[name] = Unit(token, name, org.key, page)
                found[(org.key, unit.key if unit else None)] = by_name[name]
        _UNITS[tree] = found
    return found


def unit_of(view: View, issuer: str, ref: str) -> Unit | None:
    found = view.tree.find_unit(issuer, ref)
    if found is None:
        return None
    org, unit = found
    return units_of(view.tree).get((org.key, unit.key if unit else None))


# --- one row's facts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    name: str
    unit: Unit | None  # None when the reference names nothing in the tree


@dataclass(frozen=True)
class TaskLine:
    located: LocatedTask
    org: str
    org_label: str  # short, still telling organisations apart
    org_name: str
    lead: tuple[Who, ...]
    support: tuple[Who, ...]
    state: State
    archive: dt.date | None  # the day the rule archives the task's document, when it is current at the build

    @property
    def due(self) -> dt.date | None:
        return self.located.due

    @property
    def anchor(self) -> str:
        return "nv-" + self.located.entry.key.replace("/", "-") + "-" + self.located.task.id


def _who(view: View, lt: LocatedTask, refs: list[str]) -> tuple[Who, ...]:
    issuer = lt.entry.doc.issuer
    return tuple(Who(view.unit_name(lt.entry, r), unit_of(view, issuer, r)) for r in dict.fromkeys(refs))


def task_line(view: View, lt: LocatedTask) -> TaskLine:
    """What a row shows of a task. An open task of an archived document is «archived», never overdue."""
    issuer, archived = lt.entry.doc.issuer, view.archived(lt.entry)
    status = lt.task.status
    state: State = "archived" if archived and status == "open" else status
    archive = view.archive_day(lt.entry) if status == "open" and not archived else None
    return TaskLine(
        lt,
        issuer,
        view.tree.short_label(issuer),
        view.tree.label(issuer),
        _who(view, lt, lt.task.owner),
        _who(view, lt, lt.task.co_owners),
        state,
        archive,
    )


def sort_key(lt: LocatedTask) -> tuple[dt.date, str, str]:
    return (lt.due or dt.date.max, lt.entry.key, lt.task.id)


def nearest(tasks: list[LocatedTask], as_of: dt.date, cap: int) -> list[LocatedTask]:
    """At most `cap` of tasks sorted by deadline: the next ones due first, then the most recently past due."""
    upcoming = [lt for lt in tasks if lt.due and lt.due >= as_of][:cap]
    late = [lt for lt in tasks if lt.due and lt.due < as_of]
    late = late[len(late) - (cap - len(upcoming)) :] if cap > len(upcoming) else []
    return late + upcoming


# --- HTML ----------------------------------------------------------------------------------------------


def status_span(line: TaskLine, as_of: dt.date) -> str:
    """The status at the build day; assets/kehoach.js recomputes it at the reader's today."""
    due = line.due
    attrs = f' data-state="{line.state}"'
    attrs += f' data-due="{due.isoformat()}"' if due else ""
    attrs += f' data-archive="{line.archive.isoformat()}"' if line.archive else ""
    words = "lưu trữ" if line.state == "archived" else status_text(due, line.state, as_of)
    return f'<span class="kh-status"{attrs}>{words}</span>'


def _names(here: str, people: tuple[Who, ...]) -> str:
    if not people:
        return "—"
    out = []
    for who in people:
        if who.unit is None:
            out.append(text(who.name))
        else:
            out.append(f'<a data-unit="{who.unit.token}" href="{page_href(here, who.unit.page)}">{text(who.name)}</a>')
    return ", ".join(out)


def _cell(column: str, here: str, line: TaskLine, view: View, as_of: dt.date) -> str:
    lt, task = line.located, line.located.task
    if column == "due":
        return text(task.deadline or "—")
    if column == "task":
        return text(task.title)
    if column == "doc":
        entry = lt.entry
        return f'<a href="{page_href(here, entry.page_path)}">{text(view.heading(entry))}</a>'
    if column == "org":
        label = text(line.org_label)
        return label if line.org_label == line.org_name else f'<span title="{text(line.org_name)}">{label}</span>'
    if column == "lead":
        return _names(here, line.lead)
    if column == "support":
        return _names(here, line.support)
    if column == "applies":
        return ", ".join(text(view.unit_name(lt.entry, r)) for r in task.applies_to) or "—"
    if column == "deliverable":
        return text(task.deliverable or "—")
    return status_span(line, as_of)


class _Memory:
    """What this build and a serving session's previous build computed: a task's line once per build (a task
    shows on five or so pages), a row's HTML once per page for as long as nothing it shows changed (a
    rebuild after one saved file remakes every view, and almost every row in them is as it was). Two
    generations are kept, so the memory holds about two builds' rows."""

    def __init__(self) -> None:
        self.view: weakref.ReferenceType[View] | None = None
        self.lines: dict[tuple[str, str], TaskLine] = {}
        self.rows: dict[tuple, str] = {}
        self.previous: dict[tuple, str] = {}

    def start(self, view: View) -> None:
        if self.view is None or self.view() is not view:
            self.view = weakref.ref(view)
            self.lines = {}
            self.previous, self.rows = self.rows, {}


_MEMORY = _Memory()


def line_of(view: View, lt: LocatedTask) -> TaskLine:
    _MEMORY.start(view)
    key = (lt.entry.key, lt.task.id)
    found = _MEMORY.lines.get(key)
    if found is None or found.located is not lt:
        found = _MEMORY.lines[key] = task_line(view, lt)
    return found


def _shown(line: TaskLine, view: View) -> tuple:
    """Everything a row's HTML is made of, besides the page it is on and the columns."""
    lt, task = line.located, line.located.task
    return (
        lt.entry.key,
        lt.entry.page_path,
        view.heading(lt.entry),
        task.id,
        task.title,
        task.deadline,
        task.deliverable,
        tuple(view.unit_name(lt.entry, r) for r in task.applies_to),
        line.due,
        line.state,
        line.archive,
        line.org,
        line.org_label,
        line.org_name,
        line.lead,
        line.support,
    )


def cached_row(here: str, line: TaskLine, view: View, as_of: dt.date, columns: tuple[str, ...], anchor: bool) -> str:
    key = (here, columns, anchor, as_of, _shown(line, view))
    found = _MEMORY.rows.get(key)
    if found is None:
        found = _MEMORY.previous.get(key) or row(here, line, view, as_of, columns, anchor)
        _MEMORY.rows[key] = found
    return found


def row(here: str, line: TaskLine, view: View, as_of: dt.date, columns: tuple[str, ...], anchor: bool) -> str:
    """One task's row: `data-org` and the cells' `data-unit` links are what the browser filters on."""
    attrs = f' id="{line.anchor}"' if anchor else ""
    cells = "".join(
        f'<td class="{COLUMNS[c][1]}" data-label="{COLUMNS[c][0]}">{_cell(c, here, line, view, as_of)}</td>'
        for c in columns
    )
    return f'<tr{attrs} data-org="{line.org}">{cells}</tr>'


def task_table(
    here: str,
    tasks: list[LocatedTask],
    view: View,
    as_of: dt.date,
    columns: tuple[str, ...] = LIST_COLUMNS,
    anchors: bool = False,
    sort: bool = True,
) -> list[str]:
    """A task list as lines of a Markdown page (one raw HTML block, and a blank line after it); `anchors`: each
    row with an id (#nv-…) to link to, as the calendar's month grid does."""
    head = "".join(f'<th scope="col" class="{COLUMNS[c][1]}">{COLUMNS[c][0]}</th>' for c in columns)
    seen: set[tuple[str, str]] = set()
    rows = []
    for lt in sorted(tasks, key=sort_key) if sort else tasks:
        key = (lt.entry.key, lt.task.id)
        if key not in seen:
            seen.add(key)
            rows.append(cached_row(here, line_of(view, lt), view, as_of, columns, anchors))
    head_lines = ['<div class="kh-tasks">', "<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    return [*head_lines, *rows, "</tbody>", "</table>", "</div>", ""]
