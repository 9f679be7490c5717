"""Hypothesis strategies for Vietnamese-looking official text, shared by the fuzz and import properties."""

from __future__ import annotations

from hypothesis import strategies as st

# Words of official text, with the things the engine parses: type words, deadline cues, unit names.
SYLLABLES = [
    "Kế",
    "hoạch",
    "số",
    "Nghị",
    "quyết",
    "Đảng",
    "ủy",
    "Khối",
    "hoàn",
    "thành",
    "trước",
    "ngày",
    "Ban",
    "Tuyên",
    "giáo",
    "chủ",
    "trì",
    "Văn",
    "phòng",
    "báo",
    "cáo",
    "sơ",
    "kết",
    ".",
    ",",
    ";",
    "KẾ HOẠCH",
    "Số",
]
# Markdown and layout a body exported from Word carries.
MARKUP = ["\n", "\n\n", "**", "\\*", "-----", "#"]
SYMBOLS = st.from_regex(r"\d{1,3} ?- ?(NQ|KH|Kh|KL|CT|QĐ|HD)/(TW|TU|ĐUK|ÐUK|BTCTW|XYZ)", fullmatch=True)
DATES = st.from_regex(r"(trước )?(ngày )?\d{1,2}/\d{1,2}(/\d{2,4})?", fullmatch=True)
PERIODS = st.from_regex(r"(trong )?(tháng|quý) [0-9IVX]{1,4}(/| năm )\d{4}", fullmatch=True)


def pieces(markup: bool, controls: bool) -> st.SearchStrategy[str]:
    """Words, symbols, dates and arbitrary characters; with `markup`, Markdown too; with `controls`, control characters."""
    excluded = ["Cs"] if controls else ["Cs", "Cc"]
    return st.one_of(
        st.sampled_from(SYLLABLES + (MARKUP if markup else [])),
        SYMBOLS,
        DATES,
        PERIODS,
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=excluded), max_size=8),
    )
