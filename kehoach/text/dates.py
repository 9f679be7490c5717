"""Vietnamese dates and deadline forms.

A deadline is kept as the words the document uses ("trước ngày 20/3/2023"); its kind and
due day are derived here, so the metadata can never disagree with the official text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from dataclasses import dataclass
from typing import Literal

SHORT_DATE = r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?"
LONG_DATE = r"(?:ngày\s+)?(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})(?:\s+năm\s+(?P<ly>\d{4}))?"
ANY_DATE = rf"(?:{LONG_DATE}|(?:ngày\s+)?{SHORT_DATE})"

# Every written date in a text, with its year; used to catch impossible dates such as 30/02/2023.
# Two patterns, each opening with a character set ("\\d", "[Nn]") so that the regex engine skips
# straight to candidates; one alternation would be tried at every position of the text.
# No lookbehind: it would run at every position; neighbours are checked in written_dates().
SLASH_DATE_RE = re.compile(r"(?P<d>\d\d?)/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])")
WORDED_DATE_RE = re.compile(r"[Nn]gày\s+(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4})")


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date written in full in a text ("20/3/2023", "ngày 28 tháng 02 năm 2023"), not yet validated."""

    text: str
    start: int
    day: int
    month: int
    year: int


def written_dates(text: str) -> list[WrittenDate]:
    """Every date written in full (day, month, year) in `text`, in order."""
    slashed = (
        m
        for m in SLASH_DATE_RE.finditer(text)
        if not (m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "/"))
    )
    found = []
    for m in heapq.merge(slashed, WORDED_DATE_RE.finditer(text), key=re.Match.start):
        day, month, year = parts(m)
        found.append(WrittenDate(m.group(0), m.start(), day, month, year or 0))
    return found


ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
RECURRING_RE = re.compile(r"\b(hằng|hàng)\s+(năm|quý|tháng|tuần)\b|\d+\s*lần\s*/\s*(năm|quý|tháng)", re.I)


class DateError(ValueError):
    """A date that cannot exist (`impossible`), or a deadline whose words are not understood."""

    def __init__(self, message: str, impossible: bool = False) -> None:
        super().__init__(message)
        self.impossible = impossible


def make_date(day: int, month: int, year: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"ngày {day:02d}/{month:02d}/{year} không tồn tại", impossible=True) from None


def parts(match: re.Match) -> tuple[int, int, int | None]:
    """Day, month and (maybe missing) year from a SHORT_DATE/LONG_DATE/DATED_RE match."""
    g = match.groupdict()
    if g.get("ld"):
        return int(g["ld"]), int(g["lm"]), int(g["ly"]) if g.get("ly") else None
    return int(g["d"]), int(g["m"]), int(g["y"]) if g.get("y") else None


def parse_vn_date(text: str) -> dt.date:
    """Parse '25/10/2021', 'ngày 28 tháng 02 năm 2023' and the like."""
    m = re.fullmatch(rf"\s*{ANY_DATE}\s*", text, re.IGNORECASE)
    if not m:
        raise DateError(f"không đọc được ngày «{text}»")
    day, month, year = parts(m)
    if year is None:
        raise DateError(f"ngày «{text}» thiếu năm")
    return make_date(day, month, year)


def vn_long(date: dt.date) -> str:
    """'ngày 28 tháng 02 năm 2023', the form official documents use."""
    return f"ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"


def vn_short(date: dt.date) -> str:
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


# before: «trước ngày D» (due the day before D); by: «đến hết ngày D» (due on D); month, quarter, period:
# within one (due on its last day); recurring: «hằng năm», «4 lần/năm» (no single due day)
DeadlineKind = Literal["before", "by", "month", "quarter", "period", "recurring"]


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: DeadlineKind
    due: dt.date | None  # last day the task may be completed on; None when not a single day
    start: dt.date | None = None

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


KIND_LABELS: dict[DeadlineKind, str] = {
    "before": "trước ngày",
    "by": "đến hết ngày",
    "month": "trong tháng",
    "quarter": "trong quý",
    "period": "trong giai đoạn",
    "recurring": "định kỳ",
}

_BEFORE = re.compile(rf"trước\s+{ANY_DATE}", re.I)
_BY = re.compile(rf"hết\s+ngày\s+{SHORT_DATE}|hết\s+{LONG_DATE}", re.I)
_MONTH = re.compile(r"tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm\s+|/)(?P<y>\d{4}))?", re.I)
_QUARTER = re.compile(r"quý\s+(?P<q>IV|I{1,3})\s*(?:/|\s+năm\s+)\s*(?P<y>\d{4})", re.I)
_PERIOD = re.compile(r"(?:giai đoạn|nhiệm kỳ|từ năm)\s+(?P<a>\d{4})\s*[-–—]\s*(?:năm\s+)?(?P<b>\d{4})", re.I)


def parse_deadline(text: str, fallback_year: int | None = None) -> Deadline:
    """Understand a deadline as written. A missing year comes from the document's date."""

    def year_of(y: int | None) -> int:
        if y is not None:
            return y
        if fallback_year is None:
            raise DateError(f"thời hạn «{text}» không ghi năm và văn bản cũng chưa có ngày ban hành")
        return fallback_year

    if m := _BY.search(text):
        day, month, year = parts(m)
        return Deadline(text, "by", make_date(day, month, year_of(year)))
    if m := _BEFORE.search(text):
        day, month, year = parts(m)
        return Deadline(text, "before", make_date(day, month, year_of(year)) - dt.timedelta(days=1))
    if m := _QUARTER.search(text):
        q, year = ROMAN_QUARTERS[m["q"].upper()], int(m["y"])
        last_month = q * 3
        start = dt.date(year, last_month - 2, 1)
        return Deadline(text, "quarter", dt.date(year, last_month, calendar.monthrange(year, last_month)[1]), start)
    if m := _PERIOD.search(text):
        a, b = int(m["a"]), int(m["b"])
        return Deadline(text, "period", dt.date(b, 12, 31), dt.date(a, 1, 1))
    if m := _MONTH.search(text):
        month, year = int(m["m"]), year_of(int(m["y"]) if m["y"] else None)
        if not 1 <= month <= 12:
            raise DateError(f"tháng {month} không tồn tại", impossible=True)
        return Deadline(
            text, "month", dt.date(year, month, calendar.monthrange(year, month)[1]), dt.date(year, month, 1)
        )
    if RECURRING_RE.search(text):
        return Deadline(text, "recurring", None)
    raise DateError(
        f"không hiểu thời hạn «{text}»; dùng đúng lời văn bản, ví dụ «trước ngày 20/3/2023», "
        "«đến hết ngày 30/5/2023», «trong tháng 4 năm 2023», «quý I/2023», «hằng năm»"
    )


# Deadline phrases in body text. Only phrases that unambiguously set a time limit are scanned;
# periods and recurring words are too common in prose to count as deadlines on their own.
# The scan is anchored on the key word; optional lead-in words are added afterwards (see find_deadline_phrases).
# It opens with a character set, so that the engine skips to the T and H that may begin a cue.
_CUE_CORE = re.compile(
    rf"[TtHh](?:(?<=[Tt])rước\s+{ANY_DATE}"
    r"|(?<=[Hh])ết\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|(?<=[Tt])rong\s+(?:tháng\s+\d{1,2}(?:\s*(?:năm\s+|/)\d{4})?"
    r"|quý\s+(?:IV|I{1,3})\s*(?:/|\s+năm\s+)\s*\d{4}))"
)
_LEAD_IN = re.compile(r"(?:hoàn thành|đến|dự kiến)\s+$", re.IGNORECASE)


def find_deadline_phrases(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each deadline phrase, lead-in included ("hoàn thành trước ngày …")."""
    found = []
    for m in _CUE_CORE.finditer(text):
        start = m.start()
        lead = _LEAD_IN.search(text, max(0, start - 16), start)
        if lead:
            start = lead.start()
        found.append((start, m.end(), text[start : m.end()]))
    return found
