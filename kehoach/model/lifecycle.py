"""The life of a document: whether it is in force at a date, and whether it is still current work.

Force comes from the relations of later documents and from `valid_until`: a document replaced or repealed
by one issued on or before the date, or past its `valid_until`, is no longer in force; one amended stays in
force, amended; a plan whose every task is finished is completed. «In force» means not replaced, repealed
or expired: a registry entry with none of these is in force.

Current work is what raises past-due alarms. The end of a committee's term is not a switch: a document
stays current after its term when it says so (`valid_until` past the term's end, or `carried_forward` into
a later term), or when what it implements is in force and sets a horizon past the term (its `valid_until`,
or a target year) that has not yet passed. Otherwise the term's end archives it, as it always did.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .entry import Entry
from .orgs import OrgTree
from .references import Reference
from .schema import Term

Change = Literal["amends", "replaces", "repeals"]
EffectState = Literal["in_force", "amended", "replaced", "repealed", "expired", "completed"]
CHANGES: tuple[Change, ...] = ("amends", "replaces", "repeals")
STATE_LABELS: dict[EffectState, str] = {
    "in_force": "còn hiệu lực",
    "amended": "đã được sửa đổi, bổ sung",
    "replaced": "bị thay thế",
    "repealed": "bị bãi bỏ",
    "expired": "hết hiệu lực",
    "completed": "đã hoàn thành",
}


def term_of(entry: Entry, tree: OrgTree) -> Term | None:
    if entry.doc.term:
        return tree.term_by_id(entry.doc.issuer, entry.doc.term)
    return tree.term_at(entry.doc.issuer, entry.doc.date) if entry.doc.date else None


@dataclass(frozen=True)
class Acted:
    """A later document acting on this one: amending, replacing or repealing it."""

    kind: Change
    by: Entry
    on: dt.date | None  # the acting document's date: from then on it has effect


@dataclass(frozen=True)
class Effect:
    state: EffectState
    since: dt.date | None  # when the state began (the replacing document's date, the day after valid_until)
    by: Entry | None  # the document that replaced or repealed it
    amendments: tuple[Acted, ...] = ()  # every amendment in effect, oldest first

    @property
    def in_force(self) -> bool:
        return self.state in ("in_force", "amended", "completed")

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


_CHANGE_OF: dict[str, Change] = {c: c for c in CHANGES}
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def horizon(entry: Entry) -> dt.date | None:
    """How far a document reaches: its `valid_until`, else the last year its targets name («đến năm 2030»,
    «giai đoạn 2021 – 2025») as that year's last day."""
    if entry.doc.valid_until:
        return entry.doc.valid_until
    years = [int(m.group()) for t in entry.doc.targets for m in _YEAR.finditer(t.period or "")]
    return dt.date(max(years), 12, 31) if years else None


def acted_on(refs: list[Reference]) -> dict[str, list[Acted]]:
    """Document key -> the later documents amending, replacing or repealing it (as their relations say)."""
    found: dict[str, list[Acted]] = {}
    for ref in refs:
        if not ref.relates(CHANGES) or ref.target is None:
            continue
        kind = _CHANGE_OF[ref.relation]
        found.setdefault(ref.target.key, []).append(Acted(kind, ref.source, ref.source.doc.date))
    return found


def effect(entry: Entry, acted: list[Acted], finished: bool, as_of: dt.date) -> Effect:
    """The document's force at `as_of`. `finished`: every task it sets is done or cancelled (and one is done)."""
    live = sorted((a for a in acted if a.on is None or a.on <= as_of), key=lambda a: a.on or dt.date.min)
    amendments = tuple(a for a in live if a.kind == "amends")
    for kind in ("repeals", "replaces"):
        ended = [a for a in live if a.kind == kind]
        if ended:
            return Effect("repealed" if kind == "repeals" else "replaced", ended[0].on, ended[0].by, amendments)
    until = entry.doc.valid_until
    if until and until < as_of:
        return Effect("expired", until + dt.timedelta(days=1), None, amendments)
    if finished:
        return Effect("completed", None, None, amendments)
    if amendments:
        return Effect("amended", amendments[-1].on, None, amendments)
    return Effect("in_force", None, None, ())


class Lifecycle:
    """Force and currency of every document of a view at its date, computed once."""

    def __init__(
        self,
        tree: OrgTree,
        refs: list[Reference],
        finished: dict[str, bool],
        as_of: dt.date,
    ) -> None:
        self.tree, self.as_of, self.finished = tree, as_of, finished
        self.acted = acted_on(refs)
        self.implements: dict[str, list[Entry]] = {}
        for ref in refs:
            if ref.relates(("implements",)) and ref.target is not None:
                self.implements.setdefault(ref.source.key, []).append(ref.target)
        self._effects: dict[str, Effect] = {}
        self._archived: dict[str, bool] = {}
        self._archive_days: dict[str, dt.date | None] = {}

    def effect(self, entry: Entry) -> Effect:
        found = self._effects.get(entry.key)
        if found is None:
            found = effect(entry, self.acted.get(entry.key, []), self.finished.get(entry.key, False), self.as_of)
            self._effects[entry.key] = found
        return found

    def _effect_on(self, entry: Entry, day: dt.date) -> Effect:
        if day == self.as_of:
            return self.effect(entry)
        return effect(entry, self.acted.get(entry.key, []), self.finished.get(entry.key, False), day)

    def term_ended(self, entry: Entry, day: dt.date | None = None) -> Term | None:
        """The document's term, when it ended before the view's date (or `day`)."""
        term = term_of(entry, self.tree)
        return term if term is not None and term.last_day < (day or self.as_of) else None

    def carried(self, entry: Entry, day: dt.date | None = None) -> bool:
        """Carried forward into a later term of its committee that is still running."""
        name = entry.doc.carried_forward
        later = self.tree.term_by_id(entry.doc.issuer, name) if name else None
        return later is not None and later.last_day >= (day or self.as_of)

    def reaching_past(self, entry: Entry, term: Term, day: dt.date | None = None) -> list[Entry]:
        """What the document implements that is in force and reaches past `term`, still running today."""
        on = day or self.as_of
        return [
            target
            for target in self.implements.get(entry.key, [])
            if self._effect_on(target, on).in_force
            and (reach := horizon(target)) is not None
            and reach > term.last_day
            and reach >= on
        ]

    def archived(self, entry: Entry, day: dt.date | None = None) -> bool:
        """No longer current work: no past-due alarms, listed apart. The checker and every page use this.
        `day`: the same rule on another day, with what the repository says today (see archive_day)."""
        if day is None or day == self.as_of:
            found = self._archived.get(entry.key)
            if found is None:
                found = not self.effect(entry).in_force or self.archived_by_term(entry)
                self._archived[entry.key] = found
            return found
        if not self._effect_on(entry, day).in_force:
            return True
        return self.archived_by_term(entry, day)

    def archived_by_term(self, entry: Entry, day: dt.date | None = None) -> bool:
        """Archived only because its committee's term ended (and nothing keeps it current)."""
        term = self.term_ended(entry, day)
        if term is None:
            return False
        if entry.doc.valid_until and entry.doc.valid_until > term.last_day:
            return False
        return not (self.carried(entry, day) or self.reaching_past(entry, term, day))

    def archive_day(self, entry: Entry) -> dt.date | None:
        """The first day after the view's date on which the rule archives a document current today, if the
        repository as it stands says when (its term's end, its `valid_until`, a later act's date, what keeps it
        current running out): a page built today and read later shows «lưu trữ» from then on.

        The rule's answer changes only on the day after such a date, so those days are the ones to try."""
        if entry.key not in self._archive_days:
            self._archive_days[entry.key] = None if self.archived(entry) else self._first_archived_day(entry)
        return self._archive_days[entry.key]

    def _first_archived_day(self, entry: Entry) -> dt.date | None:
        dates: list[dt.date | None] = [entry.doc.valid_until]
        term = term_of(entry, self.tree)
        if term is not None:
            dates.append(term.last_day)
        name = entry.doc.carried_forward
        later = self.tree.term_by_id(entry.doc.issuer, name) if name else None
        if later is not None:
            dates.append(later.last_day)
        for target in self.implements.get(entry.key, []):
            dates += [horizon(target), target.doc.valid_until]
            dates += [a.on - dt.timedelta(days=1) for a in self.acted.get(target.key, []) if a.on]
        dates += [a.on - dt.timedelta(days=1) for a in self.acted.get(entry.key, []) if a.on]
        days = sorted({d + dt.timedelta(days=1) for d in dates if d is not None and d >= self.as_of})
        return next((day for day in days if self.archived(entry, day)), None)

    def implemented_in_force(self, entry: Entry) -> list[Entry]:
        return [t for t in self.implements.get(entry.key, []) if self.effect(t).in_force]
