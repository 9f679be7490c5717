"""Where the parts of an issued page are in a layout: the header block, the type heading, the subject, the
annex note; and the document's type, read from the type heading and checked against its symbol."""

from __future__ import annotations

from dataclasses import dataclass

from ..text.doctypes import types_for_word
from ..text.header import HeaderBlock, header_end, header_rows, read_header
from ..text.heading import find_heading, read_title
from ..text.lines import core
from .layout import Layout
from .review import Review


@dataclass
class Parts:
    """Where the parts of the paper are in the layout's lines."""

    header: HeaderBlock
    body_start: int  # first line after the header block
    heading_line: int | None
    heading_word: str | None
    heading_code: str | None
    title: str | None
    title_end: int
    annex: str | None  # the annex note under an outline's subject
    title_closed: bool = True  # the subject ended where a subject ends (not cut off at the body or a limit)


def find_parts(layout: Layout) -> Parts:
    lines = layout.lines
    start = header_end(lines)
    rows = header_rows(lines[:start])
    if layout.header_cells is not None:  # Word: the table, and what stands between it and the type heading
        left, right = layout.header_cells
        rows = [[x] for x in left] + [[]] + [[x] for x in right] + [[]] + rows
    header = read_header(rows)
    found = find_heading(lines, start)
    heading = found.heading if found else header.type_heading
    title, title_end, annex, closed = header.subject, start, None, True
    if found is not None:
        read = read_title(lines, found.line + 1)
        title_end = read.end if read else found.line + 1
        if read is not None:
            title, closed = read.text, read.closed
            if read.annex is not None:
                annex = " ".join(core(x) for x in lines[read.annex : read.annex + 3] if core(x))
                title_end = read.annex + 1
    return Parts(
        header,
        start,
        found.line if found else None,
        heading.word if heading else None,
        heading.code if heading else None,
        title,
        title_end,
        annex,
        closed,
    )


def paper_type(parts: Parts, review: Review) -> str:
    """The type from the heading's word, checked against the symbol's code (a «QUY ĐỊNH» may be QĐi)."""
    number = parts.header.number
    coded = number.type if number is not None else None
    if parts.heading_word is not None:
        allowed = types_for_word(parts.heading_word)
        if coded is not None and coded in allowed:
            return coded
        if coded is not None:
            review.unsure(
                "type",
                coded,
                f"mã loại trong số hiệu «{number.type_written if number else coded}» khác tên loại "
                f"«{parts.heading_word}»; đã theo tên loại",
            )
        return parts.heading_code or "KH"
    if coded is not None:
        return coded
    if parts.header.subject is not None:  # a letter: «V/v …» under the number, no type word
        return "CV"
    review.unsure("type", "KH", "không thấy tên loại văn bản (KẾ HOẠCH, HƯỚNG DẪN…) hay số hiệu ở đầu văn bản")
    return "KH"
