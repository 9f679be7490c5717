"""Who issues a document: the organisation its header block names, matched by whole name; the unit that
issues in its name (a Ban, the Văn phòng, the UBKT); and, for an organisation not in organizations.yml,
what to add there.

A header names the committee as its paper does: «TỈNH ỦY THỪA THIÊN HUẾ» is the organisation «Tỉnh ủy Thừa
Thiên Huế»; «ĐẢNG ỦY KHỐI DOANH NGHIỆP» under «TỈNH ỦY ĐỒNG NAI» is «Đảng ủy Khối Doanh nghiệp tỉnh Đồng
Nai» (the words the header leaves out are those of the line above it or of the place). Words scattered
through the text never make a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..model.orgs import OrgTree
from ..model.schema import Organization, Unit
from ..text.closing import AUTHORITY
from ..text.orgnames import committee_head, organ_head, unit_head
from ..text.unicode import fold

# One spelling for names that mean the same organisation: «Đảng bộ tỉnh X» is led by «Tỉnh ủy X».
_CANONICAL = [
    (r"\bdang bo tinh\b", "tinh uy"),
    (r"\bdang bo thanh pho\b", "thanh uy"),
    (r"\bdang bo huyen\b", "huyen uy"),
    (r"\bdang bo quan\b", "quan uy"),
    (r"\bdang bo thi xa\b", "thi uy"),
    (r"\bdang bo\b", "dang uy"),
    (r"\btp\b", "thanh pho"),
]
# Words a header may leave out of a name without naming another organisation.
_GENERIC = {"dang", "tinh", "thanh", "pho", "huyen", "quan", "thi", "xa"}
# Key prefixes of the repository's organisations, by the committee's word.
_KEY_PREFIX = {
    "tinh uy": "tu",
    "thanh uy": "tu",
    "thi uy": "tu",
    "huyen uy": "hu",
    "quan uy": "qu",
    "dang uy khoi": "duk",
    "dang bo khoi": "duk",
    "dang uy": "du",
    "dang bo": "du",
    "chi bo": "cb",
}
_SIGNS_FOR = re.compile(r"(?:T/M|TM|T/L|TL|TUQ)\.?\s*")  # K/T signs for a person, not for an organ


def canonical(name: str) -> str:
    text = " ".join(re.findall(r"[a-z0-9]+", fold(name)))
    for pattern, replacement in _CANONICAL:
        text = re.sub(pattern, replacement, text)
    return text


@dataclass
class IssuerReading:
    """What the header block says about the issuer, and what organizations.yml makes of it."""

    committee: str | None  # the committee's name as printed («HUYỆN ỦY NAM ĐÀN»)
    unit_line: str | None  # the unit that issues in its own name, as printed («BAN TUYÊN GIÁO»)
    parents: list[str]  # names printed above the committee (the parent level)
    org: Organization | None = None
    candidates: list[Organization] = field(default_factory=list)  # several organisations fit the name

    @property
    def name_read(self) -> str | None:
        """«TỈNH ỦY THỪA THIÊN HUẾ / BAN TUYÊN GIÁO»: the committee, then the issuing unit."""
        parts = [p for p in (self.committee, self.unit_line) if p]
        return " / ".join(parts) if parts else None


def _fits(org_name: str, printed: str, context: set[str]) -> int:
    """2 when the names are the same, 1 when the printed name leaves out only words of its context, else 0."""
    full, short = canonical(org_name), canonical(printed)
    if not short:
        return 0
    if full == short:
        return 2
    if full.startswith(short + " "):
        left_out = set(full[len(short) + 1 :].split())
        return 1 if left_out <= context | _GENERIC else 0
    return 0


def _split_names(names: list[str]) -> tuple[list[str], str | None, str | None]:
    """(parent names, committee, unit): the last committee name issues; a unit's name after it issues for it."""
    unit = names[-1] if names and unit_head(names[-1]) is not None else None
    rest = names[:-1] if unit else names
    committees = [i for i, n in enumerate(rest) if unit_head(n) is None]
    if not committees:
        return rest, None, unit
    last = committees[-1]
    return rest[:last], rest[last], unit


def read_issuer(tree: OrgTree, names: list[str], code: str | None, place: str | None) -> IssuerReading:
    parents, committee, unit = _split_names(names)
    reading = IssuerReading(committee, unit, parents)
    if committee is None:
        return reading
    context = set(canonical(" ".join(parents + [place or ""])).split())
    scored = [
        (score, org) for org in tree.by_key.values() if org.known and (score := _fits(org.name, committee, context))
    ]
    if not scored:
        return reading
    best = max(score for score, _ in scored)
    candidates = [org for score, org in scored if score == best]
    if len(candidates) > 1 and parents:
        candidates = [org for org in candidates if _has_parent(tree, org, parents, context)] or candidates
    if len(candidates) > 1 and code:
        candidates = [org for org in candidates if tree.resolve_code(org.key, code) is not None] or candidates
    if len(candidates) == 1:
        reading.org = candidates[0]
    else:
        reading.candidates = candidates
    return reading


def _has_parent(tree: OrgTree, org: Organization, parents: list[str], context: set[str]) -> bool:
    return any(_fits(a.name, p, context) for a in tree.ancestry(org.key)[1:] for p in parents)


def org_word(org: Organization | None, committee: str | None) -> str | None:
    """How prose names the committee after a unit's name: «Tỉnh ủy», «Trung ương», «Đảng ủy Khối»."""
    if org is not None and org.short:
        return org.short
    head = committee_head(committee) if committee else None
    if head is None:
        return None
    return "Trung ương" if head[2] == "central" else head[1]


def issuing_unit(tree: OrgTree, org: Organization, unit_line: str | None, code: str | None) -> Unit | None:
    """The unit of `org` that issues: the one the symbol's code names, else the one the header names."""
    if code:
        found = tree.resolve_code(org.key, code)
        if found is not None and found[0].key == org.key and found[1] is not None:
            return found[1]
    if unit_line:
        printed = canonical(unit_line)
        return next((u for u in org.units if u.kind == "unit" and canonical(u.name).startswith(printed)), None)
    return None


def unit_name(unit_line: str, word: str | None) -> str:
    """A unit's name in prose when organizations.yml does not hold it: «BAN TỔ CHỨC» → «Ban Tổ chức Thị ủy»."""
    head = unit_head(unit_line)
    prose = head[1] if head else unit_line.capitalize()
    return f"{prose} {word}" if word else prose


def organ_body(org: Organization | None, word: str | None, on_behalf: str | None) -> str | None:
    """The organ a signature acts for, when it is not the committee itself: «T/M BAN THƯỜNG VỤ» → «Ban
    Thường vụ Tỉnh ủy», «T/M BỘ CHÍNH TRỊ» → «Bộ Chính trị»; None for «T/M ĐẢNG ỦY», «K/T BÍ THƯ»."""
    if not on_behalf or not AUTHORITY.match(on_behalf):
        return None
    signs_for = _SIGNS_FOR.match(on_behalf)
    if signs_for is None:
        return None
    organ = on_behalf[signs_for.end() :]
    head = organ_head(organ)
    if head is None:
        return None
    wanted = canonical(organ)
    for unit in org.units if org else []:
        if canonical(unit.name).startswith(wanted):
            return unit.name
    return f"{head[1]} {word}" if head[2] and word else head[1]


# --- an organisation not yet in organizations.yml ---------------------------------------------------


def _prose(printed: str, proper: set[str]) -> str:
    """A name printed in capitals as prose writes it: the committee's word, place names capitalised."""
    head = committee_head(printed)
    words = printed.split()
    taken = len(head[0].split()) if head else 0
    rest = [w.capitalize() if canonical(w) in proper else w.lower() for w in words[taken:]]
    return " ".join(([head[1]] if head else []) + rest)


@dataclass
class Proposal:
    """An organizations.yml entry for an issuer that is not there yet, to check and add."""

    fields: dict[str, object]

    @property
    def key(self) -> str:
        return str(self.fields["key"])

    def block(self) -> str:
        """The entry as it is written in organizations.yml's list."""
        text = yaml.safe_dump([self.fields], allow_unicode=True, sort_keys=False, default_flow_style=None)
        return "\n".join("  " + line for line in text.rstrip("\n").split("\n"))

    def inline(self) -> str:
        """The entry on one line: «- {key: …, name: …}», which organizations.yml accepts as it is."""
        return (
            "- "
            + yaml.safe_dump(
                self.fields, allow_unicode=True, sort_keys=False, default_flow_style=True, width=1000
            ).strip()
        )


def proposal(tree: OrgTree, reading: IssuerReading, code: str | None, place: str | None) -> Proposal:
    """The organisation the header names, as an entry to add to organizations.yml (key suggested)."""
    committee = reading.committee or ""
    head = committee_head(committee)
    proper = set(canonical(" ".join([place or "", *(_after_head(p) for p in reading.parents)])).split())
    rest = canonical(committee)[len(canonical(head[0])) :] if head else canonical(committee)
    key = f"{_KEY_PREFIX.get(head[0], 'to-chuc') if head else 'to-chuc'}-{rest.replace(' ', '')}"[:40]
    parent = _parent(tree, reading, place)
    level = head[2] if head else "base"
    if head and head[0] == "thanh uy" and parent is not None and parent.level == "province":
        level = "district"
    fields: dict[str, object] = {"key": key, "name": _prose(committee, proper), "level": level}
    if parent is not None:
        fields["parent"] = parent.key
    if code:
        fields["codes"] = [code]
    if place:
        fields["place"] = place
    return Proposal(fields)


def _after_head(name: str) -> str:
    """The words of a name after its committee's word: «ĐẢNG BỘ TỈNH NGHỆ AN» → «NGHỆ AN»."""
    head = committee_head(name)
    return " ".join(name.split()[len(head[0].split()) :]) if head else name


def _parent(tree: OrgTree, reading: IssuerReading, place: str | None) -> Organization | None:
    """The organisation above: the one the parent line names, else the province whose place is the dateline's."""
    context = set(canonical(" ".join(reading.parents)).split())
    for printed in reversed(reading.parents):
        found = [o for o in tree.by_key.values() if o.known and _fits(o.name, printed, context)]
        if len(found) == 1:
            return found[0]
    if place:
        found = [o for o in tree.by_key.values() if o.level == "province" and o.place and fold(o.place) == fold(place)]
        if len(found) == 1:
            return found[0]
    return None
