"""Confidentiality and urgency markings (độ mật, độ khẩn) in every form staff print them.

«MẬT», «Mật», «MẬT.», «Độ mật: MẬT», «TÀI LIỆU MẬT», «MẬT - KHẨN», a letter-spaced «M Ậ T», «TỐI MẬT»,
«TUYỆT MẬT»; «KHẨN», «THƯỢNG KHẨN», «HỎA TỐC» (also «HOẢ TỐC»). A text that is nothing but a marking is a
stamp (`whole`); a marking in capitals among other words is still reported, so that a reader can decide:
a confidential document must never pass for a public one because its stamp was written oddly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONF = r"TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT"
_URGENT = r"THƯỢNG\s+KHẨN|HỎA\s+TỐC|KHẨN"
# A stamp: an optional label («ĐỘ MẬT:», «TÀI LIỆU»), the marking, and an urgency after a dash or comma.
_WHOLE = re.compile(
    rf"(?:(?:ĐỘ\s+MẬT|TÀI\s+LIỆU|VĂN\s+BẢN)\s*:?\s*)?(?P<conf>{_CONF})?"
    rf"(?:\s*[-–—,;/+]\s*|\s+)?(?:ĐỘ\s+KHẨN\s*:?\s*)?(?P<urgent>{_URGENT})?"
)
# In capitals among other words; never in small letters («theo chế độ mật» is prose, not a stamp).
_INSIDE = re.compile(rf"(?<![^\W\d_])(?:(?P<conf>{_CONF})|(?P<urgent>{_URGENT}))(?![^\W\d_])")
# Letters spaced out for emphasis: «M Ậ T», «T Ố I  M Ậ T» (single letters, single spaces between them).
_SPACED = re.compile(r"(?<![^\W\d_])[^\W\d_](?: [^\W\d_](?![^\W\d_]))+")
_OLD_STYLE = {"HOẢ TỐC": "HỎA TỐC"}  # the tone mark where older keyboards put it


@dataclass(frozen=True)
class Marking:
    confidentiality: str | None  # MẬT, TỐI MẬT, TUYỆT MẬT
    urgency: str | None  # KHẨN, THƯỢNG KHẨN, HỎA TỐC
    whole: bool  # the text is the marking and nothing else


def _normal(text: str) -> str:
    text = _SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    text = " ".join(text.split())
    for old, new in _OLD_STYLE.items():
        text = text.replace(old, new)
    return text


def _canonical(words: str | None) -> str | None:
    return " ".join(words.split()) if words else None


def read_marking(text: str) -> Marking | None:
    """The marking a text (a line, a cell, a page header) carries, if any."""
    normal = _normal(text)
    whole = _WHOLE.fullmatch(normal.upper().strip(" .:;,*_()[]"))
    if whole is not None and (whole["conf"] or whole["urgent"]):
        return Marking(_canonical(whole["conf"]), _canonical(whole["urgent"]), True)
    conf = urgent = None
    for m in _INSIDE.finditer(normal):
        conf = conf or _canonical(m["conf"])
        urgent = urgent or _canonical(m["urgent"])
    if conf or urgent:
        return Marking(conf, urgent, False)
    return None
