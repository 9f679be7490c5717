"""Resolve citations through the organisation tree and build one graph of typed relations."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .citations import CITATION_RE, Citation
from .doctypes import canonical_type
from .loader import Entry, Repository
from .orgs import OrgTree

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
    relation: str
    # ok | self | unresolved | ambiguous | external | unknown-issuer | unknown-type
    # | federated (found in another site's registry) | withheld (hidden from this build)
    status: str
    target: Entry | None = None
    candidates: list[Entry] = field(default_factory=list)
    citation: Citation | None = None
    target_org: str | None = None
    relation_index: int | None = None  # position in front matter `relations`, for its line

    def where(self) -> int | None:
        """File line: the body line of a citation, or the front matter line of a relation (computed on demand)."""
        if self.line is None:
            if self.citation is not None:
                self.line = self.source.file_line(self.citation.start)
            elif self.relation_index is not None:
                self.line = self.source.field_line("relations", self.relation_index, "target")
        return self.line


@dataclass
class Edge:
    source: str
    target: str
    type: str
    ref: Reference  # the first reference that made this edge (for its line, on demand)


def entry_code(entry: Entry, tree: OrgTree) -> str:
    if entry.doc.issuer_code:
        return entry.doc.issuer_code.upper()
    org = tree.get(entry.doc.issuer)
    return org.codes[0].upper() if org and org.codes else ""


def number_int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


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
                found[(e.doc.issuer, entry_code(e, self.tree), e.doc.type, n)].append(e)
        return found

    def term_id(self, org: str, day: dt.date | None) -> str | None:
        term = self.tree.term_at(org, day) if day else None
        return term.id if term else None

    def resolve(self, source: Entry, type_: str | None, number: int, code: str, date: dt.date | None):
        """(status, target, candidates, target_org) for a symbol cited by `source`."""
        if type_ is None:
            return "unknown-type", None, [], None
        found = self.tree.resolve_code(source.doc.issuer, code)
        if found is None:
            return "unknown-issuer", None, [], None
        org, _unit = found
        candidates = self.by_symbol.get((org.key, code, type_, number), [])
        if not candidates:
            remote = self.remote_by_symbol.get((org.key, code, type_, number), [])
            if remote:
                status, target, candidates, _ = self._choose(source, remote, date, org.key)
                return ("federated" if status == "ok" else status), target, candidates, org.key
            return "unresolved", None, [], org.key
        return self._choose(source, candidates, date, org.key)

    def _choose(self, source: Entry, candidates: list[Entry], date: dt.date | None, org_key: str):
        """The one candidate a citation means: by its date, else by term, else the only one."""
        if date is not None:
            exact = [c for c in candidates if c.doc.date == date]
            if len(exact) == 1:
                return "ok", exact[0], candidates, org_key
            # Numbers restart every term: a candidate from another term is another document.
            cited_term = self.term_id(org_key, date)
            same_term = [c for c in candidates if c.doc.date is None or cited_term is None
                         or self.term_id(org_key, c.doc.date) == cited_term]
            if len(same_term) == 1:
                return "ok", same_term[0], candidates, org_key
            return ("ambiguous" if same_term else "unresolved"), None, candidates, org_key
        if len(candidates) == 1:
            return "ok", candidates[0], candidates, org_key
        # Undated citation of a recurring number: the one in force when the citing document was issued.
        when = source.doc.date
        if when is not None:
            cited_term = self.term_id(org_key, when)
            in_term = [c for c in candidates if c.doc.date and c.doc.date <= when
                       and self.term_id(org_key, c.doc.date) == cited_term]
            if len(in_term) == 1:
                return "ok", in_term[0], candidates, org_key
        return "ambiguous", None, candidates, org_key


_SYMBOL_ONLY = re.compile(r"^\s*" + CITATION_RE.pattern + r"\s*$", re.IGNORECASE)


def _reference(index: Index, source: Entry, symbol: str, type_, number, code, date, line, relation,
               citation=None, relation_index=None):
    externals = _externals(source)
    if externals and (f"{number:02d}-{type_}/{code}" in externals or symbol.replace(" ", "").upper() in externals):
        return Reference(source, symbol, type_, number, code, date, line, relation, "external",
                         citation=citation, relation_index=relation_index)
    status, target, candidates, target_org = index.resolve(source, type_, number, code, date)
    if target is source:
        status = "self"
    return Reference(source, symbol, type_, number, code, date, line, relation, status, target, candidates,
                     citation, target_org, relation_index)


def _externals(entry: Entry) -> set[str]:
    return {s.replace(" ", "").upper() for s in entry.doc.external}


def resolve_all(repo: Repository, index: Index | None = None) -> list[Reference]:
    index = index or Index(repo)
    refs: list[Reference] = []
    for e in repo.entries:
        for c in e.citations:
            refs.append(_reference(index, e, c.symbol, c.type, c.number_int, c.code, c.date, None, "cites", c))
        for i, r in enumerate(e.doc.relations):
            if r.target in index.by_key:
                target = index.by_key[r.target]
                refs.append(Reference(e, r.target, target.doc.type, number_int(target.doc.number) or 0,
                                      entry_code(target, repo.orgs), r.date, None, r.type, "ok", target,
                                      [target], target_org=target.doc.issuer, relation_index=i))
                continue
            m = _SYMBOL_ONLY.match(r.target)
            if not m or "," in m["nums"]:
                refs.append(Reference(e, r.target, None, 0, "", r.date, None, r.type, "unresolved", relation_index=i))
                continue
            code = m["code"].replace("Ð", "Đ").upper()
            refs.append(_reference(index, e, r.target, canonical_type(m["type"]), int(m["nums"]), code,
                                   r.date, None, r.type, relation_index=i))
    return refs


class Graph:
    """Typed, directed relations stored once per pair; reverse lookups computed."""

    def __init__(self, refs: list[Reference]):
        best: dict[tuple[str, str], Edge] = {}
        for ref in refs:
            if ref.status != "ok" or ref.target is None:
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
