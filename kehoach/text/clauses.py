"""The clauses of a document's opening that name what it implements or is based on.

«Thực hiện Kế hoạch số 134-KH/TU …», «Căn cứ Quy định số 24-QĐ/TW …», «Triển khai …», «Tiếp tục thực
hiện Chỉ thị số 45-CT/TW …», also as items of a list («- Căn cứ …;») and in a later paragraph of the
opening; and a title «về thực hiện Nghị quyết số 21-NQ/TW». A clause names one document, or several
separated by «;» («Thực hiện Nghị quyết số 02-NQ/ĐUK …; Chương trình số 52-CTr/ĐUK …»): those are its
items. A document named inside an item's description («Kết luận số 01-KL/TW về tiếp tục thực hiện Chỉ thị
số 05-CT/TW») is only cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .doctypes import DOC_TYPES
from .symbols import Citation

# «Thực hiện», «Triển khai», «Tiếp tục thực hiện», «Thi hành», «Quán triệt» name what is implemented;
# «Căn cứ» names a basis (implemented too, when it is the only clause).
_OPENING = re.compile(
    r"[\s\-+•*_>#]*(?:(?:\d+|[a-zđ]|[IVX]+)[.)]\s*)?(?P<verb>(?:tiếp\s+tục\s+)?(?:thực\s+hiện|triển\s+khai|thi\s+hành"
    r"|quán\s+triệt)|căn\s+cứ)\b",
    re.IGNORECASE,
)
# Where the opening ends: the first numbered section («I. MỤC ĐÍCH, YÊU CẦU», «1. Mục đích»).
_FIRST_SECTION = re.compile(r"^[\s*_#]*(?:[IVX]+|\d+)\s*[.)/]\s*\S", re.M)
_IN_TITLE = re.compile(r"(?:thực\s+hiện|triển\s+khai|quán\s+triệt)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
# a title as clerks copy it, with or without its type word: «(Kế hoạch) (về việc) thực hiện Nghị quyết …»
_TYPE_WORD = "|".join(sorted({w for _, words in DOC_TYPES.values() for w in words}, key=len, reverse=True))
_TITLE_OPENS = re.compile(
    rf"\W*(?:(?:{_TYPE_WORD})\s+)?(?:về\s+(?:việc\s+)?)?(?:tiếp\s+tục\s+)?(?:thực\s+hiện|triển\s+khai|quán\s+triệt)\b",
    re.IGNORECASE,
)
OPENING_PARAGRAPHS = 12  # without a numbered section, the opening is this many paragraphs at most

Verb = Literal["implements", "basis"]


@dataclass(frozen=True)
class Clause:
    citation: Citation  # a document the clause names as an item
    verb: Verb  # «thực hiện» and its kin, or «căn cứ»


def _clause_spans(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """(start of the words after the verb, end, verb match) of each opening clause: from its verb to the end
    of its sentence or line, in the paragraphs before the first numbered section."""
    section = _FIRST_SECTION.search(text)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[: section.start() if section else None])]
    spans = []
    for start, end in paragraphs[: OPENING_PARAGRAPHS * 2]:  # a hard-wrapped paragraph spans several lines
        m = _OPENING.match(text, start, end)
        if m is None:
            continue
        sentence_end = text.find(". ", m.end(), end)
        spans.append((m.end(), end if sentence_end < 0 else sentence_end, m))
    return spans


def opening_clauses(text: str, citations: list[Citation]) -> list[Clause]:
    """The items of the opening clauses of a body (its plain text): each document a clause names."""
    if not citations:
        return []
    clauses = []
    for item_start, limit, m in _clause_spans(text):
        verb = _verb(m.group("verb"))
        while item_start < limit:  # an item runs from the verb, or from a «;», to the next «;»
            item_end = text.find(";", item_start, limit)
            item_end = limit if item_end < 0 else item_end
            own = _OPENING.match(text, item_start, item_end)  # «…; thực hiện Kết luận số …»: a verb of its own
            verb = _verb(own.group("verb")) if own is not None else verb
            named = next((c for c in citations if item_start <= c.start < item_end), None)
            if named is not None:
                clauses.append(Clause(named, verb))
            item_start = item_end + 1
    return clauses


def opening_citations(text: str, citations: list[Citation]) -> list[Citation]:
    """Every document the opening clauses name, in order: their items, and the documents named inside an
    item's description («Chương trình số 25-CTr/TU … thực hiện Nghị quyết số 57-NQ/TW»), each once."""
    named: list[Citation] = []
    if not citations:
        return named
    for start, end, _ in _clause_spans(text):
        named += [c for c in citations if start <= c.start < end]
    return named


_CHANGES = re.compile(
    r"(?P<verb>thay\s+thế|bãi\s+bỏ|sửa\s+đổi(?:\s*,\s*bổ\s+sung)?)\s+(?:(?:một\s+số\s+)?(?:điều|nội\s+dung|"
    r"khoản)\s+(?:của\s+)?|toàn\s+bộ\s+)?$",
    re.IGNORECASE,
)
Change = Literal["replaces", "repeals", "amends"]


def changes(text: str, citations: list[Citation]) -> list[tuple[Citation, Change]]:
    """Documents the text replaces, repeals or amends: «… thay thế Quy chế số 01-QC/ĐU, ngày 10/9/2020»."""
    found: list[tuple[Citation, Change]] = []
    for c in citations:
        m = _CHANGES.search(text, max(0, c.start - 60), c.start)
        if m is not None:
            verb = m.group("verb").lower()
            found.append(
                (c, "replaces" if verb.startswith("thay") else "repeals" if verb.startswith("bãi") else "amends")
            )
    return found


def _verb(words: str) -> Verb:
    return "basis" if words.lower().startswith("căn") else "implements"


def title_implements(title: str, citations: list[Citation], leading: bool = False) -> list[Citation]:
    """Citations a title introduces with «(về) thực hiện …»: «Kế hoạch thực hiện Nghị quyết số 21-NQ/TW».

    With `leading`, only when the title opens with the verb: «sơ kết 3 năm thực hiện Kết luận số 01-KL/TW» is
    about a review of that implementation, not an implementation of it."""
    if leading and not _TITLE_OPENS.match(title):
        return []
    return [c for c in citations if _IN_TITLE.search(title, 0, c.link_start)]
