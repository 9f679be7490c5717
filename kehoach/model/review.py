"""Suspect links: a document follows the ones it implements, cites or is attached to, and is «suspect» once
one of them changes what it asks (its tasks, deadlines, targets, validity) or is amended, replaced or
repealed, until someone checks it again.

What was checked is recorded in the follower's front matter as a fingerprint of the upstream document's
relevant content (`reviewed:`, written by `kehoach review`), as Doorstop records suspect links: the
fingerprint alone decides, so a check needs no history. A document never reviewed is compared with the
upstream as it stood when the follower was first committed (when git history is there), and with what
acted on the upstream by the follower's own date; without history, it is reviewed from now on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from dataclasses import asdict, dataclass

from .entry import Entry
from .frontmatter import parse_yaml, split
from .history import Commit, History
from .lifecycle import Acted
from .orgs import OrgTree
from .references import Reference
from .schema import Document, Reviewed

FOLLOWED = ("implements", "cites", "attached_to")  # relations a document follows its target by


@dataclass(frozen=True)
class TaskAsked:
    id: str
    title: str
    deadline: str
    who: tuple[str, ...]  # owners, co-owners, those it applies to


@dataclass(frozen=True)
class Content:
    """What a follower depends on: the tasks (what, who, by when), the targets and the validity; not the
    tasks' progress, the title or the wording."""

    tasks: tuple[TaskAsked, ...]
    targets: tuple[tuple[str, str, str, str], ...]
    valid_until: str | None


def relevant(doc: Document) -> Content:
    asked = (
        TaskAsked(
            t.id,
            " ".join(t.title.split()),
            t.deadline or "",
            (*sorted(t.owner), "|", *sorted(t.co_owners), "|", *sorted(t.applies_to)),
        )
        for t in doc.tasks
    )
    return Content(
        tuple(sorted(asked, key=lambda t: t.id)),
        tuple(sorted((t.id, t.text, t.value or "", t.period or "") for t in doc.targets)),
        doc.valid_until.isoformat() if doc.valid_until else None,
    )


def fingerprint(content: Content, acted: list[Acted]) -> str:
    """Twelve hexadecimal digits naming the content and what acts on it (amendments, replacement, repeal)."""
    data = {"content": asdict(content), "acted": sorted([a.kind, a.by.key] for a in acted)}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def as_it_stands(upstream: Entry, acted: list[Acted]) -> tuple[Content, str]:
    """The upstream document's relevant content now, and its fingerprint with what acts on it."""
    content = relevant(upstream.doc)
    return content, fingerprint(content, acted)


def content_of(text: str | None) -> Content | None:
    """The relevant content of a file's text (an old version from history); None when it cannot be read."""
    parts = split(text) if text else None
    if parts is None:
        return None
    try:
        data = parse_yaml(parts.front).data
        return relevant(Document.model_validate(data))
    except Exception:  # an old version in a shape this code no longer reads: no baseline from it
        return None


@dataclass(frozen=True)
class Suspect:
    follower: Entry
    upstream: Entry
    ref: Reference  # the relation, for its line
    reviewed: Reviewed | None  # the last review, or None (compared with the baseline)
    expected: str
    current: str
    changes: tuple[str, ...]  # what changed, in Vietnamese, when the older content is known


def _reviewed_for(follower: Entry, ref: Reference) -> Reviewed | None:
    return next((r for r in follower.doc.reviewed if _same_target(r.target, ref)), None)


def describe(
    old: Content | None, new: Content, old_acted: list[Acted], new_acted: list[Acted], tree: OrgTree
) -> tuple[str, ...]:
    """What changed, as a reader says it: «thời hạn nhiệm vụ “…” đổi từ … thành …», «bị thay thế bởi …»."""
    said: list[str] = []
    before = {a.by.key for a in old_acted}
    words = {"amends": "được sửa đổi, bổ sung bởi", "replaces": "bị thay thế bởi", "repeals": "bị bãi bỏ bởi"}
    for a in new_acted:
        if a.by.key not in before:
            when = f" ngày {a.on.strftime('%d/%m/%Y')}" if a.on else ""
            said.append(f"{words[a.kind]} {a.by.heading(tree)}{when}")
    if old is not None:
        old_tasks = {t.id: t for t in old.tasks}
        new_tasks = {t.id: t for t in new.tasks}
        for tid, task in new_tasks.items():
            was = old_tasks.get(tid)
            if was is None:
                said.append(f"thêm nhiệm vụ «{task.title}»")
            elif was.deadline != task.deadline:
                said.append(
                    f"thời hạn nhiệm vụ «{task.title}» đổi từ «{was.deadline or 'không ghi'}» "
                    f"thành «{task.deadline or 'không ghi'}»"
                )
            elif was != task:
                said.append(f"nhiệm vụ «{task.title}» đổi nội dung hoặc đơn vị")
        said += [f"bỏ nhiệm vụ «{task.title}»" for tid, task in old_tasks.items() if tid not in new_tasks]
        if old.targets != new.targets:
            said.append("chỉ tiêu thay đổi")
        if old.valid_until != new.valid_until:
            said.append(f"thời hạn hiệu lực đổi thành {new.valid_until or 'không ghi'}")
    return tuple(said)


def _seen(expected: str, content: Content, acted: list[Acted], day: dt.date) -> list[Acted]:
    """Which of the documents acting on the upstream the reviewer saw: the set whose fingerprint is the one
    recorded (a document dated before the review may have entered the repository after it); failing that,
    those dated by the review day."""
    if len(acted) <= 6:
        for size in range(len(acted), -1, -1):
            for subset in itertools.combinations(acted, size):
                if fingerprint(content, list(subset)) == expected:
                    return list(subset)
    return [a for a in acted if a.on is None or a.on <= day]


def _version_on(history: History, path: str, day: dt.date) -> Commit | None:
    """The last commit touching `path` on or before `day`."""
    return next((c for c in history.of(path) if c.day <= day), None)


def suspects(refs: list[Reference], acted: dict[str, list[Acted]], history: History, tree: OrgTree) -> list[Suspect]:
    """Every followed relation whose upstream changed since the follower was last checked against it."""
    wanted: list[tuple[Reference, Reviewed | None, Commit | None]] = []
    for ref in refs:
        if not ref.relates(FOLLOWED) or ref.target is None:
            continue
        reviewed = _reviewed_for(ref.source, ref)
        if reviewed is not None:
            old_version = _version_on(history, ref.target.path, reviewed.date)
        else:
            first = history.first(ref.source.path)
            changed = first is not None and history.changed_since(ref.target.path, first)
            old_version = history.version_at(ref.target.path, first) if first and changed else None
        wanted.append((ref, reviewed, old_version))
    history.read_many([(v, r.target.path) for r, _, v in wanted if v is not None and r.target is not None])
    found: list[Suspect] = []
    contents: dict[str, tuple[Content, str]] = {}  # upstream key -> its content and fingerprint now
    for ref, reviewed, old_version in wanted:
        up, follower = ref.target, ref.source
        assert up is not None
        now_acted = acted.get(up.key, [])
        old = content_of(history.read(old_version, up.path)) if old_version is not None else None
        if reviewed is None and old is None:
            day = follower.doc.date
            if all(a.on is None or day is None or a.on <= day for a in now_acted):
                continue  # compared with the upstream as it is now, and nothing acted on it since: unchanged
        if up.key not in contents:
            contents[up.key] = as_it_stands(up, now_acted)
        content, current = contents[up.key]
        if reviewed is not None:
            expected = reviewed.fingerprint
            old_acted = _seen(expected, old or content, now_acted, reviewed.date)
        else:
            day = follower.doc.date
            old_acted = [a for a in now_acted if a.on is None or day is None or a.on <= day]
            expected = fingerprint(old if old is not None else content, old_acted)
        if expected != current:
            found.append(
                Suspect(
                    follower, up, ref, reviewed, expected, current, describe(old, content, old_acted, now_acted, tree)
                )
            )
    return found


def _written_as(ref: Reference) -> str:
    return ref.symbol if ref.symbol else (ref.target.key if ref.target else "")


def _same_target(recorded: str, ref: Reference) -> bool:
    wanted = {_written_as(ref).replace(" ", "").upper(), ref.target.key.upper() if ref.target else ""}
    return recorded.replace(" ", "").upper() in wanted


def followed(refs: list[Reference]) -> list[Reference]:
    """The relations by which a document follows others (one per followed document)."""
    seen: set[str] = set()
    found = []
    for ref in refs:
        if not ref.relates(FOLLOWED) or ref.target is None or ref.target.key in seen:
            continue
        seen.add(ref.target.key)
        found.append(ref)
    return found


@dataclass(frozen=True)
class Reviewing:
    """What `kehoach review` records: the document's `reviewed:` list after the review, and which of the
    followed documents were suspect before it."""

    reviewed: list[Reviewed]
    recorded: list[Reference]
    were_suspect: list[Suspect]
    unknown: list[str]  # targets asked for that the document does not follow


def review(
    follower: Entry,
    refs: list[Reference],
    acted: dict[str, list[Acted]],
    open_suspects: list[Suspect],
    targets: list[str],
    on: dt.date,
    note: str | None,
) -> Reviewing:
    """Record the current fingerprint of every followed document (or of `targets` only)."""
    following = followed(refs)
    chosen = [r for r in following if not targets or any(_same_target(t, r) for t in targets)]
    unknown = [t for t in targets if not any(_same_target(t, r) for r in following)]
    kept = [old for old in follower.doc.reviewed if not any(_same_target(old.target, r) for r in chosen)]
    new = [
        Reviewed(
            target=_written_as(r),
            fingerprint=as_it_stands(r.target, acted.get(r.target.key, []))[1],
            date=on,
            note=note,
        )
        for r in chosen
        if r.target is not None
    ]
    chosen_keys = {r.target.key for r in chosen if r.target is not None}
    return Reviewing(
        kept + new,
        chosen,
        [s for s in open_suspects if s.follower is follower and s.upstream.key in chosen_keys],
        unknown,
    )


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML; two line separators JSON leaves raw
    are escaped)."""
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def reviewed_block(reviewed: list[Reviewed]) -> list[str]:
    lines = ["reviewed:"]
    for r in reviewed:
        lines += [
            f"  - target: {_quoted(r.target)}",
            f"    fingerprint: {r.fingerprint}",
            f"    date: {r.date.isoformat()}",
        ]
        if r.note:
            lines.append(f"    note: {_quoted(r.note)}")
    return lines
