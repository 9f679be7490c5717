"""What changed in a document between two versions of its file, as a reader asks it: which task fields
changed (deadline, status, owner…), and which words of the official text, with a little context.

Old versions come from git (`history.py`); the site shows the result as a page's «Lịch sử» and the feeds
summarise it. Only the document's own task fields, title, validity and official text are compared: never
its relations, which may name documents a public output withholds. A commit message is shown only when
the commit touched no content file outside the view (a withheld document, or one since deleted) and names
no withheld document; a version carrying a confidentiality marking is never compared on a public page.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

import yaml

from ..text.plain import PlainText
from .entry import Entry
from .frontmatter import parse_yaml, split
from .history import Commit
from .repository import CONTENT_FOLDERS
from .view import View
from .visibility import is_restricted, marked_in_front, mentions_withheld

TASK_FIELDS = {
    "title": "nội dung",
    "owner": "chủ trì",
    "co_owners": "phối hợp",
    "applies_to": "thực hiện",
    "deliverable": "sản phẩm",
    "deadline": "thời hạn",
    "status": "tình trạng",
    "done_on": "ngày hoàn thành",
}
OWNER_FIELDS = ("owner", "co_owners", "applies_to")
DOCUMENT_FIELDS = {"title": "trích yếu", "valid_until": "hiệu lực đến"}
STATUS_VI = {"open": "đang thực hiện", "done": "đã hoàn thành", "cancelled": "đã hủy"}
CONTEXT = 6  # words kept either side of a change in the text
PASSAGES = 5  # changed places of the text kept per change; the rest are counted
LONG = 40  # a wholly added or removed paragraph is cut to this many words
_MAX_WORDS = 3000  # beyond this, a changed paragraph is shown removed and added whole, not aligned word by word


@dataclass(frozen=True)
class Version:
    """One version of a document file, as far as it could be read."""

    fields: dict[str, str]  # the document's compared fields
    tasks: dict[str, dict[str, str]]  # task id -> field -> value as text
    text: str  # the official text as a reader sees it (emphasis removed)
    marked: bool  # the front matter carries a confidentiality marking (or cannot be read)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value)
    if isinstance(value, bool):
        return "có" if value else "không"
    return " ".join(str(value).split())


def version_of(text: str | None) -> Version | None:
    """The version of a file's text; None when it is not a document (no front matter)."""
    parts = split(text) if text else None
    if parts is None:
        return None
    try:
        data = parse_yaml(parts.front).data
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return Version({}, {}, PlainText(parts.body).text, True)
    tasks: dict[str, dict[str, str]] = {}
    for task in data.get("tasks") or []:
        if isinstance(task, dict) and task.get("id") is not None:
            fields = {name: _as_text(task.get(name)) for name in TASK_FIELDS}
            tasks[_as_text(task["id"])] = fields | {"status": fields["status"] or "open"}  # the schema's default
    fields = {name: _as_text(data.get(name)) for name in DOCUMENT_FIELDS}
    return Version(fields, tasks, PlainText(parts.body).text, marked_in_front(parts.front))


@dataclass(frozen=True)
class FieldChange:
    task: str  # the task's title (its id when untitled); "" for the document itself
    field: str  # the field's name in Vietnamese
    before: str
    after: str


Piece = tuple[Literal["same", "del", "ins", "gap"], str]


@dataclass(frozen=True)
class Changes:
    fields: tuple[FieldChange, ...]
    passages: tuple[tuple[Piece, ...], ...]  # changed places of the text, each with a little context
    more: int  # changed places left out

    @property
    def empty(self) -> bool:
        return not self.fields and not self.passages

    def brief(self) -> str:
        """One line for a feed: «thời hạn của 1 nhiệm vụ; lời văn (3 chỗ)»."""
        said: list[str] = []
        per_field: dict[str, int] = {}
        for change in self.fields:
            per_field[change.field] = per_field.get(change.field, 0) + 1
        for name, count in per_field.items():
            if name in DOCUMENT_FIELDS.values():
                said.append(name)
            elif name == "nhiệm vụ":
                said.append(f"thêm hoặc bỏ {count} nhiệm vụ")
            else:
                said.append(f"{name} của {count} nhiệm vụ")
        if self.passages:
            said.append(f"lời văn ({len(self.passages) + self.more} chỗ)")
        return "; ".join(said)


def compare(old: Version, new: Version) -> Changes:
    found: list[FieldChange] = []
    for name, label in DOCUMENT_FIELDS.items():
        if old.fields.get(name, "") != new.fields.get(name, ""):
            found.append(FieldChange("", label, old.fields.get(name, ""), new.fields.get(name, "")))
    for tid, task in new.tasks.items():
        was = old.tasks.get(tid)
        title = task.get("title") or tid
        if was is None:
            found.append(FieldChange(title, "nhiệm vụ", "", "thêm mới"))
            continue
        for name, label in TASK_FIELDS.items():
            if was.get(name, "") != task.get(name, ""):
                found.append(FieldChange(title, label, was.get(name, ""), task.get(name, "")))
    found += [
        FieldChange(task.get("title") or tid, "nhiệm vụ", "", "bỏ")
        for tid, task in old.tasks.items()
        if tid not in new.tasks
    ]
    passages = text_passages(old.text, new.text)
    return Changes(tuple(found), tuple(passages[:PASSAGES]), max(0, len(passages) - PASSAGES))


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _cut(words: list[str]) -> str:
    """A wholly added or removed paragraph, cut to its first words."""
    return " ".join(words[:LONG]) + (" …" if len(words) > LONG else "")


def text_passages(old: str, new: str) -> list[tuple[Piece, ...]]:
    """The changed places of the text, paragraph by paragraph, then word by word (Vietnamese syllables)."""
    before, after = _paragraphs(old), _paragraphs(new)
    out: list[tuple[Piece, ...]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed = " ".join(before[i1:i2]).split()
        added = " ".join(after[j1:j2]).split()
        if not removed or not added or len(removed) + len(added) > _MAX_WORDS:
            pieces: list[Piece] = []
            if removed:
                pieces.append(("del", _cut(removed)))
            if added:
                pieces.append(("ins", _cut(added)))
            out.append(tuple(pieces))
        else:
            out += _word_passages(removed, added)
    return out


def _word_passages(removed: list[str], added: list[str]) -> list[tuple[Piece, ...]]:
    """Word by word within a changed paragraph: each change with CONTEXT words either side; changes further
    apart than twice that are separate passages."""
    passages: list[tuple[Piece, ...]] = []
    current: list[Piece] = []
    opcodes = difflib.SequenceMatcher(None, removed, added, autojunk=False).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = removed[i1:i2]
            first, last = n == 0, n == len(opcodes) - 1
            if first:
                if len(words) > CONTEXT:
                    current.append(("gap", ""))
                current.append(("same", " ".join(words[-CONTEXT:])))
            elif last:
                current.append(("same", " ".join(words[:CONTEXT])))
                if len(words) > CONTEXT:
                    current.append(("gap", ""))
            elif len(words) > 2 * CONTEXT:
                current += [("same", " ".join(words[:CONTEXT])), ("gap", "")]
                passages.append(tuple(current))
                current = [("gap", ""), ("same", " ".join(words[-CONTEXT:]))]
            else:
                current.append(("same", " ".join(words)))
            continue
        if i2 > i1:
            current.append(("del", " ".join(removed[i1:i2])))
        if j2 > j1:
            current.append(("ins", " ".join(added[j1:j2])))
    if any(kind in ("del", "ins") for kind, _ in current):
        passages.append(tuple(current))
    return passages


# --- one document's history, as a public output may show it ---------------------------------------------

_FOLDER = re.compile("^(" + "|".join(map(re.escape, CONTENT_FOLDERS)) + ")/")


class ChangeLog:
    """The history of a view's documents, read once per build: which commits a public output may quote."""

    def __init__(self, view: View) -> None:
        self.view, self.history = view, view.history
        shown = {e.path for e in view.repo.entries}
        # a commit that touched a content file the view does not hold (withheld, or deleted since) may
        # describe that file in its message: the message is not shown
        self.private: set[str] = {
            c.sha
            for path, commits in self.history.commits.items()
            if path not in shown and _FOLDER.match(path)
            for c in commits
        }

    def of(self, entry: Entry) -> list[Commit]:
        """The commits that touched the document's file, newest first."""
        return self.history.of(entry.path)

    def subject(self, commit: Commit) -> str | None:
        """The commit's message, or None when a public output may not quote it."""
        if commit.sha in self.private or mentions_withheld(self.view, commit.subject):
            return None
        return commit.subject

    def wanted(self, entry: Entry, shown: int) -> list[tuple[Commit, str]]:
        """The old versions needed to show the last `shown` changes (one more, to compare the oldest with)."""
        commits = self.of(entry)
        return [(c, entry.path) for c in commits[: shown + 1]] if len(commits) > 1 else []

    def read(self, wanted: list[tuple[Commit, str]]) -> None:
        self.history.read_many(wanted)

    def version(self, entry: Entry, commit: Commit) -> Version | None:
        return version_of(self.history.read(commit, entry.path))

    def change(self, entry: Entry, at: int) -> Changes | Literal["first", "hidden", "unreadable"]:
        """What the `at`-th newest commit of the document changed in it."""
        commits = self.of(entry)
        if len(commits) < 2:
            return "first"  # the only version is the file as it is (nothing to read)
        new = self.version(entry, commits[at])
        # a version once confidential: what it said, and its commit's message, are not shown beside the public one
        if new is not None and new.marked and not is_restricted(entry):
            return "hidden"
        if at + 1 >= len(commits):
            return "first"
        old = self.version(entry, commits[at + 1])
        if new is None or old is None:
            return "unreadable"
        if old.marked and not is_restricted(entry):
            return "hidden"
        return compare(old, new)
