"""Template text a clerk forgot to replace: what `kehoach new` writes and the blanks of Word templates.

«Dán toàn văn văn bản vào đây», «[tên đơn vị]», «ngày … tháng … năm», «…/…/20…», «Số: xx-KH/ĐU».
"""

from __future__ import annotations

import re

# What `kehoach new` writes for the clerk to replace, and placeholders of Word templates, grouped under the
# characters none of them can be without: a text without them is not scanned (str `in` is far cheaper than a scan,
# and one test per group, not per pattern, keeps a 10 000-document check fast).
_TEMPLATES: list[tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]] = [
    (("toàn văn văn bản vào đây",), (re.compile(r"[Dd]án toàn văn văn bản vào đây"),)),
    # «[tên đơn vị]», «[Họ và tên]»: a template's blank; a bracketed phrase in small letters that is not a link
    (
        ("[",),
        (
            re.compile(
                r"\[(?:(?i:tên|họ (?:và )?tên|chức vụ|điền|ghi|nhập|nội dung|đơn vị|sản phẩm)[^\]\n]{0,40}"
                r"|[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ][^\]\n]{0,40})"
                r"\](?!\()"
            ),
        ),
    ),
    # «…/…/20…», «ngày … tháng … năm»: both need an ellipsis, written as one character or as dots
    (
        ("…", ".."),
        (
            re.compile(r"(?:…|\.{3})\s*/\s*(?:…|\.{3})\s*/\s*(?:20)?(?:…|\.{2,3})"),
            re.compile(r"[Nn]gày\s*(?:…|\.{2,})\s*tháng\s*(?:…|\.{2,})\s*năm"),
        ),
    ),
    # «Số: xx-KH/ĐU»: a symbol whose number was never filled in
    (("xx", "XX"), (re.compile(r"(?<![\w-])(?:xx|XX|xxx|XXX)\s*-\s*[A-ZĐ][A-Za-zĐđ]{0,3}\s*/\s*[A-ZĐ]"),)),
]


def placeholders(text: str) -> list[re.Match[str]]:
    """Every template blank in `text`, in order."""
    found: list[re.Match[str]] = []
    for needs, patterns in _TEMPLATES:
        for needle in needs:
            if needle in text:
                found += [m for pattern in patterns for m in pattern.finditer(text)]
                break
    return sorted(found, key=lambda m: m.start())
