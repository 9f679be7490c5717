"""Markup inside official text: neutralised for the site, found for the checker.

The official text is Markdown exported from Word (or plain text imported from .docx/.txt), and it is text:
the site must show the characters that were issued and nothing in a document may run script, load anything
from outside the site or draw a diagram. `neutralise` writes every character that Markdown or one of the
site's extensions would turn into something else (an HTML tag, an entity, a code span, an attribute list
«{…}», a fence «~~~», an admonition «!!!», a link or an image) as a character reference instead, which shows
the same character. Emphasis, headings, lists and tables keep working. A link survives only to http(s),
mailto or a relative address, and an image only from the site itself; either is written out again in one
plain form, so what Markdown reads is exactly what was checked. The stored file never changes.

`suspicious` finds the same constructs for the checker (S008), so an editor can review them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import quote

# What Python-Markdown lets a backslash escape with the site's extensions (tables adds «|»).
_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Characters that open something other than themselves; «!» matters only before «[» or in «!!!» (an admonition).
_SPECIAL = re.compile(r"[\\<&`{~\[\]]|!(?=\[)|!!!")
_ENTITY = re.compile(r"&#?\w+;")
_REFERENCE = {"<": "&lt;", "&": "&amp;", "`": "&#96;", "{": "&#123;", "~": "&#126;", "[": "&#91;", "]": "&#93;"}
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
_BLANKS = re.compile(r"[\x00-\x20\x7f]")  # what a browser drops or ignores where it reads a URL's scheme
# Everything else in a kept address is percent-encoded: no blank, quote, parenthesis or bracket is left
# for Markdown to read as the end of the address or the start of a title.
_URL_SAFE = "/?#:@!$&*+,;=%-._~"


@dataclass(frozen=True)
class _Link:
    text: str  # between the brackets, as written
    destination: str  # as written, without the angle brackets it may have
    end: int  # offset just after the closing parenthesis


def _inline_link(text: str, start: int) -> _Link | None:
    """The inline link or image body «[text](destination "title")» opening at `start` (a «[»), if it is one."""
    depth, j, n = 0, start, len(text)
    while j < n:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "\n" and text.startswith("\n\n", j):
            return None  # a paragraph ends: no link spans it
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                break
        j += 1
    else:
        return None
    close = j
    if text[close + 1 : close + 2] != "(":
        return None
    k = close + 2
    while k < n and text[k] in " \t\n":
        k += 1
    if text[k : k + 1] == "<":
        end = text.find(">", k)
        if end < 0 or "<" in text[k + 1 : end] or "\n" in text[k + 1 : end]:
            return None
        destination, k = text[k + 1 : end], end + 1
    else:
        begin, parens = k, 0
        while k < n and text[k] not in " \t\n":
            if text[k] == "\\":
                k += 2
                continue
            if text[k] == "(":
                parens += 1
            elif text[k] == ")":
                if parens == 0:
                    break
                parens -= 1
            k += 1
        destination = text[begin:k]
    while k < n and text[k] in " \t\n":
        k += 1
    if k < n and text[k] in "\"'(":  # a title: only a tooltip, left out of what the site writes
        closing = ")" if text[k] == "(" else text[k]
        end = text.find(closing, k + 1)
        if end < 0:
            return None
        k = end + 1
        while k < n and text[k] in " \t\n":
            k += 1
    if text[k : k + 1] != ")":
        return None
    return _Link(text[start + 1 : close], destination, k + 1)


def _unbackslash(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) in _ESCAPABLE else m.group(0), text)


def safe_address(written: str, image: bool = False) -> str | None:
    """The address to write for a link (or an image) official text gives, or None when it may not have one.

    Links may go to http(s), mailto or a relative address; images may come from the site only. The check
    reads the address as a browser would (backslash escapes and character references decoded, blanks
    dropped), and the address written back is percent-encoded so the browser reads exactly that.
    """
    decoded = html.unescape(_unbackslash(written)).strip()
    squeezed = _BLANKS.sub("", decoded).lower()
    scheme = _SCHEME.match(squeezed)
    if scheme is not None and (image or scheme.group()[:-1] not in LINK_SCHEMES):
        return None
    if image and re.match(r"[/\\]{2}", squeezed):  # «//host/…»: another site, whatever the scheme
        return None
    # «&» is written as «&amp;»: Python-Markdown leaves an entity in an address alone, and a browser decodes it
    return quote(decoded, safe=_URL_SAFE).replace("&", "&amp;")


def neutralise(text: str, in_link: bool = False) -> str:
    """Markdown source that displays `text` character for character, with nothing that can run or load.

    `in_link`: the text of a link, where no other link may open and every bracket is written out.
    """
    out: list[str] = []
    pos = 0
    while True:
        m = _SPECIAL.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return "".join(out)
        i = m.start()
        out.append(text[pos:i])
        c = text[i]
        pos = i + 1
        if c == "\\":
            following = text[i + 1 : i + 2]
            if following and following in _ESCAPABLE:  # an escape Markdown reads as the character itself
                out.append(text[i : i + 2])
                pos = i + 2
            else:
                out.append("&#92;")
        elif c == "&":
            out.append("&amp;" if _ENTITY.match(text, i) else "&")
        elif c == "!" and text.startswith("!!!", i):  # an admonition, when it opens a line
            out.append("&#33;")
        elif c == "!":  # an image: kept only from the site itself, else its brackets are written out
            link = _inline_link(text, i + 1)
            address = safe_address(link.destination, image=True) if link is not None else None
            if link is not None and address is not None:
                out.append(f"![{neutralise(link.text, in_link=True)}]({address})")
                pos = link.end
            else:
                out.append("!&#91;")
                pos = i + 2
        elif c == "[" and not in_link:
            link = _inline_link(text, i)
            address = safe_address(link.destination) if link is not None else None
            if link is not None and address is not None:
                out.append(f"[{neutralise(link.text, in_link=True)}]({address})")
                pos = link.end
            else:
                out.append("&#91;")
        elif c == "]" and not in_link:
            out.append("]")  # harmless without an opening bracket, and kept for plain-text readers
        else:
            out.append(_REFERENCE[c])


# --- what the checker reports (S008) ------------------------------------------------------------

RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|<![A-Za-z]|<\?")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_ATTRIBUTES = re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[A-Za-z_][\w:-]*[ \t]*=)[^{}\n]*\}|\{:[^{}\n]*\}")
_BAD_LINK = re.compile(r"(?:\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?)\s*((?:java|vb)script:|data:)", re.I | re.M)
_OUTSIDE_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?\s*((?:https?:)?//[^\s)>]+)", re.I)


_NEEDED = "<{]"  # a tag or comment, a template or attribute list, a link or image: one of these is in each


@dataclass(frozen=True)
class Suspicious:
    offset: int
    kind: str  # what it is, in Vietnamese
    snippet: str  # the characters, as written


def suspicious(text: str) -> list[Suspicious]:
    """Everything in `text` the site shows as plain text because it would otherwise run, load or hide: HTML,
    template syntax, attribute lists, javascript:/data: links, images from outside. In order of offset."""
    if not any(c in text for c in _NEEDED):
        return []  # most texts: none of the characters any of these constructs needs
    found = [Suspicious(m.start(), "mã HTML", m.group()) for m in RAW_HTML.finditer(text)]
    templates = [Suspicious(m.start(), "cú pháp macro", m.group()) for m in _TEMPLATE.finditer(text)]
    spans = [(s.offset, s.offset + len(s.snippet)) for s in templates]
    found += templates
    found += [
        Suspicious(m.start(), "thuộc tính", m.group())
        for m in _ATTRIBUTES.finditer(text)
        if not any(a <= m.start() < b for a, b in spans)
    ]
    found += [Suspicious(m.start(1), "liên kết", m.group(1) + "…") for m in _BAD_LINK.finditer(text)]
    found += [Suspicious(m.start(1), "ảnh tải từ ngoài trang", m.group(1)) for m in _OUTSIDE_IMAGE.finditer(text)]
    return sorted(found, key=lambda s: s.offset)


def raw_html(text: str) -> list[tuple[int, str]]:
    """(offset, tag) of each HTML tag or comment written into the text."""
    return [(m.start(), m.group()) for m in RAW_HTML.finditer(text)]
