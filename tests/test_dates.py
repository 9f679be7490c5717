import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.text.dates import (
    _CUED_RE,
    DateError,
    _cue_matches,
    find_deadline_phrases,
    parse_deadline,
    parse_vn_date,
    vn_long,
    written_dates,
)

D = dt.date
ISSUED = D(2023, 2, 28)


@pytest.mark.parametrize(
    "text, kind, due",
    [
        ("trước ngày 20/3/2023", "before", D(2023, 3, 19)),
        ("hoàn thành trước ngày 10 tháng 3 năm 2023", "before", D(2023, 3, 9)),
        ("hoàn thành trước 20/3/2023", "before", D(2023, 3, 19)),
        ("xong trước 31/3/2023", "before", D(2023, 3, 30)),
        ("trước ngày 25-3-2023", "before", D(2023, 3, 24)),
        ("trước ngày 25.3.2023", "before", D(2023, 3, 24)),
        ("trước 17 giờ ngày 10/4/2023", "by", D(2023, 4, 10)),
        ("trước 17h00, ngày 10/4/2023", "by", D(2023, 4, 10)),
        ("đến hết ngày 30/5/2023", "by", D(2023, 5, 30)),
        ("đến ngày 30/6/2023", "by", D(2023, 6, 30)),
        ("chậm nhất ngày 15/4/2023", "by", D(2023, 4, 15)),
        ("chậm nhất là ngày 15 tháng 4 năm 2023", "by", D(2023, 4, 15)),
        ("hạn chót 20/5/2023", "by", D(2023, 5, 20)),
        ("hạn chót là ngày 20/5/2023", "by", D(2023, 5, 20)),
        ("Dự kiến trong tháng 4 năm 2023", "month", D(2023, 4, 30)),
        ("trong tháng 2/2024", "month", D(2024, 2, 29)),
        ("trước tháng 6/2023", "before", D(2023, 5, 31)),
        ("quý I/2023", "quarter", D(2023, 3, 31)),
        ("trong quý IV năm 2023", "quarter", D(2023, 12, 31)),
        ("trong quý II", "quarter", D(2023, 6, 30)),
        ("trong 6 tháng đầu năm 2023", "half", D(2023, 6, 30)),
        ("6 tháng cuối năm 2023", "half", D(2023, 12, 31)),
        ("cuối năm 2023", "year", D(2023, 12, 31)),
        ("trong năm 2024", "year", D(2024, 12, 31)),
        ("Thời gian: tháng 5/2023", "month", D(2023, 5, 31)),
        ("giai đoạn 2021 – 2025", "period", D(2025, 12, 31)),
        ("nhiệm kỳ 2020 - 2025", "period", D(2025, 12, 31)),
        ("hằng năm", "recurring", None),
        ("4 lần/năm", "recurring", None),
        ("định kỳ hằng tháng", "recurring", None),
        ("định kỳ hàng quý", "recurring", None),
        ("trước ngày 10 hằng tháng", "recurring", None),
    ],
)
def test_deadline_forms(text, kind, due):
    d = parse_deadline(text, ISSUED)
    assert (d.kind, d.due) == (kind, due)


def test_missing_year_comes_from_the_issue_date():
    assert parse_deadline("trước ngày 30 tháng 7", D(2024, 3, 1)).due == D(2024, 7, 29)
    with pytest.raises(DateError, match="không ghi năm") as refused:
        parse_deadline("trước ngày 30 tháng 7", None)
    assert refused.value.reason == "no-year"


@pytest.mark.parametrize(
    "text, issued, due",
    [
        ("trước ngày 10/01", D(2022, 11, 25), D(2023, 1, 9)),
        ("trước ngày 10 tháng 01", D(2022, 12, 20), D(2023, 1, 9)),
        ("trong tháng 01", D(2022, 11, 25), D(2023, 1, 31)),
        ("trong quý I", D(2022, 12, 1), D(2023, 3, 31)),
        ("trong tháng 12", D(2022, 11, 25), D(2022, 12, 31)),  # still ahead this year: this year
        ("trong tháng 11", D(2022, 11, 25), D(2022, 11, 30)),  # the month of issue itself
    ],
)
def test_a_deadline_without_a_year_across_new_year_means_the_next_year(text, issued, due):
    d = parse_deadline(text, issued)
    assert d.due == due and d.year_inferred and not d.year_doubtful


def test_a_year_far_ahead_is_inferred_but_doubtful():
    d = parse_deadline("trước ngày 10/3", D(2023, 3, 15))  # a year less five days ahead: a typing slip?
    assert d.due == D(2024, 3, 9) and d.year_doubtful


def test_impossible_dates_are_refused():
    with pytest.raises(DateError, match="30/02/2023 không tồn tại") as refused:
        parse_deadline("trước ngày 30/02/2023", ISSUED)
    assert refused.value.reason == "impossible"
    with pytest.raises(DateError):
        parse_vn_date("31/4/2023")


def test_unknown_deadline_words_are_explained():
    with pytest.raises(DateError, match="không hiểu thời hạn"):
        parse_deadline("sớm nhất có thể", ISSUED)


def test_long_and_short_dates():
    assert parse_vn_date("ngày 28 tháng 02 năm 2023") == D(2023, 2, 28)
    assert parse_vn_date("25/10/2021") == D(2021, 10, 25)
    assert parse_vn_date("25-10-2021") == D(2021, 10, 25)
    assert vn_long(D(2023, 2, 28)) == "ngày 28 tháng 02 năm 2023"


@pytest.mark.parametrize(
    "day, long",
    [
        (D(2022, 6, 16), "ngày 16 tháng 6 năm 2022"),
        (D(2023, 2, 5), "ngày 05 tháng 02 năm 2023"),
        (D(2024, 1, 9), "ngày 09 tháng 01 năm 2024"),
        (D(2018, 4, 3), "ngày 03 tháng 4 năm 2018"),
        (D(2021, 10, 25), "ngày 25 tháng 10 năm 2021"),
        (D(2023, 12, 1), "ngày 01 tháng 12 năm 2023"),
    ],
)
def test_dates_are_written_as_hd36_says_a_zero_before_days_under_10_and_months_1_and_2_only(day, long):
    assert vn_long(day) == long
    assert parse_vn_date(long) == day


def phrases(text: str) -> list[str]:
    return [words for _, _, words in find_deadline_phrases(text)]


def test_cues_find_deadline_phrases_but_not_citation_dates():
    text = (
        "Thực hiện Kế hoạch số 134-KH/TU ngày 17/02/2023; hoàn thành trước ngày 15/3/2023, "
        "số liệu đến hết ngày 30/5/2023, Dự kiến trong tháng 4 năm 2023."
    )
    assert phrases(text) == [
        "hoàn thành trước ngày 15/3/2023",
        "đến hết ngày 30/5/2023",
        "Dự kiến trong tháng 4 năm 2023",
    ]


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("Các chi bộ gửi báo cáo chậm nhất là ngày 15/4/2023.", "chậm nhất là ngày 15/4/2023"),
        ("Hạn chót nộp hồ sơ: 20/5/2023.", None),  # «hạn chót nộp hồ sơ» separates cue and date: not a cue
        ("Hạn chót: 20/5/2023.", "Hạn chót: 20/5/2023"),
        ("Ban Tổ chức tổng hợp, báo cáo trước 17 giờ ngày 10/4/2023.", "trước 17 giờ ngày 10/4/2023"),
        ("Gửi về Văn phòng trước ngày 25-3-2023.", "trước ngày 25-3-2023"),
        ("Hoàn thành trong quý II.", "Hoàn thành trong quý II"),
        ("Tổ chức hội nghị vào cuối năm 2023.", "vào cuối năm 2023"),
        ("Hoàn thành trong 6 tháng đầu năm 2023.", "Hoàn thành trong 6 tháng đầu năm 2023"),
        ("Các đảng bộ báo cáo định kỳ hằng quý.", "định kỳ hằng quý"),
        ("Văn phòng tổng hợp trước ngày 10 hằng tháng.", "trước ngày 10 hằng tháng"),
        ("Thời gian thực hiện: tháng 6/2023.", "Thời gian thực hiện: tháng 6/2023"),
        ("Hoàn thành đến ngày 30/6/2023.", "Hoàn thành đến ngày 30/6/2023"),
        # not deadlines: a span of time, a cut-off of data, the period a report is about
        ("Số liệu tính từ ngày 01/01/2023 đến ngày 30/6/2023.", None),
        ("Số liệu tính đến ngày 31/12/2022.", None),
        ("Đánh giá kết quả thực hiện trong 6 tháng đầu năm 2023.", None),
        ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương.", None),
        ("trong giai đoạn 2021 - 2025 và hằng năm", None),
    ],
)
def test_deadline_wordings_in_running_text(sentence, words):
    assert phrases(sentence) == ([words] if words else [])


def test_every_date_written_in_full_is_found_in_every_form():
    text = "ngày 30/02/2023, 31-4-2023, 29.02.2023, ngày 30 tháng 02 năm 2023; không phải 2021-2025 hay 1/2023."
    assert [(d.text, d.day, d.month, d.year) for d in written_dates(text)] == [
        ("30/02/2023", 30, 2, 2023),
        ("31-4-2023", 31, 4, 2023),
        ("29.02.2023", 29, 2, 2023),
        ("ngày 30 tháng 02 năm 2023", 30, 2, 2023),
    ]


# A plain oracle for dates written in full: the fast pattern must find exactly what it finds.
ORACLE_DATES = re.compile(
    r"(?<![\d/.-])(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"|(?P<od>\d{1,2})(?P<s>[.-])(?P<om>\d{1,2})(?P=s)(?P<oy>\d{4}))(?![\d/])"
    r"|[Nn]gày\s+(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s*,?\s*năm\s+(?P<ly>\d{4})"
)
WORDS = st.lists(
    st.sampled_from(
        [
            "trước",
            "Trước",
            "hết",
            "ngày",
            "Ngày",
            "tháng",
            "năm",
            "trong",
            "quý",
            "IV",
            "I",
            "hoàn thành",
            "đến",
            "chậm nhất",
            "là",
            "hạn chót",
            "giờ",
            "17",
            "/",
            "-",
            ".",
            ":",
            "1",
            "12",
            "2023",
            "20/3/2023",
            "112/3/2023",
            "3/2023",
            "25-3-2023",
            "6",
            "đầu",
            "cuối",
            "hằng",
            "định kỳ",
            "Thời gian",
            " ",
            "\n",
            "x",
            "từ",
            "tính",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(WORDS)
def test_scanners_agree_with_their_oracle_and_with_the_parser(text):
    assert [(d.start, d.text) for d in written_dates(text)] == [
        (m.start(), m.group(0)) for m in ORACLE_DATES.finditer(text)
    ]
    # the fast search (str.find for cue words, then the pattern) finds exactly what the pattern alone finds
    assert [m.span() for m in _cue_matches(text)] == [m.span() for m in _CUED_RE.finditer(text)]
    for _, _, words in find_deadline_phrases(text):  # what the scanner finds, the parser understands
        try:
            parse_deadline(words, ISSUED)
        except DateError as e:
            assert e.reason == "impossible", (words, e)
