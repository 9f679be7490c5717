"""A Markdown body seen as plain text, with a map back to the original offsets.

Citations and deadlines are matched on the words a reader sees (`trước **ngày 10/3/2023**`
reads `trước ngày 10/3/2023`), while findings point at the line in the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Backslash escapes keep their character (group 1); runs of emphasis asterisks and trailing blanks vanish.
# Each pattern opens with a character set so that the regex engine skips straight to candidates; the
# lookbehinds then tell which character began the match.
_MARKUP = re.compile(r"[*\\ \t](?:(?<=\\)(.)|(?<=\*)\**|(?<=[ \t])[ \t]*(?=\n))")
# Cheaper when no line ends in blanks: the blank alternative is tried at every space of the prose.
_MARKUP_NO_TRAILING = re.compile(r"[*\\](?:(?<=\\)(.)|(?<=\*)\**)")
_NEWLINE = re.compile("\n")
_KEEP_ESCAPED = r"\1"  # an unmatched group is replaced by nothing


def _markup_pattern(source: str) -> re.Pattern[str] | None:
    """The pattern that removes `source`'s markup; None when there is nothing to remove."""
    trailing = " \n" in source or "\t\n" in source
    if not trailing and "*" not in source and "\\" not in source:
        return None
    return _MARKUP if trailing else _MARKUP_NO_TRAILING


class PlainText:
    """`text` is built at C speed; the offset map is built only when a line is asked for."""

    __slots__ = ("source", "text", "_markup", "_map", "_line_starts")

    def __init__(self, source: str) -> None:
        self.source = source
        self._markup = _markup_pattern(source)
        self.text = source if self._markup is None else self._markup.sub(_KEEP_ESCAPED, source)
        self._map: tuple[list[int], list[int]] | None = None
        self._line_starts: list[int] | None = None

    @property
    def has_markup(self) -> bool:
        """Whether `text` differs from `source` (emphasis, escapes or trailing blanks removed)."""
        return self._markup is not None

    @classmethod
    def restored(cls, source: str, marked: str | None) -> PlainText:
        """The plain text of `source` from a stored `text` (None when it had no markup), without rescanning."""
        plain = cls.__new__(cls)
        plain.source = source
        plain.text = source if marked is None else marked
        plain._markup = None if marked is None else _markup_pattern(source)
        plain._map = plain._line_starts = None
        return plain

    def _offsets(self) -> tuple[list[int], list[int]]:
        if self._map is None:
            plain_starts, orig_starts = [0], [0]  # plain offset where each copied run begins, and its origin
            pos = plain = 0
            for m in self._markup.finditer(self.source) if self._markup else ():
                plain += m.start() - pos
                if m.group(1):  # the escaped character maps to itself
                    plain_starts.append(plain)
                    orig_starts.append(m.start(1))
                    plain += 1
                pos = m.end()
                plain_starts.append(plain)
                orig_starts.append(pos)
            self._map = (plain_starts, orig_starts)
        return self._map

    def original_offset(self, plain_offset: int) -> int:
        plain_starts, orig_starts = self._offsets()
        i = bisect_right(plain_starts, plain_offset) - 1
        return orig_starts[i] + (plain_offset - plain_starts[i])

    def line(self, plain_offset: int) -> int:
        """1-based line within the source of a plain-text offset."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.source)]
        return bisect_right(self._line_starts, self.original_offset(plain_offset))
