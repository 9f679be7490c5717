"""The organisation tree: ancestry, relative issuer codes, terms and units."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .schema import Organization, Term, Unit


class OrgTree:
    def __init__(self, organizations: list[Organization]):
        self.by_key: dict[str, Organization] = {}
        for org in organizations:
            self.by_key.setdefault(org.key, org)
        self._ancestry: dict[str, list[Organization]] = {}
        self._codes: dict[tuple[str, str], tuple[Organization, Unit | None] | None] = {}
        self._short: dict[str, str] | None = None

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

    def codes_seen_from(self, citing_org: str) -> list[str]:
        """Every issuer code a document of `citing_org` may cite: its ancestry's and their units' codes."""
        found: list[str] = []
        for org in self.ancestry(citing_org):
            for code in [*org.codes, *(c for unit in org.units for c in unit.codes)]:
                if code.upper() not in found:
                    found.append(code.upper())
        return found

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
            return (org, unit) if org is not None and unit is not None else None
        org = self.by_key.get(org_key)
        if org is not None:
            unit = next((u for u in org.units if u.key == ref), None)
            if unit is not None:
                return org, unit
        if ref in self.by_key:
            return self.by_key[ref], None
        return None

    def label(self, org_key: str) -> str:
        """The organisation's name; its key when it is not in the tree."""
        org = self.by_key.get(org_key)
        return org.name if org else org_key

    def short_label(self, org_key: str) -> str:
        """A short name that still tells organisations apart, for a column of a task list: the short name and
        the place («Đảng ủy Khối Gia Lai», «Thành ủy Hà Nội»), the short name alone where no other organisation
        has it, else the full name."""
        if self._short is None:
            orgs = list(self.by_key.values())
            shared = Counter(o.short or o.name for o in orgs)
            wanted = {}
            for o in orgs:
                short, place = o.short or o.name, self.place(o.key)
                if place and place not in short:
                    wanted[o.key] = f"{short} {place}"
                elif place or shared[short] == 1:
                    wanted[o.key] = short
                else:
                    wanted[o.key] = o.name
            taken = Counter(wanted.values())
            self._short = {k: v if taken[v] == 1 else self.by_key[k].name for k, v in wanted.items()}
        return self._short.get(org_key, org_key)

    def place(self, org_key: str) -> str | None:
        """Where the organisation is: its own `place`, else that of the nearest ancestor below the centre."""
        return next((o.place for o in self.ancestry(org_key) if o.place and o.level != "central"), None)

    def unit_name(self, issuer: str, ref: str) -> str:
        """Display name of an owner reference (a unit of `issuer`, an organisation, `org:unit`); the reference
        itself when it names nothing."""
        found = self.find_unit(issuer, ref)
        if found is None:
            return ref
        org, unit = found
        return unit.name if unit else org.name

    def children(self, key: str) -> list[Organization]:
        return [o for o in self.by_key.values() if o.parent == key]
