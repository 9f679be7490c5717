"""Vietnamese dates and deadlines, as official text writes them.

Dates: «20/3/2023», «20-3-2023», «20.3.2023», «ngày 20 tháng 3 năm 2023», with or without the year.
Deadlines: «trước ngày 20/3/2023», «chậm nhất là ngày …», «hạn chót …», «đến (hết) ngày …», «trước 17 giờ
ngày …», «trong tháng 4/2023», «trong quý II», «6 tháng đầu năm 2023», «cuối năm 2023», «trong năm 2023»,
«giai đoạn 2021 – 2025», «định kỳ hằng tháng», «trước ngày 10 hằng tháng», «hằng năm», «4 lần/năm».

A deadline is kept as the words the document uses; its kind and due day are derived here, so the
metadata can never disagree with the official text. One grammar serves both directions: the phrases
`find_deadline_phrases` finds in a body are exactly the ones `parse_deadline` understands.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal


def _numeric(p: str, year: bool | None) -> str:
    """Day, month and year with one separator («20/3/2023», «20-3-2023», «20.3.2023»); `year` True: required,
    None: optional. Slashes may carry spaces («20 / 3 / 2023»), hyphens and dots may not (they would read ranges)."""
    y = rf"(?P<{p}y>\d{{4}})"
    slash = rf"(?P<{p}d>\d{{1,2}})\s*/\s*(?P<{p}m>\d{{1,2}})" + (rf"\s*/\s*{y}" if year else rf"(?:\s*/\s*{y})?")
    other = rf"(?P<{p}od>\d{{1,2}})(?P<{p}s>[.-])(?P<{p}om>\d{{1,2}})(?P={p}s)(?P<{p}oy>\d{{4}})"
    return rf"(?<![\d/.-])(?:{slash}|{other})(?![\d/])"


def _worded(p: str, year: bool | None) -> str:
    """«20 tháng 3 năm 2023» (the «ngày» before it belongs to the phrase around it)."""
    y = rf"\s*,?\s*năm\s+(?P<{p}wy>\d{{4}})"
    return rf"(?P<{p}wd>\d{{1,2}})\s+tháng\s+(?P<{p}wm>\d{{1,2}})" + (y if year else rf"(?:{y})?")


def date_pattern(p: str, year: bool | None = None) -> str:
    """A date in any written form; group names carry the prefix `p`, so one pattern may hold several dates."""
    return rf"(?:{_worded(p, year)}|{_numeric(p, year)})"


def date_parts(m: re.Match[str], p: str = "") -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the date matched with prefix `p`; None when it did not take part."""
    for d, mo, y in (("wd", "wm", "wy"), ("d", "m", "y"), ("od", "om", "oy")):
        if m.group(p + d) is not None:
            year = m.group(p + y)
            return int(m.group(p + d)), int(m.group(p + mo)), int(year) if year else None
    return None


# Every date written in full (with its year), to catch impossible ones such as 30/02/2023: two patterns, each
# opening with a plain character set so that the regex engine skips straight to candidates (a lookbehind or
# an alternation first would make it try every position); the character before a number is checked after.
_NUMERIC_DATE_RE = re.compile(
    r"\d\d?(?:\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})|(?P<s>[.-])(?P<om>\d{1,2})(?P=s)(?P<oy>\d{4}))(?![\d/])"
)
_WORDED_DATE_RE = re.compile(rf"[Nn]gày\s+{_worded('', True)}")


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
    found = []
    for m in _NUMERIC_DATE_RE.finditer(text):
        if m.start() and text[m.start() - 1] in _NOT_BEFORE_A_NUMBER:
            continue
        day = int(m.group(0)[: 2 if m.group(0)[1:2].isdigit() else 1])
        month, year = (m.group("m"), m.group("y")) if m.group("m") else (m.group("om"), m.group("oy"))
        found.append(WrittenDate(m.group(0), m.start(), day, int(month), int(year)))
    for m in _WORDED_DATE_RE.finditer(text):
        day, month, year = date_parts(m) or (0, 0, 0)
        found.append(WrittenDate(m.group(0), m.start(), day, month, year or 0))
    return sorted(found, key=lambda d: d.start)


_NOT_BEFORE_A_NUMBER = frozenset("0123456789/.-")


@dataclass(frozen=True)
class Dateline:
    """The place-and-date line of a document's header: «Hà Nội, ngày 28 tháng 02 năm 2023»."""

    place: str
    day: int
    month: int
    year: int
    start: int  # offset in the text

    @property
    def date(self) -> dt.date | None:
        """The date, or None when it cannot exist (the impossible-date check reports it)."""
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


# Found from its «, ngày …» (a literal start, so the regex engine skips straight to it); the place before
# the comma runs back to the start of its column: a line start, or two spaces (a space-aligned header).
_DATELINE_DATE_RE = re.compile(rf",\s*[Nn]gày\s+{_worded('', True)}")
_PLACE_RE = re.compile(r"[\s*_]*(?P<place>[A-ZĐÂĂÊÔƠƯ][^\n,*_\t]{0,40}?)\s*$")


def find_dateline(text: str, within: int = 3000) -> Dateline | None:
    """The header's place-and-date line, looked for in the first `within` characters."""
    for m in _DATELINE_DATE_RE.finditer(text, 0, within):
        line_start = text.rfind("\n", 0, m.start()) + 1
        column = text[line_start : m.start()]
        column_start = line_start + max(column.rfind("  "), column.rfind("\t"), -1) + 1
        place = _PLACE_RE.fullmatch(text, column_start, m.start())
        if place is None:
            continue
        day, month, year = date_parts(m) or (0, 0, 0)
        return Dateline(place.group("place").strip(), day, month, year or 0, place.start("place"))
    return None


class DateError(ValueError):
    """A date that cannot exist, a deadline whose year cannot be known, or words that are not understood."""

    def __init__(self, message: str, reason: Literal["impossible", "no-year", "unreadable"] = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


def make_date(day: int, month: int, year: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"ngày {day:02d}/{month:02d}/{year} không tồn tại", reason="impossible") from None


def parse_vn_date(text: str) -> dt.date:
    """Parse '25/10/2021', 'ngày 28 tháng 02 năm 2023' and the like."""
    m = re.fullmatch(rf"\s*(?:ngày\s+)?{date_pattern('', True)}\s*", text, re.IGNORECASE)
    found = date_parts(m) if m else None
    if found is None or found[2] is None:
        raise DateError(f"không đọc được ngày «{text}»")
    return make_date(found[0], found[1], found[2])


def _month(date: dt.date) -> str:
    """Hướng dẫn 36-HD/VPTW writes a zero before months 1 and 2 only (so «01», «02» are not read as 10, 11, 12
    completed by hand), and before days under 10."""
    return f"{date.month:02d}" if date.month <= 2 else str(date.month)


def vn_long(date: dt.date) -> str:
    """'ngày 28 tháng 02 năm 2023', 'ngày 16 tháng 6 năm 2022': the form official documents use."""
    return f"ngày {date.day:02d} tháng {_month(date)} năm {date.year}"


def vn_short(date: dt.date) -> str:
    """'05/02/2023', '16/06/2022': the numeric form of lists and messages, fixed width so columns align."""
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


# --- deadlines ------------------------------------------------------------------------------------------

# before: «trước ngày D» (due the day before D); by: due on D («đến hết ngày D», «chậm nhất ngày D»);
# month, quarter, half, year: within one (due on its last day); period: «giai đoạn 2021 – 2025»;
# recurring: «hằng năm», «4 lần/năm», «trước ngày 10 hằng tháng» (no single due day)
DeadlineKind = Literal["before", "by", "month", "quarter", "half", "year", "period", "recurring"]


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: DeadlineKind
    due: dt.date | None  # last day the task may be completed on; None when not a single day
    start: dt.date | None = None
    year_inferred: bool = False  # the words give no year: it was taken from the issue date
    year_doubtful: bool = False  # ...and that was a guess (or impossible: the document has no date)


ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EVERY = r"(?:hằng|hàng|mỗi)"
_UNIT = r"(?:tháng|quý|năm|tuần)"


def _year(p: str) -> str:
    return rf"(?:\s*/\s*|\s*,?\s*năm\s+)(?P<{p}>\d{{4}})"


def _spans(p: str, whole_year: bool = False) -> str:
    """A month, quarter, half-year or year's end (and with `whole_year`, «năm 2023»); groups carry the prefix `p`."""
    return (
        rf"tháng\s+(?P<{p}month>\d{{1,2}})(?:{_year(p + 'month_y')})?"
        rf"|quý\s+(?P<{p}quarter>IV|I{{1,3}}|[1-4])\b(?:{_year(p + 'quarter_y')})?"
        rf"|(?:6|sáu)\s+tháng\s+(?P<{p}half>đầu|cuối)\s+năm(?:\s+(?P<{p}half_y>\d{{4}}))?"
        rf"|(?P<{p}year_end>cuối\s+năm)(?:\s+(?P<{p}year_end_y>\d{{4}}))?"
        + (rf"|năm\s+(?P<{p}whole_y>\d{{4}})" if whole_year else "")
    )


# The day a deadline names, with a time of day perhaps: «17 giờ ngày 10/4/2023».
_DAY = rf"(?:(?P<hour>\d{{1,2}})\s*(?:giờ|h)(?:\s*\d{{1,2}}(?:\s*phút)?)?\s*,?\s*)?(?:ngày\s+)?{date_pattern('')}"
_MONTHLY_DAY = rf"(?:ngày\s+)?(?P<every_day>\d{{1,2}})\s+{_EVERY}\s+tháng"


def _quarter_with_year(p: str) -> str:
    return rf"quý\s+(?P<{p}quarter>IV|I{{1,3}}|[1-4])\b(?:\s*/\s*|\s*,?\s*năm\s+)(?P<{p}quarter_y>\d{{4}})"


# Cued phrases: the ones that set a time limit wherever they occur, so the body is scanned for them.
# Each alternative is written without its first letter, which the pattern consumes in one character set:
# the regex engine then skips straight to the few letters that may begin a cue instead of trying every
# alternative at every position of the text (five times faster on official text).
_CUES = [
    ("Tt", rf"(?P<cue_before>rước)\s+(?:{_MONTHLY_DAY}|{_DAY})"),
    (
        "CcMmHhĐđ",
        rf"(?P<cue_by>(?<=[Cc])hậm\s+nhất|(?<=[Mm])uộn\s+nhất|(?<=[Hh])ạn\s+chót|(?<=[Đđ])ến\s+hết|(?<=[Đđ])ến)"
        rf"(?:\s+là)?(?:\s+vào)?\s*:?\s+(?:ngày\s+)?{date_pattern('b')}",
    ),
    (
        "TtVvĐđCc",
        r"(?P<cue_within>(?<=[Tt])rong|(?<=[Vv])ào|(?<=[Tt])rước|(?<=[Đđ])ến\s+hết|(?<=[Cc])hậm\s+nhất(?:\s+là)?)"
        rf"\s+(?:{_spans('')})",
    ),
    ("Qq", rf"(?<![\w/].)(?P<cue_quarter>){_quarter_with_year('q_')[1:]}"),  # «… phát hành quý III/2023»
    ("Đđ", rf"(?<!theo\s.)ịnh\s+kỳ\s+(?P<cue_every>{_EVERY}\s+{_UNIT})"),  # «sinh hoạt theo định kỳ»: a cadence
    # «Thời gian: tháng 4/2023», «Thời gian hoàn thành: quý II/2023»: the label is the cue
    (
        "Tt",
        r"hời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|tổ\s+chức|tiến\s+hành|nộp))?\s*:\s*"
        rf"(?:(?:ngày\s+)?{date_pattern('l')}|{_spans('l_')})",
    ),
]
_CUED = (
    "["
    + "".join(sorted({c for first, _ in _CUES for c in first}))
    + "](?:"
    + "|".join(rf"(?<=[{first}])(?i:{rest})" for first, rest in _CUES)
    + ")"
)
_CUED_RE = re.compile(_CUED)
# words a phrase may open with: «hoàn thành trước ngày …», «dự kiến trong tháng 4»
_LEAD_IN = re.compile(r"(?:hoàn\s+thành|xong|đến|dự\s+kiến)\s+$", re.IGNORECASE)
# «từ ngày 01/01/2023 đến ngày 30/6/2023» is a span of time and «số liệu tính đến ngày …» a cut-off of data,
# not deadlines; nor is «kết quả … trong quý I/2023», the period a report is about
_RANGE_START = re.compile(rf"(?:từ\s+(?:ngày\s+)?{date_pattern('r')}|tính)\s*$", re.IGNORECASE)
_PERIOD_LIST = re.compile(r"(?:\d{4}|năm|quý)[^.;:\n]*$", re.IGNORECASE)
_REPORT_SUBJECT = re.compile(r"(?:kết\s+quả|tình\s+hình|số\s+liệu|đánh\s+giá)[^.;:,\n]*$", re.IGNORECASE)

# Forms a task may record that are not deadlines on their own in running text.
_PERIOD_RE = re.compile(
    r"(?:giai\s+đoạn|nhiệm\s+kỳ|từ\s+năm|năm)\s+(?P<a>\d{4})\s*[-–—]\s*(?:năm\s+)?(?P<b>\d{4})", re.IGNORECASE
)
_BARE_RE = re.compile(rf"{_spans('', whole_year=True)}|(?:ngày\s+)?{date_pattern('')}", re.IGNORECASE)
RECURRING_RE = re.compile(rf"\b{_EVERY}\s+{_UNIT}\b|\d+\s*lần\s*/\s*(?:năm|quý|tháng)|\bđịnh\s+kỳ\b", re.IGNORECASE)

DeadlinePhraseSpan = tuple[int, int, str]


# The words every cue begins with, looked for with str.find (C speed) before the pattern is tried there.
_CUE_WORDS = ("trước", "chậm", "muộn", "hạn", "đến", "trong", "vào", "quý", "định", "thời")


def _cue_matches(text: str) -> list[re.Match[str]]:
    """What _CUED_RE.finditer would give, found faster: the pattern is tried only where a cue word begins."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: offsets would shift
        return list(_CUED_RE.finditer(text))
    starts = sorted({at for word in _CUE_WORDS for at in _find_all(lower, word)})
    found: list[re.Match[str]] = []
    for at in starts:
        if found and at < found[-1].end():
            continue
        m = _CUED_RE.match(text, at)
        if m is not None:
            found.append(m)
    return found


def _find_all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _cue(m: re.Match[str], name: str) -> str:
    """The cue word of a match, its first letter included (the pattern consumes that letter apart)."""
    return m.string[m.start() : m.end(name)].lower() if m.group(name) is not None else ""


def find_deadline_phrases(text: str) -> list[DeadlinePhraseSpan]:
    """(start, end, words) of each deadline phrase in running text, lead-in included ("hoàn thành trước ngày …")."""
    found: list[DeadlinePhraseSpan] = []
    for m in _cue_matches(text):
        start = m.start()
        if _cue(m, "cue_by") == "đến" and _RANGE_START.search(text, max(0, start - 40), start):
            continue
        if (m.group("cue_within") is not None or m.group("cue_quarter") is not None) and _REPORT_SUBJECT.search(
            text, max(0, start - 80), start
        ):
            continue
        if m.group("cue_quarter") is not None and _PERIOD_LIST.search(text, max(0, start - 30), start):
            continue  # «năm 2021, 2022, quý I/2023»: one period of a list the text is about
        lead = _LEAD_IN.search(text, max(0, start - 16), start)
        if lead:
            start = lead.start()
        found.append((start, m.end(), text[start : m.end()]))
    return found


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


class _Year:
    """The year of a deadline: as written, or inferred from the issue date (the next year when the day
    would otherwise fall before the document was issued: «trước ngày 10/01» in a plan of 25/11/2022)."""

    DOUBT_AFTER = dt.timedelta(days=183)  # a deadline inferred further ahead than this is a guess

    def __init__(self, text: str, issued: dt.date | None) -> None:
        self.text, self.issued = text, issued
        self.inferred = self.doubtful = False

    def resolve(self, written: int | None, first_day: tuple[int, int], last_day: tuple[int, int]) -> int:
        """The year for a span whose first and last (month, day) are given; raises when it cannot be known."""
        if written is not None:
            return written
        self.inferred = True
        if self.issued is None:
            self.doubtful = True
            raise DateError(f"thời hạn «{self.text}» không ghi năm và văn bản chưa có ngày ban hành", reason="no-year")
        year = self.issued.year
        if dt.date(year, *last_day) < self.issued:
            year += 1
            if dt.date(year, *first_day) - self.issued > self.DOUBT_AFTER:
                self.doubtful = True
        return year


def _day_deadline(m: re.Match[str], p: str, kind: DeadlineKind, year: _Year) -> tuple[DeadlineKind, dt.date]:
    parts = date_parts(m, p)
    assert parts is not None
    day, month, written = parts
    if not 1 <= month <= 12:
        raise DateError(f"tháng {month} không tồn tại", reason="impossible")
    y = year.resolve(written, (month, min(day, 28)), (month, min(day, 28)))
    due = make_date(day, month, y)
    return kind, (due - dt.timedelta(days=1) if kind == "before" else due)


def _span(m: re.Match[str], p: str, year: _Year) -> tuple[DeadlineKind, dt.date, dt.date] | None:
    """(kind, first day, last day) of the month, quarter, half-year or year named with prefix `p`, if any."""
    group = m.groupdict()
    if group.get(p + "month"):
        month = int(group[p + "month"])
        if not 1 <= month <= 12:
            raise DateError(f"tháng {month} không tồn tại", reason="impossible")
        written = group[p + "month_y"]
        y = year.resolve(int(written) if written else None, (month, 1), (month, _last_day(2001, month).day))
        return "month", dt.date(y, month, 1), _last_day(y, month)
    if group.get(p + "quarter"):
        q = ROMAN_QUARTERS[group[p + "quarter"].upper()]
        written = group[p + "quarter_y"]
        y = year.resolve(int(written) if written else None, (q * 3 - 2, 1), (q * 3, _last_day(2001, q * 3).day))
        return "quarter", dt.date(y, q * 3 - 2, 1), _last_day(y, q * 3)
    if group.get(p + "half"):
        first_half = group[p + "half"].lower() == "đầu"
        first, last = (1, 6) if first_half else (7, 12)
        written = group[p + "half_y"]
        y = year.resolve(int(written) if written else None, (first, 1), (last, 30 if first_half else 31))
        return "half", dt.date(y, first, 1), _last_day(y, last)
    if group.get(p + "year_end"):
        written = group[p + "year_end_y"]
        y = year.resolve(int(written) if written else None, (10, 1), (12, 31))
        return "year", dt.date(y, 10, 1), dt.date(y, 12, 31)
    if group.get(p + "whole_y"):
        y = int(group[p + "whole_y"])
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None


def parse_deadline(text: str, issued: dt.date | None = None) -> Deadline:
    """Understand a deadline as written. A missing year is inferred from the issue date (`issued`)."""
    year = _Year(text, issued)

    def made(kind: DeadlineKind, due: dt.date | None, start: dt.date | None = None) -> Deadline:
        return Deadline(text, kind, due, start, year.inferred, year.doubtful)

    m = _CUED_RE.search(text)
    if m is not None:
        if m.group("cue_every") or m.group("every_day"):
            return made("recurring", None)
        if m.group("cue_before") or m.group("cue_by"):
            kind: DeadlineKind = "by" if m.group("cue_by") or m.group("hour") else "before"
            return made(*_day_deadline(m, "b" if m.group("cue_by") else "", kind, year))
        if date_parts(m, "l") is not None:
            return made(*_day_deadline(m, "l", "by", year))
        found = _span(m, "", year) or _span(m, "l_", year) or _span(m, "q_", year)
        if found is not None:
            kind, first, last = found
            if _cue(m, "cue_within") == "trước":  # «trước tháng 6»: before it begins
                return made("before", first - dt.timedelta(days=1))
            return made(kind, last, first)
    if m := _PERIOD_RE.search(text):
        a, b = int(m["a"]), int(m["b"])
        return made("period", dt.date(b, 12, 31), dt.date(a, 1, 1))
    if RECURRING_RE.search(text):
        return made("recurring", None)
    if m := _BARE_RE.search(text):
        found = _span(m, "", year)
        if found is not None:
            kind, first, last = found
            return made(kind, last, first)
        return made(*_day_deadline(m, "", "by", year))
    raise DateError(
        f"không hiểu thời hạn «{text}»; dùng đúng lời văn bản, ví dụ «trước ngày 20/3/2023», "
        "«đến hết ngày 30/5/2023», «trong tháng 4 năm 2023», «quý I/2023», «hằng năm»"
    )
