"""The header block of an issued document: who issues it, its number, place and date, its markings.

Hướng dẫn 36-HD/VPTW lays it out in two columns: on the left the parent level's name, the issuer's, «*»,
the number line «Số …» (a letter has «V/v …» under it); on the right «ĐẢNG CỘNG SẢN VIỆT NAM», a rule and
the place-and-date line; markings (MẬT, KHẨN …) near the number. Plain text brings the columns side by side
on shared lines, Word as the two cells of a table, Word's own plain-text export one cell after the other.
So the block is read from its texts in reading order, each recognised by what it says, whatever the layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import Dateline, WrittenDate, find_dateline, written_dates
from .doctypes import TypeHeading, read_type_heading
from .heading import is_address, opens_body
from .lines import columns, core, is_capitals, is_rule, trimmed
from .markings import Marking, read_marking
from .orgnames import header_names
from .symbols import NumberLine, read_number_line
from .unicode import fold

HEADER_LINES = 30  # a header block is in the first lines of the paper
_SUBJECT = re.compile(r"(?:V/[Vv]|Về\s+việc)\s*:?\s*")  # «V/v …»: the subject of a letter
_NATIONAL = "dang cong san viet nam"
BODY_LINE = 60  # characters: longer single-column lines with small letters are running text


@dataclass
class HeaderBlock:
    names: list[str] = field(default_factory=list)  # organisations on the left, top to bottom, wrapped lines joined
    number: NumberLine | None = None
    dateline: Dateline | None = None
    date: WrittenDate | None = None  # «ngày … tháng … năm …» without a place, when there is no dateline
    markings: list[Marking] = field(default_factory=list)
    subject: str | None = None  # «V/v …» of a letter, its lines joined, without «V/v»
    national: bool = False  # «ĐẢNG CỘNG SẢN VIỆT NAM» was read
    type_heading: TypeHeading | None = None  # the type word, when a Word header table holds it


# Texts that copying from a PDF or a careless layout runs together on one line with a single space.
_NATIONAL_WORDS = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
_DECORATION_AROUND = re.compile(r"^([*\-–—_=~]+)\s+(?=\S)|(?<=\S)\s+([*\-–—_=~]{3,})$")
_MARKING_BEFORE = re.compile(r"^((?:TUYỆT\s+|TỐI\s+)?MẬT|THƯỢNG\s+KHẨN|HỎA\s+TỐC|KHẨN)[.:]?\s+(?=\S)")


def pieces(text: str) -> list[str]:
    """A column's text split where two header items run together: «TỈNH ỦY X ĐẢNG CỘNG SẢN VIỆT NAM»,
    «Số 27-HD/BTGTU Thừa Thiên Huế, ngày …», «* Hà Nội, ngày …», «TỐI MẬT Hà Nội, ngày …»."""
    text = text.strip()
    national = _NATIONAL_WORDS.search(text)
    if national is not None and (national.start() > 0 or national.end() < len(text)):
        return [*pieces(text[: national.start()]), national.group(), *pieces(text[national.end() :])]
    around = _DECORATION_AROUND.search(text)
    if around is not None and around.group(1) is not None:
        return [around.group(1), *pieces(text[around.end() :])]
    if around is not None:
        return [*pieces(text[: around.start()]), around.group(2)]
    number = read_number_line(text)
    if number is not None and len(number.written) < len(text):
        return [number.written, *pieces(text[len(number.written) :])]
    marking = _MARKING_BEFORE.match(text)
    if marking is not None:
        return [marking.group(1), *pieces(text[marking.end() :])]
    return [text] if text else []


def read_header(rows: list[list[str]]) -> HeaderBlock:
    """The header block from its rows: each row the texts of its columns, left to right (a blank row: [])."""
    block = HeaderBlock()
    name_lines: list[str] = []
    subject: list[str] | None = None
    names_over = False  # after the issuer's «*» or the number line, capitals are no longer names
    for texts in rows:
        if not texts and subject is not None:
            block.subject, subject = " ".join(subject), None
        row = [piece for raw in texts for piece in (pieces(trimmed(raw)) or [""])]
        for i, raw in enumerate(row):
            text = core(raw)
            if not text:
                continue
            if is_rule(text):
                names_over = names_over or (i == 0 and "*" in text)
            elif fold(text) == _NATIONAL:
                block.national = True
            elif block.dateline is None and (line := find_dateline(text)) is not None:
                block.dateline = line
            elif (number := read_number_line(trimmed(raw))) is not None:
                block.number = block.number or number
                names_over = True
            elif (marking := read_marking(text)) is not None:
                block.markings.append(marking)
            elif (heading := read_type_heading(text)) is not None:
                block.type_heading = block.type_heading or heading
            elif (start := _SUBJECT.match(text)) is not None:
                subject = [text[start.end() :]]
            elif subject is not None and i == 0 and not is_capitals(text):
                subject.append(text)
            elif is_capitals(text) and not names_over and i == 0:
                name_lines.append(text)
            elif block.date is None and (dates := written_dates(text)):
                block.date = dates[0]
    if subject is not None:
        block.subject = " ".join(subject)
    block.names = header_names(name_lines)
    return block


def header_rows(lines: list[str]) -> list[list[str]]:
    """The rows of a plain-text header: each line split into its columns."""
    return [[s.text for s in columns(line)] for line in lines]


def header_end(lines: list[str]) -> int:
    """Where the header block of plain-text lines ends: at the type heading, «Kính gửi» or the body's first line.

    0 when the document has no header block before any of these (it opens with its type word or body)."""
    in_subject = False  # the lines of «V/v …» are a letter's subject, whatever words they open with
    for i, line in enumerate(lines[:HEADER_LINES]):
        text = core(line)
        if not text:
            in_subject = False
            continue
        parts = columns(line)
        in_subject = in_subject or _SUBJECT.match(parts[0].text) is not None
        if in_subject:
            continue
        if len(parts) == 1 and (read_type_heading(text) is not None or is_address(text)):
            return i
        if len(parts) == 1 and (opens_body(text) or _running_text(text)):
            return i
    return 0


def _running_text(text: str) -> bool:
    return len(text) >= BODY_LINE and not is_capitals(text) and _SUBJECT.match(text) is None
