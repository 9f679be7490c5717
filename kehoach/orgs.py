"""The organisation tree: ancestry, relative issuer codes, terms and units."""

from __future__ import annotations

import datetime as dt

from .model import Organization, Term, Unit
from .text import fold


class OrgTree:
    def __init__(self, organizations: list[Organization]):
        self.by_key: dict[str, Organization] = {}
        for org in organizations:
            self.by_key.setdefault(org.key, org)
        self._ancestry: dict[str, list[Organization]] = {}
        self._codes: dict[tuple[str, str], tuple[Organization, Unit | None] | None] = {}

    def __contains__(self, key: str) -> bool:
        return key in self.by_key

    def get(self, key: str) -> Organization | None:
        return self.by_key.get(key)

    def ancestry(self, key: str) -> list[Organization]:
        """The organisation itself, then its parent, up to the root (cycles cut)."""
        if key not in self._ancestry:
            chain, seen, org = [], set(), self.by_key.get(key)
            while org is not None and org.key not in seen:
                chain.append(org)
                seen.add(org.key)
                org = self.by_key.get(org.parent) if org.parent else None
            self._ancestry[key] = chain
        return self._ancestry[key]

    def resolve_code(self, citing_org: str, code: str) -> tuple[Organization, Unit | None] | None:
        """Which organisation a relative issuer code ('ĐUK', 'TU', 'BTCTW') means, seen from `citing_org`."""
        memo = (citing_org, code.upper())
        if memo not in self._codes:
            self._codes[memo] = self._resolve_code(citing_org, memo[1])
        return self._codes[memo]

    def _resolve_code(self, citing_org: str, wanted: str) -> tuple[Organization, Unit | None] | None:
        for org in self.ancestry(citing_org):
            if wanted in (c.upper() for c in org.codes):
                return org, None
            for unit in org.units:
                if wanted in (c.upper() for c in unit.codes):
                    return org, unit
        return None

    def term_at(self, org_key: str, day: dt.date) -> Term | None:
        """The latest term of the organisation that had begun by `day` and not ended before it."""
        org = self.by_key.get(org_key)
        if org is None:
            return None
        started = [t for t in org.terms if t.first_day <= day <= t.last_day]
        return max(started, key=lambda t: t.first_day) if started else None

    def term_by_id(self, org_key: str, term_id: str) -> Term | None:
        org = self.by_key.get(org_key)
        return next((t for t in org.terms if t.id == term_id), None) if org else None

    def find_unit(self, org_key: str, ref: str) -> tuple[Organization, Unit | None] | None:
        """Resolve an owner reference: a unit of `org_key`, an organisation key, or `org:unit`."""
        if ":" in ref:
            org_part, unit_part = ref.split(":", 1)
            org = self.by_key.get(org_part)
            unit = next((u for u in org.units if u.key == unit_part), None) if org else None
            return (org, unit) if unit else None
        org = self.by_key.get(org_key)
        if org is not None:
            unit = next((u for u in org.units if u.key == ref), None)
            if unit is not None:
                return org, unit
        if ref in self.by_key:
            return self.by_key[ref], None
        return None

    def label(self, org_key: str, unit: Unit | None = None) -> str:
        org = self.by_key.get(org_key)
        if unit is not None:
            return unit.name
        return org.name if org else org_key

    def children(self, key: str) -> list[Organization]:
        return [o for o in self.by_key.values() if o.parent == key]


# Words that name a level of the hierarchy in prose ("của Ban Thường vụ Tỉnh ủy Phú Thọ").
LEVEL_WORDS = {
    "central": ("trung uong", "bo chinh tri", "ban bi thu"),
    "province": ("tinh uy", "thanh uy", "dang bo tinh", "dang bo thanh pho"),
    "bloc": ("dang uy khoi", "dang bo khoi"),
}


def level_named(phrase: str) -> str | None:
    """The hierarchy level a phrase attributes a document to: the first body it names.

    "của Ban Chấp hành Trung ương, Ban Thường vụ Đảng ủy Khối xây dựng…" attributes to the centre;
    the bloc committee named afterwards is the subject of the next clause.
    """
    folded = fold(phrase)
    best: tuple[int, str] | None = None
    for level, words in LEVEL_WORDS.items():
        for w in words:
            at = folded.find(w)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, level)
    return best[1] if best else None
