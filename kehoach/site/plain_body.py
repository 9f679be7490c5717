"""A plain-text body (`body_format: plain`, imported from .txt) shown as the lines of the paper.

The stored body is the .txt as it came, byte for byte. Read as Markdown it would not look like the paper:
indented lines become code blocks, «ĐẢNG CỘNG SẢN VIỆT NAM» over a row of dashes a heading, «-----» a rule,
hard-wrapped lines run together. So a plain body is written as HTML, every character escaped, inside a
block the site stylesheet shows with its line breaks and spaces kept, in the normal font (`.kh-plain`).
Citations are still linked, as in a Markdown body.
"""

from __future__ import annotations

import html
import posixpath

from ..model.entry import Entry
from ..model.references import Reference, RefStatus
from .format import asset_url

_UNRESOLVED = '<span class="kh-unresolved" title="Chưa có văn bản này trong kho">{}</span>'


def page_url(from_page: str, to_page: str) -> str:
    """The URL of a page as raw HTML must write it (MkDocs rewrites Markdown links, not raw HTML)."""
    stem = to_page[: -len(".md")]
    served = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem  # directory URLs
    return asset_url(from_page, served or ".") + "/"


def _link(ref: Reference, here: str, shown: str) -> str | None:
    """The HTML a citation becomes: a link to its document, a marked unresolved symbol, or None (plain text)."""
    if ref.status in (RefStatus.OK, RefStatus.FEDERATED) and ref.target is not None:
        url = ref.target.url if ref.status == RefStatus.FEDERATED else page_url(here, ref.target.page_path)
        title = html.escape(ref.target.doc.title or ref.symbol, quote=True)
        return f'<a href="{html.escape(url or "", quote=True)}" title="{title}">{html.escape(shown)}</a>'
    if ref.status in (RefStatus.EXTERNAL, RefStatus.WITHHELD, RefStatus.SELF):
        return None
    return _UNRESOLVED.format(html.escape(shown))


def plain_body(entry: Entry, refs: list[Reference], here: str) -> str:
    """The body as one HTML block: its lines as they are, each citation linked."""
    body, plain = entry.body, entry.plain
    edits: list[tuple[int, int, str]] = []
    for ref in refs:
        c = ref.citation
        if c is None or ref.origin != "body":
            continue
        start = plain.original_offset(c.link_start)
        end = plain.original_offset(c.link_end - 1) + 1
        shown = body[start:end]
        replacement = _link(ref, here, shown) if shown == plain.text[c.link_start : c.link_end] else None
        if replacement is not None:
            edits.append((start, end, replacement))
    out, pos = ['<div class="kh-plain">'], 0
    for start, end, replacement in sorted(edits):
        if start < pos:
            continue
        out += [html.escape(body[pos:start], quote=False), replacement]
        pos = end
    out += [html.escape(body[pos:].rstrip("\n"), quote=False), "</div>"]
    return "".join(out)
