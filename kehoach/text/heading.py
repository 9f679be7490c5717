"""Between the header block and the body: the type heading, the subject (trích yếu), «Kính gửi:».

The subject is the lines under the type word, joined; it ends at a blank line, the rule under it
(«-----»), «Kính gửi», an annex note «(Kèm theo …)» or where the body begins. A letter (công văn) has
no type word: its subject is the «V/v …» of the header block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doctypes import TypeHeading, read_type_heading
from .lines import columns, core, has_list_mark, indent, is_rule, without_list_mark

TYPE_LINES = 40  # the type heading is among the first lines after the header block
TITLE_LINES = 8  # a subject is never longer
ADDRESS_LINES = 12  # «Kính gửi» follows the subject closely
_ADDRESS = re.compile(r"Kính\s+gửi\s*:?\s*", re.IGNORECASE)
ANNEX_NOTE = re.compile(r"\W*\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
# Where a body begins: an opening clause or a numbered section. Capitals matter: a body's clause opens with
# «Thực hiện», while «thực hiện …» on the second line of a subject is the subject wrapped.
_BODY = re.compile(
    r"(?:[\-+•]\s*)?(?:Thực hiện|Căn cứ|Triển khai|Tiếp tục thực hiện|Quán triệt|Thi hành|Xét)\b"
    r"|(?:[IVX]+|\d+|[A-Z])[.)]\s|(?:Phần|Chương|Điều|PHẦN|CHƯƠNG)\s"
)
_ITEM_END = " ,;."


def opens_body(text: str) -> bool:
    """Whether a line begins the body: an opening clause or a numbered section."""
    return _BODY.match(text) is not None


def is_address(text: str) -> bool:
    """Whether a line is «Kính gửi: …»."""
    return _ADDRESS.match(text) is not None


@dataclass(frozen=True)
class Heading:
    """The type heading's line and what it says."""

    line: int
    heading: TypeHeading


@dataclass(frozen=True)
class Title:
    text: str
    first: int  # first line
    end: int  # line after the last
    annex: int | None  # the annex note's line, when one follows («(Kèm theo Kế hoạch số …)»)
    closed: bool  # it ended where a subject ends (a blank line, a rule, «Kính gửi», an annex note)


def find_heading(lines: list[str], start: int = 0) -> Heading | None:
    """The first type heading at or after `start`, on a line of its own, before the body begins."""
    for i in range(start, min(len(lines), start + TYPE_LINES)):
        text = core(lines[i])
        if not text or len(columns(lines[i])) > 1:
            continue
        heading = read_type_heading(text)
        if heading is not None:
            return Heading(i, heading)
        if _ADDRESS.match(text) or _BODY.match(text):
            return None
    return None


def read_title(lines: list[str], start: int) -> Title | None:
    """The subject under the type heading (lines from `start`), wrapped lines joined with one space."""
    i = start
    while i < len(lines) and i < start + 3 and not core(lines[i]):
        i += 1  # a blank line or two between the type word and the subject
    taken: list[str] = []
    first, annex, closed = i, None, False
    while i < len(lines) and len(taken) < TITLE_LINES:
        text = core(lines[i])
        if not text or is_rule(text) or _ADDRESS.match(text):
            closed = True
            break
        if ANNEX_NOTE.match(text):
            annex, closed = i, True
            break
        if taken and _BODY.match(text):
            break
        taken.append(text)
        i += 1
    if not taken:
        return None
    return Title(" ".join(taken), first, i, annex, closed)


@dataclass(frozen=True)
class Addressees:
    names: list[str]  # as printed, without list marks and final punctuation
    end: int  # the line after the list
    closed: bool  # the list ended at a blank line or the body, not at a line it could not place


def read_addressees(lines: list[str], start: int) -> Addressees | None:
    """The «Kính gửi:» list near `start`, or None.

    Each addressee is an item («- …») or the text after «Kính gửi:»; an indented line continues the item
    above (a wrapped name); a blank line ends a list unless the next line is another item of it."""
    at = _address_line(lines, start)
    if at is None:
        return None
    first = _ADDRESS.match(core(lines[at]))
    assert first is not None
    items: list[str] = []
    dashed = False
    rest = core(lines[at])[first.end() :]
    if rest:
        dashed = has_list_mark(rest)
        items.append(without_list_mark(rest))
    i, closed = at + 1, True
    while i < len(lines):
        text = core(lines[i])
        if not text:
            following = next((core(x) for x in lines[i + 1 : i + 3] if core(x)), "")
            if items and not (dashed and has_list_mark(following) and not _BODY.match(without_list_mark(following))):
                break
            i += 1
            continue
        if has_list_mark(text) and not _BODY.match(without_list_mark(text)):
            dashed = True
            items.append(without_list_mark(text))
        elif items and dashed and (indent(lines[i]) > 0 or text[:1].islower()) and not _BODY.match(text):
            items[-1] = f"{items[-1]} {text}"  # a wrapped addressee: indented, or a sentence's middle
        else:
            closed = _BODY.match(text) is not None
            break
        i += 1
    cleaned = [item.strip(_ITEM_END) for item in items if item.strip(_ITEM_END)]
    return Addressees(cleaned, i, closed) if cleaned else None


def _address_line(lines: list[str], start: int) -> int | None:
    for i in range(start, min(len(lines), start + ADDRESS_LINES)):
        text = core(lines[i])
        if _ADDRESS.match(text):
            return i
        if text and _BODY.match(text):
            return None
    return None
