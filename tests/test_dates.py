import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.text.dates import (
    ANY_DATE,
    DateError,
    find_deadline_phrases,
    parse_deadline,
    parse_vn_date,
    vn_long,
    written_dates,
)

D = dt.date


@pytest.mark.parametrize(
    "text, kind, due",
    [
        ("trước ngày 20/3/2023", "before", D(2023, 3, 19)),
        ("hoàn thành trước ngày 10 tháng 3 năm 2023", "before", D(2023, 3, 9)),
        ("hoàn thành trước 20/3/2023", "before", D(2023, 3, 19)),
        ("đến hết ngày 30/5/2023", "by", D(2023, 5, 30)),
        ("Dự kiến trong tháng 4 năm 2023", "month", D(2023, 4, 30)),
        ("trong tháng 2/2024", "month", D(2024, 2, 29)),
        ("quý I/2023", "quarter", D(2023, 3, 31)),
        ("trong quý IV năm 2023", "quarter", D(2023, 12, 31)),
        ("giai đoạn 2021 – 2025", "period", D(2025, 12, 31)),
        ("nhiệm kỳ 2020 - 2025", "period", D(2025, 12, 31)),
        ("hằng năm", "recurring", None),
        ("4 lần/năm", "recurring", None),
    ],
)
def test_deadline_forms(text, kind, due):
    d = parse_deadline(text, 2023)
    assert (d.kind, d.due) == (kind, due)


def test_missing_year_comes_from_document_date():
    assert parse_deadline("trước ngày 30 tháng 7", 2024).due == D(2024, 7, 29)
    with pytest.raises(DateError, match="không ghi năm"):
        parse_deadline("trước ngày 30 tháng 7", None)


def test_impossible_dates_are_refused():
    with pytest.raises(DateError, match="30/02/2023 không tồn tại"):
        parse_deadline("trước ngày 30/02/2023", 2023)
    with pytest.raises(DateError):
        parse_vn_date("31/4/2023")


def test_unknown_deadline_words_are_explained():
    with pytest.raises(DateError, match="không hiểu thời hạn"):
        parse_deadline("sớm nhất có thể", 2023)


def test_long_and_short_dates():
    assert parse_vn_date("ngày 28 tháng 02 năm 2023") == D(2023, 2, 28)
    assert parse_vn_date("25/10/2021") == D(2021, 10, 25)
    assert vn_long(D(2023, 2, 28)) == "ngày 28 tháng 02 năm 2023"


def test_cues_find_deadline_phrases_but_not_citation_dates():
    text = (
        "Thực hiện Kế hoạch số 134-KH/TU ngày 17/02/2023; hoàn thành trước ngày 15/3/2023, "
        "số liệu đến hết ngày 30/5/2023, Dự kiến trong tháng 4 năm 2023."
    )
    found = [words for _, _, words in find_deadline_phrases(text)]
    assert found == ["hoàn thành trước ngày 15/3/2023", "đến hết ngày 30/5/2023", "Dự kiến trong tháng 4 năm 2023"]


# The scanners' patterns are written for speed (character sets first, dates split in two). These
# oracles say the same thing plainly; on any text the fast patterns must find exactly what they find.
ORACLE_DATES = re.compile(
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"
    r"|[Nn]gày\s+(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4})"
)
ORACLE_CUES = re.compile(
    rf"[Tt]rước\s+{ANY_DATE}|[Hh]ết\s+ngày\s+\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?"
    r"|[Tt]rong\s+tháng\s+\d{1,2}(?:\s*(?:năm\s+|/)\d{4})?"
    r"|[Tt]rong\s+quý\s+(?:IV|I{1,3})\s*(?:/|\s+năm\s+)\s*\d{4}"
)
WORDS = st.lists(
    st.sampled_from(
        [
            "trước",
            "Trước",
            "hết",
            "Hết",
            "ngày",
            "Ngày",
            "tháng",
            "năm",
            "trong",
            "Trong",
            "quý",
            "IV",
            "I",
            "hoàn thành",
            "đến",
            "/",
            "1",
            "12",
            "2023",
            "20/3/2023",
            "112/3/2023",
            "3/2023",
            " ",
            "\n",
            "x",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(WORDS)
def test_fast_scanners_find_what_the_plain_patterns_find(text):
    oracle = [
        m
        for m in ORACLE_DATES.finditer(text)
        if not (m["d"] and m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "/"))
    ]
    assert [(d.start, d.text) for d in written_dates(text)] == [(m.start(), m.group(0)) for m in oracle]
    found, expected = find_deadline_phrases(text), list(ORACLE_CUES.finditer(text))
    assert len(found) == len(expected)
    for (start, end, words), m in zip(found, expected):  # a lead-in («hoàn thành») may extend a phrase leftwards
        assert end == m.end() and start <= m.start() and words.endswith(m.group(0))
