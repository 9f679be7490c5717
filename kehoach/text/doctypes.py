"""Document type codes (the LOẠI part of a symbol `số-LOẠI/CƠQUAN`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .unicode import unconfuse

# canonical code -> (Vietnamese name, body-text words that introduce it). The codes of Hướng dẫn
# 36-HD/VPTW, and those committees use beside them (QĐ for a Quy định before 2018, QyĐ in some provinces).
DOC_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "NQ": ("Nghị quyết", ("nghị quyết",)),
    "QĐ": ("Quyết định / Quy định", ("quyết định", "quy định")),
    "CT": ("Chỉ thị", ("chỉ thị",)),
    "KL": ("Kết luận", ("kết luận",)),
    "QC": ("Quy chế", ("quy chế",)),
    "HD": ("Hướng dẫn", ("hướng dẫn",)),
    "TB": ("Thông báo", ("thông báo",)),
    "BC": ("Báo cáo", ("báo cáo",)),
    "KH": ("Kế hoạch", ("kế hoạch",)),
    "CTr": ("Chương trình", ("chương trình",)),
    "ĐA": ("Đề án", ("đề án",)),
    "TTr": ("Tờ trình", ("tờ trình",)),
    "CV": ("Công văn", ("công văn",)),
    # An outline has no symbol of its own; it travels with the plan it is attached to.
    "ĐC": ("Đề cương", ("đề cương",)),
    "QĐi": ("Quy định", ("quy định",)),
    "QyĐ": ("Quy định", ("quy định",)),
    "TT": ("Thông tri", ("thông tri",)),
    "TC": ("Thông cáo", ("thông cáo",)),
    "TBo": ("Tuyên bố", ("tuyên bố",)),
    "LKG": ("Lời kêu gọi", ("lời kêu gọi",)),
    "QHo": ("Quy hoạch", ("quy hoạch",)),
    "BB": ("Biên bản", ("biên bản",)),
}

_BY_FOLDED = {code.upper(): code for code in DOC_TYPES}
# look-alikes a scan or a hurried typist puts in a type code: «TB0» for «TBo», «QĐI» in capitals
_TYPE_CONFUSIONS = str.maketrans({"0": "O", "1": "I"})


def canonical_type(written: str) -> str | None:
    """Return the canonical type code for a code as written (any case, look-alike digits), or None."""
    key = unconfuse(written).upper()
    return _BY_FOLDED.get(key) or _BY_FOLDED.get(key.translate(_TYPE_CONFUSIONS))


def _codes_by_word() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for code, (_, words) in DOC_TYPES.items():  # in DOC_TYPES order: the most usual type of a word first
        for w in words:
            found[w] = (*found.get(w, ()), code)
    return found


_CODES_BY_WORD = _codes_by_word()


def types_for_word(word: str) -> tuple[str, ...]:
    """The type codes an introducing word such as 'Quy định' may stand for, most usual first."""
    return _CODES_BY_WORD.get(" ".join(word.lower().split()), ())


def type_for_word(word: str) -> str | None:
    """Map an introducing word such as 'Nghị quyết' to its (most usual) type code."""
    found = types_for_word(word)
    return found[0] if found else None


def type_name(code: str) -> str:
    return DOC_TYPES.get(code, (code, ()))[0]


def type_slug(code: str) -> str:
    """ASCII form used in keys and URLs: ĐA -> da, CTr -> ctr."""
    return code.replace("Đ", "D").replace("đ", "d").lower()


def file_name(type_code: str, number: str, year: int) -> str:
    """The file name (without .md) of a document of this type, number and year: kh-90-2023."""
    return f"{type_slug(type_code)}-{number}-{year}"


def expected_name(type_code: str, number: str | None, year: int | None) -> str | None:
    """The file name a document's metadata implies, when number and year are known."""
    if not number or year is None:
        return None
    return file_name(type_code, number, year)


# The type word that heads a document, in capitals, longest first («QUYẾT ĐỊNH» before «QUY ĐỊNH» is not an
# issue; «CHƯƠNG TRÌNH» before a shorter word would be).
_HEADING_WORDS = sorted({w.upper() for _, words in DOC_TYPES.values() for w in words}, key=len, reverse=True)
_HEADING = re.compile(rf"(?P<word>{'|'.join(_HEADING_WORDS)})(?:\s+(?P<rest>.+?))?\s*:?")
HEADING_REST_WORDS = 6  # «KẾT LUẬN CỦA BỘ CHÍNH TRỊ»; a longer line is a sentence, not a heading


@dataclass(frozen=True)
class TypeHeading:
    """The type line of a document: «KẾ HOẠCH», «KẾT LUẬN CỦA BỘ CHÍNH TRỊ», «CHƯƠNG TRÌNH HÀNH ĐỘNG»."""

    code: str  # the most usual code for the word (QĐ for «QUY ĐỊNH»; the symbol may say QĐi)
    word: str  # «KẾT LUẬN»
    rest: str  # what follows the word on its line: «CỦA BỘ CHÍNH TRỊ», part of the type designation


def read_type_heading(text: str) -> TypeHeading | None:
    """The type heading a line is (in capitals, the type word first), or None."""
    line = " ".join(text.split())
    m = _HEADING.fullmatch(line)
    if m is None or line != line.upper():
        return None
    rest = m["rest"] or ""
    if len(rest.split()) > HEADING_REST_WORDS:
        return None
    code = type_for_word(m["word"])
    return TypeHeading(code, m["word"], rest) if code else None
