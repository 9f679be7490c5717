"""Find citations of documents in body text.

Forms seen in real documents: "Nghị quyết số 21-NQ/TW, ngày 16/6/2022", "Kết luận 21-KL/TW, ngày
25/10/2021", "Nghị quyết số 02, 03, 04-NQ/ĐUK", "Kế hoạch số 54- KH/ĐUK", "64-Kh/ĐUK",
"Chỉ thị 05-CT/TW", "Kế hoạch số 41-KH/ĐUK) ngày 21 tháng 3 năm 2023".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

from .dates import DateError, make_date
from .doctypes import DOC_TYPES, canonical_type, type_for_word
from .plain import PlainText
from .unicode import unconfuse

_TYPE_WORDS = sorted({w for _, words in DOC_TYPES.values() for w in words}, key=len, reverse=True)
_LETTER = r"A-Za-zĐđÐð"

# Anchored on the symbol itself ("21-NQ/TW"), which starts with a digit: scanning for a digit is
# fast, whereas optional leading words would make the engine try every position of the text.
# "\d\d{0,3}", not "\d{1,4}": a pattern that opens with a plain character set lets the engine
# jump from digit to digit.
SYMBOL_RE = re.compile(
    rf"(?P<nums>\d\d{{0,3}}(?:\s*,\s*\d{{1,4}})*)\s*-\s*(?P<type>[{_LETTER}]{{1,4}})\s*/\s*(?P<code>[{_LETTER}]{{2,8}})\b"
)
_PREFIX_RE = re.compile(rf"(?:(?P<word>{'|'.join(_TYPE_WORDS)})\s+)?(?:(?P<so>số)\s+)?$", re.IGNORECASE)
_TAIL_RE = re.compile(
    r"\)?\s*[,;]?\s*(?:ban hành\s+)?(?:[Nn]gày\s+)?"
    r"(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"|(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4}))"
)
# The whole form at once, for a symbol given alone (front matter relations).
CITATION_RE = re.compile(
    rf"(?:(?P<word>{'|'.join(_TYPE_WORDS)})\s+)?(?:(?P<so>số)\s+)?" + SYMBOL_RE.pattern,
    re.IGNORECASE,
)

# The words after a citation that say who issued it and in which term: "của Bộ Chính trị (khóa III)".
_ATTRIBUTION_END = re.compile(r"[;“”\"\n]|\.\s|\s(?:về|thực hiện|gắn với|và|để)\s", re.IGNORECASE)
TERM_RE = re.compile(r"kh(?:óa|oá|oa)\s+(?P<roman>[IVXLC]+)\b", re.IGNORECASE)


@dataclass
class Citation:
    number: str
    number_int: int
    type_written: str
    type: str | None  # canonical code, None when unknown
    code: str  # issuer code, confusables mapped
    code_written: str
    date: dt.date | None
    word: str | None  # the introducing word ("Nghị quyết")
    as_written: str
    start: int  # offsets in the plain text: the whole citation, lead-in words and date included
    end: int
    link_start: int  # the part a reader would click: "21-NQ/TW", or "03" inside "02, 03, 04-NQ/ĐUK"
    link_end: int
    attribution: str = ""
    in_list: bool = False

    @property
    def symbol(self) -> str:
        return f"{self.number}-{self.type or self.type_written}/{self.code}"

    def as_record(self) -> tuple[object, ...]:
        """Built-in values only, in field order (the load cache stores these)."""
        values = list(self.__dict__.values())
        values[_DATE_FIELD] = self.date.toordinal() if self.date else None
        return tuple(values)

    @classmethod
    def from_record(cls, values: tuple[object, ...]) -> Citation:
        named = dict(zip(_FIELDS, values, strict=True))
        ordinal = named["date"]
        named["date"] = dt.date.fromordinal(ordinal) if isinstance(ordinal, int) else None
        return cls(**named)  # type: ignore[arg-type]  # a record of built-in values, as as_record() wrote it


_FIELDS = [f.name for f in fields(Citation)]
_DATE_FIELD = _FIELDS.index("date")


def _cited_date(m: re.Match) -> dt.date | None:
    """The cited date, or None; an impossible one is reported by the date check, not here."""
    if m["d"]:
        d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    elif m["ld"]:
        d, mo, y = int(m["ld"]), int(m["lm"]), int(m["ly"])
    else:
        return None
    try:
        return make_date(d, mo, y)
    except DateError:
        return None


def find_citations(plain: PlainText) -> list[Citation]:
    text = plain.text
    found: list[Citation] = []
    # a symbol never follows a digit or a slash (that would be part of a date or another number)
    matches = [
        m
        for m in SYMBOL_RE.finditer(text)
        if not (m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "/"))
    ]
    for i, m in enumerate(matches):
        prefix = _PREFIX_RE.search(text, max(0, m.start() - 40), m.start())
        start = prefix.start() if prefix and prefix.group(0) else m.start()
        tail = _TAIL_RE.match(text, m.end())
        date = _cited_date(tail) if tail else None
        end = tail.end() if tail else m.end()
        nums = [n.strip() for n in m["nums"].split(",")]
        code = unconfuse(m["code"]).upper()
        limit = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        after = text[end : min(end + 160, limit)]
        cut = _ATTRIBUTION_END.search(after)
        attribution = (after[: cut.start()] if cut else after).strip(" ,")
        word = prefix["word"] if prefix else None
        number_spans = [(n.start(), n.end()) for n in re.finditer(r"\d+", m["nums"])]
        base = m.start("nums")
        for n, (ns, ne) in zip(nums, number_spans):
            last = n == nums[-1]  # in "02, 03, 04-NQ/ĐUK, ngày …" a single date belongs to the last item only
            link_start, link_end = base + ns, (m.end() if last else base + ne)
            found.append(
                Citation(
                    number=n,
                    number_int=int(n),
                    type_written=m["type"],
                    type=canonical_type(m["type"]),
                    code=code,
                    code_written=m["code"],
                    date=date if last else None,
                    word=word,
                    as_written=text[start:end],
                    start=start,
                    end=end,
                    link_start=link_start,
                    link_end=link_end,
                    attribution=attribution,
                    in_list=len(nums) > 1,
                )
            )
    return found


def word_type(c: Citation) -> str | None:
    return type_for_word(c.word) if c.word else None


def term_label(c: Citation) -> str | None:
    m = TERM_RE.search(c.attribution)
    return m["roman"] if m else None


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total
