"""Unicode helpers: NFC normalisation, confusable characters, ASCII folding for matching."""

from __future__ import annotations

import re
import unicodedata

# Characters that look like Vietnamese letters but are not: they break symbol matching and search.
CONFUSABLES: dict[str, str] = {
    "\u00d0": "Đ",  # Ð LATIN CAPITAL LETTER ETH, typed for Đ (U+0110)
    "\u00f0": "đ",  # ð latin small letter eth
    "\u0189": "Đ",  # Ɖ latin capital letter african d
}

_UNCONFUSE = str.maketrans(CONFUSABLES)
# `đ` has no decomposition under NFD, so it (and everything that looks like it) is mapped explicitly.
_FOLD_EXTRA = str.maketrans(
    {"đ": "d", "Đ": "D"} | {ch: ("d" if real == "đ" else "D") for ch, real in CONFUSABLES.items()}
)


# Letters a scan or a hurried typist swaps in a code: «TƯ» for «TU», «DUK» for «ĐUK», «0» for «O»; and «Ư»
# for «W», which a Vietnamese keyboard in Telex mode makes of a typed «w» («TW» comes out as «TƯ»).
_LOOKALIKE_GROUPS = ["DĐ", "UƯW", "OƠÔ0", "AĂÂ", "EÊ", "I1L"]
LOOKALIKES: dict[str, frozenset[str]] = {ch: frozenset(g) - {ch} for g in _LOOKALIKE_GROUPS for ch in g}


def one_lookalike_apart(a: str, b: str) -> bool:
    """True when `a` and `b` differ in exactly one place, where one letter looks like the other."""
    if len(a) != len(b) or a == b:
        return False
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diffs) == 1 and diffs[0][1] in LOOKALIKES.get(diffs[0][0], frozenset())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def unconfuse(text: str) -> str:
    """Replace look-alike characters with the Vietnamese letters they stand for: 'ÐUK' -> 'ĐUK'."""
    return text.translate(_UNCONFUSE)


def fold(text: str) -> str:
    """Strip diacritics for matching: 'Đặng Ngọc Sơn' -> 'dang ngoc son'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    # Dropping every non-ASCII code point after NFD removes the combining marks at C speed;
    # Vietnamese letters all decompose to an ASCII base (đ was mapped above).
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
