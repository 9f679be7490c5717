"""The plain-text view of a Markdown body: the words a reader sees, each mapped back to its place in the file."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.text.plain import PlainText

# The rule in its plainest form, as the oracle: escapes keep their character, asterisk runs and
# trailing blanks vanish. PlainText uses faster patterns that must agree with it.
ORACLE = re.compile(r"\\(.)|\*+|[ \t]+(?=\n)")
MARKDOWNISH = st.lists(st.sampled_from(list("*\\ \t\nađ1/-_") + ["**", "\\*", "  \n", "ngày"]), max_size=40).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
def test_plain_text_follows_the_rule_and_maps_back_to_the_source(source):
    plain = PlainText(source)
    assert plain.text == ORACLE.sub(lambda m: m.group(1) or "", source)
    for offset, char in enumerate(plain.text):
        assert source[plain.original_offset(offset)] == char
        assert plain.line(offset) == source.count("\n", 0, plain.original_offset(offset)) + 1


def test_seed_markup():
    plain = PlainText("Thời gian hoàn thành: **trước ngày 20/3/2023**  \n\\* Ghi chú\\\n")
    assert plain.text == "Thời gian hoàn thành: trước ngày 20/3/2023\n* Ghi chú\\\n"
    at = plain.text.index("20/3/2023")
    assert plain.line(at) == 1 and plain.line(plain.text.index("Ghi")) == 2
