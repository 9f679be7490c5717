"""A Markdown body seen as plain text, with a map back to the original offsets.

Citations and deadlines are matched on the words a reader sees (`trước **ngày 10/3/2023**`
reads `trước ngày 10/3/2023`), while findings point at the line in the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# backslash escapes keep their character; runs of emphasis asterisks and trailing blanks vanish
_MARKUP = re.compile(r"\\(.)|\*+|[ \t]+(?=\n)")


class PlainText:
    __slots__ = ("source", "text", "_plain_starts", "_orig_starts", "_line_starts")

    def __init__(self, source: str):
        self.source = source
        pieces: list[str] = []
        plain_starts: list[int] = [0]  # plain offset where each copied run begins
        orig_starts: list[int] = [0]  # original offset of that run
        pos = plain = 0
        for m in _MARKUP.finditer(source):
            pieces.append(source[pos : m.start()])
            plain += m.start() - pos
            kept = m.group(1) or ""
            if kept:  # the escaped character maps to itself
                plain_starts.append(plain)
                orig_starts.append(m.start(1))
                pieces.append(kept)
                plain += 1
            pos = m.end()
            plain_starts.append(plain)
            orig_starts.append(pos)
        pieces.append(source[pos:])
        self.text = "".join(pieces)
        self._plain_starts = plain_starts
        self._orig_starts = orig_starts
        self._line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

    def original_offset(self, plain_offset: int) -> int:
        i = bisect_right(self._plain_starts, plain_offset) - 1
        return self._orig_starts[i] + (plain_offset - self._plain_starts[i])

    def line(self, plain_offset: int) -> int:
        """1-based line within the source of a plain-text offset."""
        return bisect_right(self._line_starts, self.original_offset(plain_offset))
