"""Raw HTML and template syntax inside official text: found for the checker, neutralised for the site.

The official text is Markdown exported from Word. Characters that Markdown or its extensions would
turn into something other than themselves (an HTML tag, an entity, a code span, an attribute list)
are written as character references instead, so the reader sees exactly the characters that were
issued and nothing in a document can execute or hide text.
"""

from __future__ import annotations

import re

# "<" opening a tag, comment or declaration; "&" opening an entity; "`" opening a code span;
# "{" opening an attribute list ({: .x }, {#id}, {.cls}).
_ACTIVE = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?\w+;)|`|\{(?=\s*[:#.])")
_REFERENCE = {"<": "&lt;", "&": "&amp;", "`": "&#96;", "{": "&#123;"}

RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|<![A-Za-z]|<\?")


def neutralise(text: str) -> str:
    """Markdown source that displays `text` character for character (emphasis and headings still work)."""
    return _ACTIVE.sub(lambda m: _REFERENCE[m.group()], text)


def raw_html(text: str) -> list[tuple[int, str]]:
    """(offset, tag) of each HTML tag or comment written into the text."""
    return [(m.start(), m.group()) for m in RAW_HTML.finditer(text)]
