"""Organisations as prose names them: which level of the hierarchy a phrase attributes a document to."""

from __future__ import annotations

from functools import lru_cache

from .unicode import fold

# Words that name a level of the hierarchy in prose ("của Ban Thường vụ Tỉnh ủy Phú Thọ").
LEVEL_WORDS = {
    "central": ("trung uong", "bo chinh tri", "ban bi thu"),
    "province": ("tinh uy", "thanh uy", "dang bo tinh", "dang bo thanh pho"),
    "bloc": ("dang uy khoi", "dang bo khoi"),
}


@lru_cache(maxsize=4096)  # a repository attributes its citations to a few bodies, in a few wordings
def level_named(phrase: str) -> str | None:
    """The hierarchy level a phrase attributes a document to: the first body it names.

    "của Ban Chấp hành Trung ương, Ban Thường vụ Đảng ủy Khối xây dựng…" attributes to the centre;
    the bloc committee named afterwards is the subject of the next clause.
    """
    folded = fold(phrase)
    best: tuple[int, str] | None = None
    for level, words in LEVEL_WORDS.items():
        for w in words:
            at = folded.find(w)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, level)
    return best[1] if best else None


# --- names in a header block ---------------------------------------------------------------------------

# The words a committee's name opens with (folded), how prose writes them, and the level they name.
# «Thành ủy» is a province-level city's committee, or a district-level one under a province.
COMMITTEE_HEADS: tuple[tuple[str, str, str], ...] = (
    ("ban chap hanh trung uong", "Ban Chấp hành Trung ương", "central"),
    ("ban chap hanh", "Ban Chấp hành", "base"),
    ("dang uy khoi", "Đảng ủy Khối", "bloc"),
    ("dang bo khoi", "Đảng bộ Khối", "bloc"),
    ("tinh uy", "Tỉnh ủy", "province"),
    ("thanh uy", "Thành ủy", "province"),
    ("huyen uy", "Huyện ủy", "district"),
    ("quan uy", "Quận ủy", "district"),
    ("thi uy", "Thị ủy", "district"),
    ("dang bo tinh", "Đảng bộ tỉnh", "province"),
    ("dang bo thanh pho", "Đảng bộ thành phố", "province"),
    ("dang bo huyen", "Đảng bộ huyện", "district"),
    ("dang uy", "Đảng ủy", "base"),
    ("dang bo", "Đảng bộ", "base"),
    ("chi bo", "Chi bộ", "cell"),
    ("dang doan", "Đảng đoàn", "base"),
    ("ban can su dang", "Ban cán sự đảng", "base"),
)
# The units of a committee that issue documents in their own name, and how prose writes them.
UNIT_HEADS: tuple[tuple[str, str], ...] = (
    ("ban tuyen giao va dan van", "Ban Tuyên giáo và Dân vận"),
    ("ban to chuc", "Ban Tổ chức"),
    ("ban tuyen giao", "Ban Tuyên giáo"),
    ("ban dan van", "Ban Dân vận"),
    ("ban noi chinh", "Ban Nội chính"),
    ("ban kinh te", "Ban Kinh tế"),
    ("ban bao ve cham soc suc khoe can bo", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ"),
    ("van phong", "Văn phòng"),
    ("uy ban kiem tra", "Ủy ban Kiểm tra"),
    ("ubkt", "Ủy ban Kiểm tra"),
)
# Collective organs that sign for a committee («T/M BAN THƯỜNG VỤ»): a committee's own organs, not units.
ORGAN_HEADS: tuple[tuple[str, str, bool], ...] = (  # (folded, prose, takes the committee's word after it)
    ("ban thuong vu", "Ban Thường vụ", True),
    ("thuong truc", "Thường trực", True),
    ("bo chinh tri", "Bộ Chính trị", False),
    ("ban bi thu", "Ban Bí thư", False),
)


def _head(folded: str, prefixes: list[str]) -> int | None:
    """Index of the first prefix `folded` opens with (whole words)."""
    return next((i for i, p in enumerate(prefixes) if folded == p or folded.startswith(p + " ")), None)


_COMMITTEES = [h[0] for h in COMMITTEE_HEADS]
_UNITS = [h[0] for h in UNIT_HEADS]
_ORGANS = [h[0] for h in ORGAN_HEADS]


def committee_head(name: str) -> tuple[str, str, str] | None:
    """(folded words, prose words, level) a committee's name opens with: «HUYỆN ỦY YÊN THÀNH» → huyện ủy."""
    i = _head(fold(name), _COMMITTEES)
    return COMMITTEE_HEADS[i] if i is not None else None


def unit_head(name: str) -> tuple[str, str] | None:
    """(folded words, prose words) of a unit's name: «BAN TUYÊN GIÁO» → Ban Tuyên giáo; None for a committee
    or a collective organ («BAN THƯỜNG VỤ»)."""
    folded = fold(name)
    if _head(folded, _COMMITTEES) is not None or _head(folded, _ORGANS) is not None:
        return None
    i = _head(folded, _UNITS)
    if i is not None:
        return UNIT_HEADS[i]
    return ("ban", "Ban") if folded.startswith("ban ") else None


def organ_head(name: str) -> tuple[str, str, bool] | None:
    """A collective organ named in a signature («BAN THƯỜNG VỤ», «BỘ CHÍNH TRỊ»): (folded, prose, whether the
    committee's word follows it in prose: «Ban Thường vụ Tỉnh ủy», but «Bộ Chính trị»)."""
    i = _head(fold(name), _ORGANS)
    return ORGAN_HEADS[i] if i is not None else None


def header_names(lines: list[str]) -> list[str]:
    """The organisations a header's left column names, one name per entry, wrapped lines joined.

    A line that opens with a committee's or a unit's word starts a name; another continues the name
    above: «ĐẢNG ỦY KHỐI CÁC CƠ QUAN» + «TỈNH LÂM ĐỒNG» is one name, «TỈNH ỦY THỪA THIÊN HUẾ» + «BAN
    TUYÊN GIÁO» are two."""
    names: list[str] = []
    for line in lines:
        words = " ".join(line.split())
        opens = committee_head(words) is not None or unit_head(words) is not None or organ_head(words) is not None
        if names and not opens:
            names[-1] = f"{names[-1]} {words}"
        else:
            names.append(words)
    return names
