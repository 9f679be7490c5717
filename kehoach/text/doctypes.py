"""Document type codes (the LOẠI part of a symbol `số-LOẠI/CƠQUAN`)."""

from __future__ import annotations

from .unicode import unconfuse

# canonical code -> (Vietnamese name, body-text words that introduce it)
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
}

_BY_FOLDED = {code.upper(): code for code in DOC_TYPES}


def canonical_type(written: str) -> str | None:
    """Return the canonical type code for a code as written (any case), or None."""
    return _BY_FOLDED.get(unconfuse(written).upper())


def type_for_word(word: str) -> str | None:
    """Map an introducing word such as 'Nghị quyết' to its type code."""
    low = word.lower()
    for code, (_, words) in DOC_TYPES.items():
        if low in words:
            return code
    return None


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
