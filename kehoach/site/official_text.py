"""The official text with each citation linked to its target; not one visible character changes.

A citation of a document withheld from this build (confidential) stays plain text: no link, no mark.
"""

from __future__ import annotations

import html

from ..model.entry import Entry
from ..model.references import Reference, RefStatus
from ..text.markup import neutralise, safe_address
from .format import href
from .plain_body import plain_body


def link_title(text: str) -> str:
    """A link's tooltip inside «"…"»: one line, no quote, bracket or parenthesis Markdown could read."""
    return html.escape(" ".join(text.split()), quote=True).replace("(", "&#40;").replace(")", "&#41;")


Edit = tuple[int, int, str]  # (start, end, Markdown) replacing body[start:end]


def body_edits(entry: Entry, refs: list[Reference], here: str) -> list[Edit]:
    """Each citation of a Markdown body as the link (or unresolved mark) that replaces its words."""
    body, plain = entry.body, entry.plain
    edits: list[Edit] = []
    for ref in refs:
        c = ref.citation
        if c is None or ref.origin != "body" or ref.status == RefStatus.SELF:
            continue
        start = plain.original_offset(c.link_start)
        end = plain.original_offset(c.link_end - 1) + 1
        shown = body[start:end]
        if shown != plain.text[c.link_start : c.link_end]:
            continue  # markup inside the symbol: leave the text exactly as it is
        if ref.status in (RefStatus.OK, RefStatus.FEDERATED) and ref.target is not None:
            # A federated document lives on another committee's site: link to its page there, if it has one.
            if ref.status == RefStatus.FEDERATED:
                target = safe_address(ref.target.url) if ref.target.url else None
                if target is None:
                    continue  # found and checked, but no address to trust: the words stay as they are
            else:
                target = href(here, ref.target.page_path)
            edits.append((start, end, f'[{shown}]({target} "{link_title(ref.target.doc.title or ref.symbol)}")'))
        elif ref.status not in (RefStatus.EXTERNAL, RefStatus.WITHHELD):
            edits.append(
                (start, end, f'<span class="kh-unresolved" title="Chưa có văn bản này trong kho">{shown}</span>')
            )
    return sorted(edits)


def render_span(body: str, edits: list[Edit], start: int, end: int) -> str:
    """body[start:end] as inert Markdown with the edits inside it applied (cut at line starts, so that a
    piece of the body reads as it does in the whole)."""
    out, pos = [], start
    for a, b, replacement in edits:
        if a < pos or b > end:
            continue
        before = neutralise(body[pos:a])
        if before.endswith("!"):  # «!» right before a link would make it an image
            before = before[:-1] + "&#33;"
        out += [before, replacement]
        pos = b
    out.append(neutralise(body[pos:end]))
    return "".join(out)


def linked_body(entry: Entry, refs: list[Reference], here: str) -> str:
    if entry.doc.body_format == "plain":
        return plain_body(entry, refs, here)
    return render_span(entry.body, body_edits(entry, refs, here), 0, len(entry.body))
