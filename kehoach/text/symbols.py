"""Document symbols (`số-LOẠI/CƠQUAN`) and the citations of documents in text.

Forms seen in real documents: "Nghị quyết số 21-NQ/TW, ngày 16/6/2022", "Kết luận 21-KL/TW, ngày
25/10/2021", "Nghị quyết số 02, 03, 04-NQ/ĐUK", "Kế hoạch số 54- KH/ĐUK", "64-Kh/ĐUK", "Chỉ thị 05-CT/TW",
"Kế hoạch số 41-KH/ĐUK) ngày 21 tháng 3 năm 2023". Forms typed or scanned wrongly, recognised so that
they can be checked and their standard form given: a space or a dash for the hyphen («21 NQ/TW»,
«21–NQ/TW», «21 — NQ/TW»), a missing slash («21-NQTW»), slash and hyphen swapped («21/NQ-TW»), any case
(«NQ/Tw»), scanning confusions («2O-NQ/TW», «TB0», «TƯ» for «TU»).

The swapped and glued forms are *tentative*: «1234/QĐ-TTg» is a state document and «03-KHCN» a name,
so they count as citations only when their issuer code resolves in the organisation tree (the model
decides: see model/references.py). State symbols with a year («30/2020/NĐ-CP») are never read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Literal

from .dates import DateError, date_parts, date_pattern, make_date
from .doctypes import DOC_TYPES, canonical_type, types_for_word
from .plain import PlainText
from .unicode import unconfuse

_TYPE_WORDS = sorted({w for _, words in DOC_TYPES.values() for w in words}, key=len, reverse=True)
# Letters of type and issuer codes, Vietnamese capitals and look-alikes included (Ð is decoded to Đ first).
_L = "A-Za-zĐđÐðƯưƠơÂâĂăÊêÔôƉ"
DASHES = "-‐‑‒–—−"  # hyphen, and what a word processor turns it into
_DASH = rf"[{DASHES}]"
_NUM = r"[\dOolI]{1,4}"  # a scanned «O» or «l» inside a number is a zero or a one
_NUMS = rf"{_NUM}(?:\s*,\s*{_NUM})*"
_TYPE = rf"[{_L}][{_L}0]{{0,3}}"
_CODE = rf"[{_L}][{_L}01]{{1,7}}"
_SPACE = r"[ \t\u00a0]"

# Anchored on the number's first digit, consumed first: a pattern that opens with a plain character set
# lets the regex engine jump from digit to digit (a lookbehind or an alternation first would make it try
# every position). The characters before it are checked by the lookbehind that follows: a symbol never
# follows a word character, a slash, a dot or a dash (it would be part of a date, a state symbol or another
# number), except a scanned «O» or «l» that starts the number («O1-KL/TW»).
_BEFORE = rf"[\w/.{DASHES}]"
SYMBOL_RE = re.compile(
    rf"\d(?<=(?:(?<!{_BEFORE})|(?<=(?<!{_BEFORE})[OolI]))\d)"
    rf"(?P<rest>[\dOolI]{{0,3}})(?:"
    # 21-NQ/TW, 21 - NQ/TW, 21–NQ/TW, 21 NQ/TW, 21NQ/TW, and lists: 02, 03, 04-NQ/ĐUK
    rf"(?P<more>(?:\s*,\s*{_NUM})*)(?P<sep>{_SPACE}*{_DASH}{_SPACE}*|{_SPACE}*)(?P<type>{_TYPE})(?P<slash>\s*/\s*)"
    rf"(?P<code>{_CODE})"
    # 21/NQ-TW
    rf"|(?P<s_slash>\s*/\s*)(?P<s_type>{_TYPE})(?P<s_sep>{_SPACE}*{_DASH}{_SPACE}*)(?P<s_code>{_CODE})"
    # 21-NQTW (capitals only: «03-Khoa» is a word)
    rf"|(?P<g_sep>{_SPACE}*{_DASH}{_SPACE}*)(?P<g_letters>[A-ZĐƯƠÂĂÊÔ]{{3,10}})"
    rf")(?![\w/])"
)
_PREFIX_RE = re.compile(rf"(?:(?P<word>{'|'.join(_TYPE_WORDS)})\s+)?(?:(?P<so>số)\s*:?\s+)?$", re.IGNORECASE)
_TAIL_RE = re.compile(rf"\)?\s*[,;]?\s*(?:ban hành\s+)?(?:[Nn]gày\s+)?{date_pattern('t', year=True)}")
# The words after a citation that say who issued it and in which term: "của Bộ Chính trị (khóa III)".
_ATTRIBUTION_END = re.compile(r"[;“”\"\n]|\.\s|\s(?:về|thực hiện|gắn với|và|để)\s", re.IGNORECASE)
TERM_RE = re.compile(r"kh(?:óa|oá|oa)\s+(?P<roman>[IVXLC]+)\b", re.IGNORECASE)

Form = Literal["standard", "swapped", "glued"]


@dataclass
class Citation:
    number: str
    number_int: int
    type_written: str
    type: str | None  # canonical code, None when unknown
    code: str  # issuer code as a code is compared: capitals, look-alike letters mapped
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
    written: str = ""  # the symbol exactly as written: «21 – NQ/Tw»
    form: Form = "standard"
    irregular: bool = False  # written otherwise than the standard form (separator, case, look-alikes)

    @property
    def symbol(self) -> str:
        return f"{self.number}-{self.type or self.type_written}/{self.code}"

    @property
    def tentative(self) -> bool:
        """A swapped or glued form: a citation only if its issuer code resolves (else a state symbol, a name)."""
        return self.form != "standard"

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


def _cited_date(m: re.Match[str]) -> dt.date | None:
    """The cited date, or None; an impossible one is reported by the date check, not here."""
    found = date_parts(m, "t")
    if found is None or found[2] is None:
        return None
    try:
        return make_date(found[0], found[1], found[2])
    except DateError:
        return None


@dataclass(frozen=True)
class Symbol:
    """The parts of one symbol match, whatever its form."""

    nums: str
    nums_start: int
    type_written: str
    type: str | None
    code_written: str
    form: Form
    irregular: bool


def _glued(letters: str) -> tuple[str, str] | None:
    """«NQTW» -> («NQ», «TW»): the longest known type code followed by at least two letters of code."""
    for size in (3, 2):
        if len(letters) - size >= 2 and canonical_type(letters[:size]) is not None:
            return letters[:size], letters[size:]
    return None


def parse_symbol(m: re.Match[str]) -> Symbol | None:
    """The parts of a SYMBOL_RE match; None for a glued form that splits into no type and code."""
    start = m.start()
    if start and m.string[start - 1] in _LOOKALIKE_DIGITS:  # «O1-KL/TW»: the scanned letter starts the number
        start -= 1
    number = m.string[start : m.end("rest")]
    if m.group("type") is not None:
        nums, type_written, code_written = number + m.group("more"), m.group("type"), m.group("code")
        form: Form = "standard"
        separators_ok = m.group("sep") == "-" and m.group("slash") == "/"
    elif m.group("s_type") is not None:
        nums, type_written, code_written = number, m.group("s_type"), m.group("s_code")
        form, separators_ok = "swapped", False
        if canonical_type(type_written) is None:
            return None  # «123/UBND-VX»: a state office's letter
    else:
        split = _glued(m.group("g_letters"))
        if split is None:
            return None
        nums, (type_written, code_written) = number, split
        form, separators_ok = "glued", False
    type_ = canonical_type(type_written)
    irregular = (
        not separators_ok
        or type_written != type_
        or code_written != unconfuse(code_written).upper()
        or any(ch in nums for ch in _LOOKALIKE_DIGITS)
    )
    return Symbol(nums, start, type_written, type_, code_written, form, irregular)


_LOOKALIKE_DIGITS = frozenset("OolI")
_AS_DIGITS = str.maketrans("OolI", "0011")


def find_citations(plain: PlainText) -> list[Citation]:
    text = plain.text
    found: list[Citation] = []
    matches = [(m, s) for m in SYMBOL_RE.finditer(text) if (s := parse_symbol(m)) is not None]
    for i, (m, sym) in enumerate(matches):
        prefix = _PREFIX_RE.search(text, max(0, sym.nums_start - 40), sym.nums_start)
        start = prefix.start() if prefix and prefix.group(0) else sym.nums_start
        tail = _TAIL_RE.match(text, m.end())
        date = _cited_date(tail) if tail else None
        end = tail.end() if tail else m.end()
        code = unconfuse(sym.code_written).upper()
        limit = matches[i + 1][0].start() if i + 1 < len(matches) else len(text)
        after = text[end : min(end + 160, limit)]
        cut = _ATTRIBUTION_END.search(after)
        attribution = (after[: cut.start()] if cut else after).strip(" ,")
        word = prefix["word"] if prefix else None
        number_spans = [(n.start(), n.end()) for n in re.finditer(r"[\dOolI]+", sym.nums)]
        for k, (ns, ne) in enumerate(number_spans):
            last = k == len(number_spans) - 1  # in "02, 03, 04-NQ/ĐUK, ngày …" a single date belongs to the last item
            written_number = sym.nums[ns:ne]
            number = written_number.translate(_AS_DIGITS)
            link_start, link_end = sym.nums_start + ns, (m.end() if last else sym.nums_start + ne)
            found.append(
                Citation(
                    number=number,
                    number_int=int(number),
                    type_written=sym.type_written,
                    type=sym.type,
                    code=code,
                    code_written=sym.code_written,
                    date=date if last else None,
                    word=word,
                    as_written=text[start:end],
                    start=start,
                    end=end,
                    link_start=link_start,
                    link_end=link_end,
                    attribution=attribution,
                    in_list=len(number_spans) > 1,
                    written=text[sym.nums_start : m.end()],
                    form=sym.form,
                    irregular=sym.irregular or written_number != number,
                )
            )
    return found


@lru_cache(maxsize=8192)
def citations_in(text: str) -> tuple[Citation, ...]:
    """The citations of a short text (a title, a relation's target), remembered: the same few recur."""
    return tuple(find_citations(PlainText(text)))


def read_symbol(text: str) -> Citation | None:
    """The one symbol `text` consists of (a front matter relation: «134-KH/TU», «Nghị quyết số 21-NQ/TW»)."""
    found = citations_in(text.strip())
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(text.strip()):
        return None
    return found[0]


def word_types(c: Citation) -> tuple[str, ...]:
    """The type codes the introducing word stands for ("Quy định" may be QĐ, QĐi or QyĐ)."""
    return types_for_word(c.word) if c.word else ()


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


@dataclass(frozen=True)
class NumberLine:
    """The «Số …» line of a document's own header: its symbol, the number perhaps left blank to fill by hand."""

    written: str  # the line as printed, trimmed: «Số 15 - HD/BTCTU», «Số      -BC/ĐU», «Số: 112-KH/HU»
    number: str | None  # as printed, leading zeros kept («02»); None when left blank
    type_written: str
    type: str | None  # canonical code, None when unknown
    code_written: str
    code: str  # as codes are compared: capitals, look-alike letters mapped

    @property
    def symbol(self) -> str | None:
        """The standard form «15-HD/BTCTU»; None when the number is blank."""
        return f"{self.number}-{self.type or self.type_written}/{self.code}" if self.number else None


_NUMBER_WORD = re.compile(r"[Ss]ố\s*:?\s*")
_BLANK_NUMBER = re.compile(
    rf"[\s._…]*{_DASH}{_SPACE}*(?P<type>{_TYPE})\s*/\s*(?P<code>{_CODE})(?![\w/])|[\s._…]*/\s*(?P<s_type>{_TYPE})"
    rf"{_DASH}(?P<s_code>{_CODE})(?![\w/])"
)


def read_number_line(text: str) -> NumberLine | None:
    """The document's own symbol from its «Số …» line («Số 90 -KH/ĐUK», «Số      -BC/ĐU»); None for other text."""
    text = text.strip()
    word = _NUMBER_WORD.match(text)
    if word is None:
        return None
    rest = text[word.end() :]
    found = find_citations(PlainText(rest))
    if found and found[0].start == 0:
        c = found[0]  # what follows the symbol on the line (a dateline run into it) is not part of it
        return NumberLine(text[: word.end() + c.link_end], c.number, c.type_written, c.type, c.code_written, c.code)
    blank = _BLANK_NUMBER.match(rest)
    if blank is None:
        return None
    type_written = blank["type"] or blank["s_type"]
    code_written = blank["code"] or blank["s_code"]
    return NumberLine(
        text[: word.end() + blank.end()],
        None,
        type_written,
        canonical_type(type_written),
        code_written,
        unconfuse(code_written).upper(),
    )
