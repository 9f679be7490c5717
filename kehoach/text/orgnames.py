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
