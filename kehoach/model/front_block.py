"""Rewrite one top-level key of a file's front matter and nothing else.

Tools that record something in a document (`kehoach review`) change their own block only: every other
line of the front matter, its comments and its order, and every byte of the official text stay as they are.
"""

from __future__ import annotations

import re

from .frontmatter import split

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")


def _under(line: str) -> bool:
    """Whether a line continues the block above it: indented, blank, or an item of an unindented list."""
    return not line or line[0] in " \t" or line == "-" or line.startswith("- ")


def replace_block(text: str, key: str, block: list[str]) -> str:
    """The text with the top-level `key` (its line and the indented or `- ` lines under it) replaced by
    `block`, or `block` added at the end of the front matter. The text must have front matter. A file saved
    with Windows line ends keeps them, every one."""
    if "\r\n" in text and "\n" not in text.replace("\r\n", ""):
        return replace_block(text.replace("\r\n", "\n"), key, block).replace("\n", "\r\n")
    parts = split(text)
    if parts is None:
        raise ValueError("no front matter")
    head = text[: len(text) - len(parts.body)] if parts.body else text
    lines = parts.front.split("\n")
    trailing = lines.pop() if lines and lines[-1] == "" else None  # the newline before the closing ---
    start = next((i for i, line in enumerate(lines) if (m := _TOP_LEVEL_KEY.match(line)) and m.group(1) == key), None)
    if start is None:
        kept = [*lines, *block]
    else:
        end = start + 1
        while end < len(lines) and _under(lines[end]):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():  # blank lines before the next key stay there
            end -= 1
        kept = [*lines[:start], *block, *lines[end:]]
    front = "\n".join(kept) + ("\n" if trailing is not None else "")
    opening = text.split("\n", 1)[0] + "\n"
    closing = head[len(opening) + len(parts.front) :]
    return opening + front + closing + parts.body
