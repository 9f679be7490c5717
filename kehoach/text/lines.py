"""Lines of an issued document as a reader sees them: columns, rules, capitals, names, wrapped paragraphs.

Plain text carries the paper's two-column parts (the header block, the signature beside «Nơi nhận») as
columns aligned with spaces or tabs on shared lines. `columns` splits such a line where a wide gap or a tab
separates two texts; a gap inside one text (a blank number «Số      -BC/ĐU», a double space typed by
hand) is not a column break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_SIZE = 8
# A column gap: four spaces or more (a tab is expanded to at least four). Two or three spaces are a typing
# slip inside one text.
_GAP = re.compile(r"[ \u00a0]{4,}")
# After «Số» the number may be left blank for the clerk to fill in by hand: never a column break.
_BLANK_NUMBER_BEFORE = re.compile(r"(?:^|\s)[Ss]ố\s*:?$")
_RULE = re.compile(r"^[\s\-–—_*=~.•·]*$")
_MARKS = " \t*_#>"  # Markdown emphasis, heading and quote marks around a line's words
_LIST_MARK = re.compile(r"^[\-+•–]\s*")
_WORD = re.compile(r"[^\W\d_]+")
# A person's name: two to six words, each a capital followed by small letters («Lê Thị Diệu Hiền»).
_NAME_WORD = re.compile(r"[A-ZĐ\u00c0-\u1ef9][a-zđ\u00e0-\u1ef9]*")


@dataclass(frozen=True)
class Segment:
    """A run of text on one line: the column it starts at (tabs expanded) and its words as written."""

    column: int
    text: str


def columns(line: str) -> list[Segment]:
    """The texts of a line, split at column gaps: «TỈNH ỦY …        ĐẢNG CỘNG SẢN VIỆT NAM» gives two."""
    expanded = _expand_keeping_gaps(line)
    found: list[Segment] = []
    pos = 0
    for gap in _GAP.finditer(expanded):
        if gap.start() == 0 or _BLANK_NUMBER_BEFORE.search(expanded, 0, gap.start()):
            continue
        _add(found, expanded, pos, gap.start())
        pos = gap.end()
    _add(found, expanded, pos, len(expanded))
    return found


def _expand_keeping_gaps(line: str) -> str:
    """Tabs to spaces at tab stops, each tab at least four columns wide so that it stays a column gap."""
    out: list[str] = []
    width = 0
    for ch in line:
        if ch == "\t":
            pad = TAB_SIZE - width % TAB_SIZE
            pad = pad if pad >= 4 else pad + TAB_SIZE
            out.append(" " * pad)
            width += pad
        else:
            out.append(ch)
            width += 1
    return "".join(out)


def _add(found: list[Segment], line: str, start: int, end: int) -> None:
    text = line[start:end]
    core = text.strip()
    if core:
        found.append(Segment(start + len(text) - len(text.lstrip()), core))


def indent(line: str) -> int:
    """Columns before the first character (tabs expanded)."""
    expanded = line.expandtabs(TAB_SIZE)
    return len(expanded) - len(expanded.lstrip())


def trimmed(text: str) -> str:
    """A line without Markdown marks around its words, inner spacing kept: «**Số      -BC/ĐU**» → «Số      -BC/ĐU»."""
    text = re.sub(r"^#+\s+", "", text.replace("\\", "").strip())
    return text.strip(_MARKS)


def core(text: str) -> str:
    """The words of a line without Markdown marks around them and with single spaces: «**KẾ HOẠCH**» → «KẾ HOẠCH»."""
    return " ".join(trimmed(text).split())


def is_rule(text: str) -> bool:
    """A decoration line: dashes, underscores, stars («-----», «*», «_____»)."""
    return bool(_RULE.match(text))


def is_capitals(text: str) -> bool:
    """Written in capitals (at least one letter, no small letter): «TỈNH ỦY NGHỆ AN», «T/M BAN THƯỜNG VỤ»."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


def without_list_mark(text: str) -> str:
    """«- Ban Tuyên giáo Trung ương (b/c),» → «Ban Tuyên giáo Trung ương (b/c),»."""
    return _LIST_MARK.sub("", text.strip(), count=1)


def has_list_mark(text: str) -> bool:
    return bool(_LIST_MARK.match(text.strip()))


def is_person_name(text: str) -> bool:
    """«Nguyễn Thị Minh Nguyệt»: two to six capitalised words, nothing else."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(_NAME_WORD.fullmatch(w) for w in words) and not is_capitals(text)


def letters(text: str) -> str:
    """The letters of a text, words separated by one space: «M Ậ T.» → «M Ậ T»."""
    return " ".join(_WORD.findall(text))


def unwrap(lines: list[str]) -> str:
    """Hard-wrapped paragraphs joined into one line each, so that a sentence reads as one.

    A line continues the one above unless either is blank or it opens a new item: a list mark, a
    numbered or lettered point («1.», «a)», «I.»). Indented continuation lines keep their words."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if out and text and out[-1] and not _OPENS_ITEM.match(text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return "\n".join(out)


_OPENS_ITEM = re.compile(r"[\-+•–]\s|(?:\d+(?:\.\d+)*|[a-zđ]|[A-ZĐ]|[IVXLC]+)[.)]\s|(?:Điều|Chương|Phần|Mục)\s")
