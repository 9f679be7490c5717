"""Confidentiality and urgency of an imported document, read so that it fails closed: a stamp read anywhere,
in any form, sets the field; only where it is unsure does it also ask for review, never the other way round."""

from __future__ import annotations

from typing import Any

from ..text.header import HeaderBlock
from ..text.lines import core
from ..text.markings import Marking, read_marking
from .layout import Layout
from .parts import Parts
from .review import Review


def set_markings(front: dict[str, Any], review: Review, header: HeaderBlock, layout: Layout, parts: Parts) -> None:
    """Confidentiality and urgency: a stamp in the header block or page header sets them; a marking anywhere
    else, or among other words, sets them too and asks for review (a confidential document is never published
    because its stamp was written oddly)."""
    sure: list[Marking] = [m for m in header.markings if m.whole]
    unsure: list[Marking] = [m for m in header.markings if not m.whole]
    for text in layout.page_header:
        found = read_marking(text)
        if found is not None:
            (sure if found.whole else unsure).append(found)
    near = range(parts.body_start, max(parts.title_end, parts.body_start) + 3)
    for i, line in enumerate(layout.lines):
        found = read_marking(line) if core(line) else None
        if found is not None and found.whole:
            (sure if i in near else unsure).append(found)
    for name, rank in (("confidentiality", _CONFIDENTIALITY), ("urgency", _URGENCY)):
        certain = _strongest([getattr(m, name) for m in sure], rank)
        doubtful = _strongest([getattr(m, name) for m in unsure], rank)
        value = _strongest([certain, doubtful], rank)
        if value is None:
            continue
        front[name] = value
        if value != certain:
            review.unsure(
                name,
                value,
                f"thấy dấu «{value}» ngoài vị trí đóng dấu hoặc lẫn trong dòng chữ khác; đã ghi để "
                "không công bố nhầm, xem lại bản gốc",
            )


_CONFIDENTIALITY = ["MẬT", "TỐI MẬT", "TUYỆT MẬT"]
_URGENCY = ["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]


def _strongest(values: list[str | None], rank: list[str]) -> str | None:
    present = [v for v in values if v in rank]
    return max(present, key=rank.index) if present else None
