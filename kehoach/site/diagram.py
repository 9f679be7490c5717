"""A document's relationship diagram, drawn at build time as inline SVG: no script to load, it prints, and it
scales with the page (a viewBox about a phone's width, so its text stays about 13 px on a 390 px screen).

The document stands on top; each document it relates to stands below it, one under another on a line down
the left, with the relation written above its box. Every box but the document's own links to that
document's page. Only documents of the view are drawn (a withheld one is not in a public view's graph), and
every text is escaped for XML: titles come from files.
"""

from __future__ import annotations

import html

from ..model.entry import Entry
from ..model.references import RELATION_LABELS
from ..model.view import View
from .plain_body import page_url

WIDTH = 352  # viewBox units: about the text column of a 390 px phone, so 1 unit ≈ 1 px there
FONT = 13
LINE = 17  # line height
PAD = 8
INDENT = 32  # boxes of related documents start here; the line down the left runs at SPINE
SPINE = 12
CHAR = 0.56 * FONT  # an average letter's width: enough to wrap without measuring
MAX_LINES = 3
MOST = 10  # boxes of related documents; the rest are counted in a last line (the lists above name them all)


def _x(text: str) -> str:
    """Text for XML: escaped, «{» written as a reference so that nothing reads it as an attribute list."""
    return html.escape(text, quote=True).replace("{", "&#123;")


def wrap(text: str, width: float) -> list[str]:
    """`text` in lines of at most `width` units (estimated), at most MAX_LINES, the last cut with «…»."""
    most = max(8, int(width / CHAR))
    lines: list[str] = []
    for word in " ".join(text.split()).split(" "):
        while len(word) > most:  # a word longer than a line (a symbol, a URL): cut it
            lines.append(word[:most])
            word = word[most:]
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: most - 1].rstrip() + "…"
    return lines


def _box(x: int, y: int, label: str, url: str | None, own: bool) -> tuple[str, int]:
    """A document's box at (x, y): its SVG, and its height."""
    lines = wrap(label, WIDTH - x - 2 * PAD)
    height = len(lines) * LINE + 2 * PAD - 4
    css = "kh-diagram-own" if own else "kh-diagram-node"
    rect = (
        f'<rect class="{css}" x="{x}" y="{y}" width="{WIDTH - x - 1}" height="{height}" rx="4" '
        'fill="#fff" stroke="#555"/>'
    )
    text = "".join(
        f'<text x="{x + PAD}" y="{y + PAD + (i + 1) * LINE - 5}">{_x(line)}</text>' for i, line in enumerate(lines)
    )
    inner = rect + text
    if url is not None:
        inner = f'<a href="{_x(url)}">{inner}</a>'
    return inner, height


def relationship_diagram(entry: Entry, view: View, here: str) -> list[str]:
    """The SVG (one raw HTML block of Markdown) for the document and its relations; [] when it has none."""
    by_key = view.by_key
    related = [(e.target, e.type, True) for e in view.graph.outgoing.get(entry.key, []) if e.type != "cites"]
    related += [(e.source, e.type, False) for e in view.graph.incoming.get(entry.key, []) if e.type != "cites"]
    related = [r for r in related if r[0] in by_key]
    if not related:
        return []
    own = " ".join(entry.heading(view.tree).split())
    parts, height = _box(0, 1, own, None, True)
    y = height + 1
    spine_top = y
    arrows = []
    hidden = max(0, len(related) - MOST)
    for key, rel, outgoing in related[:MOST]:
        other = by_key[key]
        y += 8 + FONT + 2
        label = RELATION_LABELS[rel][0 if outgoing else 1]
        parts += f'<text class="kh-diagram-rel" x="{INDENT}" y="{y}">{_x(label)}</text>'
        y += 4
        box, height = _box(
            INDENT, y, " ".join(other.heading(view.tree).split()), page_url(here, other.page_path), False
        )
        parts += box
        middle = y + height // 2
        # the arrow points the way the relation goes: from this document to the other, or back
        arrows.append(
            f'<path class="kh-diagram-edge" d="M{SPINE} {middle}H{INDENT - 2}" fill="none" stroke="#555" '
            f'marker-{"end" if outgoing else "start"}="url(#kh-arrow)"/>'
        )
        y += height
        spine_bottom = middle
    if hidden:
        y += 8 + FONT + 2
        more = f"… và {hidden} văn bản khác (xem danh sách ở trên)"
        parts += f'<text class="kh-diagram-rel" x="{INDENT}" y="{y}">{_x(more)}</text>'
    spine = f'<path class="kh-diagram-edge" d="M{SPINE} {spine_top}V{spine_bottom}" fill="none" stroke="#555"/>'
    marker = (
        '<defs><marker id="kh-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0 0L8 4L0 8z" class="kh-diagram-head"/></marker></defs>'
    )
    svg = (
        f'<div class="kh-diagram"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y + 2}" '
        f'width="100%" font-size="{FONT}">'
        f"<title>Sơ đồ quan hệ của {_x(own)}</title>{marker}{spine}{''.join(arrows)}{parts}</svg></div>"
    )
    return [svg, ""]
