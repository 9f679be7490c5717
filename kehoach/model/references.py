"""Resolve citations through the organisation tree and build one graph of typed relations."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, NamedTuple

from ..text.symbols import Citation, citations_in, read_symbol
from ..text.unicode import one_lookalike_apart
from .entry import Entry
from .repository import Repository
from .schema import RelationType

# Stronger relation types win when a pair is related more than once (front matter + body text).
PRIORITY = {"attached_to": 0, "implements": 1, "amends": 2, "replaces": 2, "repeals": 2, "cites": 9}
RELATION_LABELS = {
    "implements": ("Căn cứ / Thực hiện", "Được thực hiện bởi"),
    "attached_to": ("Ban hành kèm theo", "Văn bản kèm theo"),
    "cites": ("Dẫn chiếu", "Được dẫn chiếu bởi"),
    "amends": ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    "replaces": ("Thay thế", "Được thay thế bởi"),
    "repeals": ("Bãi bỏ", "Bị bãi bỏ bởi"),
}


class RefStatus(StrEnum):
    OK = "ok"
    SELF = "self"  # a document citing its own symbol
    UNRESOLVED = "unresolved"
    AMBIGUOUS = "ambiguous"
    EXTERNAL = "external"  # declared in `external:`: deliberately not held
    UNKNOWN_ISSUER = "unknown-issuer"
    UNKNOWN_TYPE = "unknown-type"
    FEDERATED = "federated"  # found in another site's registry
    AMBIGUOUS_CODE = "ambiguous-code"  # an issuer code that looks like two different codes of the tree
    WITHHELD = "withheld"  # hidden from this build (confidential)


# References a reader can follow or that need no action
SETTLED = frozenset({RefStatus.OK, RefStatus.SELF, RefStatus.EXTERNAL, RefStatus.FEDERATED, RefStatus.WITHHELD})


@dataclass
class Reference:
    """One citation (in the body or in front matter) and what it resolved to."""

    source: Entry
    symbol: str
    type: str | None
    number: int
    code: str
    date: dt.date | None
    line: int | None
    relation: RelationType
    status: RefStatus
    target: Entry | None = None
    candidates: list[Entry] = field(default_factory=list)
    citation: Citation | None = None
    target_org: str | None = None
    relation_index: int | None = None  # position in front matter `relations`, for its line
    origin: Origin = "body"
    code_fixed: bool = False  # the written code was a look-alike of `code` («TƯ» for «TU»)
    near_codes: list[str] = field(default_factory=list)  # for AMBIGUOUS_CODE: the codes it looks like

    def where(self) -> int | None:
        """File line: the body line of a citation, or the front matter line of a relation or title (on demand)."""
        if self.line is None:
            if self.origin == "title":
                self.line = self.source.field_line("title")
            elif self.origin == "relation" and self.relation_index is not None:
                self.line = self.source.field_line("relations", self.relation_index, "target")
            elif self.citation is not None:
                self.line = self.source.file_line(self.citation.start)
        return self.line

    def relates(self, kinds: Collection[str]) -> bool:
        """Whether this is a front matter relation of one of `kinds` resolved to another document."""
        resolved = self.status == RefStatus.OK and self.target is not None and self.target is not self.source
        return self.origin == "relation" and self.relation in kinds and resolved

    @property
    def standard(self) -> str:
        """The symbol in its standard form, with the code it resolved to: «21-NQ/TW»."""
        c = self.citation
        if c is None:
            return self.symbol
        return f"{c.number}-{c.type or c.type_written}/{self.code}"


@dataclass
class Edge:
    source: str
    target: str
    type: RelationType
    ref: Reference  # the first reference that made this edge (for its line, on demand)


def number_int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


Origin = Literal["body", "title", "relation"]  # where the citation is written


class Resolution(NamedTuple):
    status: RefStatus
    target: Entry | None
    candidates: list[Entry]
    target_org: str | None


class Index:
    """Documents by (organisation, issuer code, type, number)."""

    def __init__(self, repo: Repository):
        self.tree = repo.orgs
        self.by_key: dict[str, Entry] = {}
        self.by_symbol = self._symbols(repo.entries)
        self.remote_by_symbol = self._symbols(repo.remote)  # consulted only when nothing local matches
        for e in repo.entries:
            self.by_key.setdefault(e.key, e)

    def _symbols(self, entries: list[Entry]) -> dict[tuple, list[Entry]]:
        found: dict[tuple, list[Entry]] = defaultdict(list)
        for e in entries:
            n = number_int(e.doc.number)
            if n is not None:
                found[(e.doc.issuer, e.issuer_code(self.tree), e.doc.type, n)].append(e)
        return found

    def holds(self, source: Entry, code: str, type_: str | None, number: int) -> bool:
        """Whether a document with this symbol, seen from `source`, is in the repository or a federated one."""
        found = self.tree.resolve_code(source.doc.issuer, code)
        if found is None or type_ is None:
            return False
        symbol = (found[0].key, code, type_, number)
        return symbol in self.by_symbol or symbol in self.remote_by_symbol

    def term_id(self, org: str, day: dt.date | None) -> str | None:
        term = self.tree.term_at(org, day) if day else None
        return term.id if term else None

    def resolve(self, source: Entry, type_: str | None, number: int, code: str, date: dt.date | None) -> Resolution:
        """What a symbol cited by `source` means."""
        if type_ is None:
            return Resolution(RefStatus.UNKNOWN_TYPE, None, [], None)
        found = self.tree.resolve_code(source.doc.issuer, code)
        if found is None:
            return Resolution(RefStatus.UNKNOWN_ISSUER, None, [], None)
        org, _unit = found
        candidates = self.by_symbol.get((org.key, code, type_, number), [])
        if not candidates:
            remote = self.remote_by_symbol.get((org.key, code, type_, number), [])
            if remote:
                status, target, candidates, _ = self._choose(source, remote, date, org.key)
                return Resolution(
                    (RefStatus.FEDERATED if status == RefStatus.OK else status), target, candidates, org.key
                )
            return Resolution(RefStatus.UNRESOLVED, None, [], org.key)
        return self._choose(source, candidates, date, org.key)

    def _choose(self, source: Entry, candidates: list[Entry], date: dt.date | None, org_key: str) -> Resolution:
        """The one candidate a citation means: by its date, else by term, else the only one."""
        if date is not None:
            exact = [c for c in candidates if c.doc.date == date]
            if len(exact) == 1:
                return Resolution(RefStatus.OK, exact[0], candidates, org_key)
            # Numbers restart every term: a candidate from another term is another document.
            cited_term = self.term_id(org_key, date)
            same_term = [
                c
                for c in candidates
                if c.doc.date is None or cited_term is None or self.term_id(org_key, c.doc.date) == cited_term
            ]
            if len(same_term) == 1:
                return Resolution(RefStatus.OK, same_term[0], candidates, org_key)
            return Resolution((RefStatus.AMBIGUOUS if same_term else RefStatus.UNRESOLVED), None, candidates, org_key)
        if len(candidates) == 1:
            return Resolution(RefStatus.OK, candidates[0], candidates, org_key)
        # Undated citation of a recurring number: the one in force when the citing document was issued.
        when = source.doc.date
        if when is not None:
            cited_term = self.term_id(org_key, when)
            in_term = [
                c
                for c in candidates
                if c.doc.date and c.doc.date <= when and self.term_id(org_key, c.doc.date) == cited_term
            ]
            if len(in_term) == 1:
                return Resolution(RefStatus.OK, in_term[0], candidates, org_key)
        return Resolution(RefStatus.AMBIGUOUS, None, candidates, org_key)


def _resolved_code(
    index: Index, source: Entry, code: str, type_: str | None, number: int
) -> tuple[str, bool, list[str]]:
    """(code to look up, whether a look-alike was corrected, the codes it looks like when it is ambiguous).

    A code the tree does not know that is one look-alike letter away from exactly one code it knows is that
    code («DUK» is «ĐUK»). From several («TƯ» may be «TU», or «TW» typed in Telex), the one under which the
    cited document exists wins; when that does not decide, it is reported as ambiguous."""
    tree = index.tree
    if tree.resolve_code(source.doc.issuer, code) is not None:
        return code, False, []
    near = [known for known in tree.codes_seen_from(source.doc.issuer) if one_lookalike_apart(code, known)]
    if len(near) > 1:
        holding = [c for c in near if index.holds(source, c, type_, number)]
        near = holding if len(holding) == 1 else near
    if len(near) == 1:
        return near[0], True, []
    return code, False, near


def _reference(
    index: Index,
    source: Entry,
    symbol: str,
    type_: str | None,
    number: int,
    code: str,
    date: dt.date | None,
    relation: RelationType,
    citation: Citation | None = None,
    relation_index: int | None = None,
    origin: Origin = "body",
) -> Reference | None:
    """A reference resolved, unless the citing document declares it external; None for a tentative form
    («1234/QĐ-TTg», «03-KHCN») whose issuer code is not one of the tree's: not a Party citation at all."""
    code, fixed, near = _resolved_code(index, source, code, type_, number)
    externals = _externals(source)
    if externals and (f"{number:02d}-{type_}/{code}" in externals or symbol.replace(" ", "").upper() in externals):
        resolved = Resolution(RefStatus.EXTERNAL, None, [], None)
    elif near:
        resolved = Resolution(RefStatus.AMBIGUOUS_CODE, None, [], None)
    else:
        resolved = index.resolve(source, type_, number, code, date)
    if (
        citation is not None
        and citation.tentative
        and resolved.status in (RefStatus.UNKNOWN_ISSUER, RefStatus.AMBIGUOUS_CODE)
    ):
        return None
    status = (
        RefStatus.SELF
        if resolved.target is source or _own_symbol(source, type_, number, code, date)
        else resolved.status
    )
    return Reference(
        source,
        symbol,
        type_,
        number,
        code,
        date,
        None,
        relation,
        status,
        resolved.target,
        resolved.candidates,
        citation,
        resolved.target_org,
        relation_index,
        origin,
        fixed,
        near,
    )


def _own_symbol(source: Entry, type_: str | None, number: int, code: str, date: dt.date | None) -> bool:
    """Whether a symbol is the document's own «Số …» line while its `number` is left empty: the index holds
    documents by number, so such a document is never found as its own target."""
    if source.doc.number or not source.doc.symbol_as_written or (date is not None and date != source.doc.date):
        return False
    own = citations_in(source.doc.symbol_as_written)
    return bool(own) and (own[0].number_int, own[0].type, own[0].code) == (number, type_, code.upper())


def _externals(entry: Entry) -> set[str]:
    return {s.replace(" ", "").upper() for s in entry.doc.external}


def _cite(index: Index, e: Entry, c: Citation, origin: Origin) -> Reference | None:
    return _reference(index, e, c.symbol, c.type, c.number_int, c.code, c.date, "cites", c, origin=origin)


_DIGIT = re.compile(r"\d")


def resolve_all(repo: Repository, index: Index | None = None) -> list[Reference]:
    index = index or Index(repo)
    refs: list[Reference | None] = []
    for e in repo.entries:
        refs += [_cite(index, e, c, "body") for c in e.citations]
        if e.doc.title and _DIGIT.search(e.doc.title):  # the trích yếu may cite too (a symbol has a number)
            refs += [_cite(index, e, c, "title") for c in citations_in(e.doc.title)]
        for i, r in enumerate(e.doc.relations):
            if r.target in index.by_key:
                target = index.by_key[r.target]
                refs.append(
                    Reference(
                        e,
                        r.target,
                        target.doc.type,
                        number_int(target.doc.number) or 0,
                        target.issuer_code(repo.orgs),
                        r.date,
                        None,
                        r.type,
                        RefStatus.OK,
                        target,
                        [target],
                        target_org=target.doc.issuer,
                        relation_index=i,
                        origin="relation",
                    )
                )
                continue
            c = read_symbol(r.target)
            if c is None or c.in_list:
                refs.append(
                    Reference(
                        e,
                        r.target,
                        None,
                        0,
                        "",
                        r.date,
                        None,
                        r.type,
                        RefStatus.UNRESOLVED,
                        relation_index=i,
                        origin="relation",
                    )
                )
                continue
            refs.append(
                _reference(
                    index,
                    e,
                    r.target,
                    c.type,
                    c.number_int,
                    c.code,
                    r.date,
                    r.type,
                    relation_index=i,
                    origin="relation",
                )
            )
    return [ref for ref in refs if ref is not None]


class Graph:
    """Typed, directed relations stored once per pair; reverse lookups computed."""

    def __init__(self, refs: list[Reference]):
        best: dict[tuple[str, str], Edge] = {}
        for ref in refs:
            if ref.status != RefStatus.OK or ref.target is None:
                continue
            pair = (ref.source.key, ref.target.key)
            edge = best.get(pair)
            if edge is None:
                best[pair] = Edge(pair[0], pair[1], ref.relation, ref)
            elif PRIORITY[ref.relation] < PRIORITY[edge.type]:
                edge.type = ref.relation
        self.edges = sorted(best.values(), key=lambda e: (e.source, PRIORITY[e.type], e.target))
        self.outgoing: dict[str, list[Edge]] = defaultdict(list)
        self.incoming: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            self.outgoing[edge.source].append(edge)
            self.incoming[edge.target].append(edge)

    def targets(self, key: str, type_: str | None = None) -> list[str]:
        return [e.target for e in self.outgoing.get(key, []) if type_ is None or e.type == type_]

    def sources(self, key: str, type_: str | None = None) -> list[str]:
        return [e.source for e in self.incoming.get(key, []) if type_ is None or e.type == type_]
