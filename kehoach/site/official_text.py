"""The official text with each citation linked to its target; not one visible character changes.

A citation of a document withheld from this build (confidential) stays plain text: no link, no mark.
"""

from __future__ import annotations

import html

from ..model.entry import Entry
from ..model.references import Reference, RefStatus
from ..text.markup import neutralise
from .format import href
from .plain_body import plain_body


def linked_body(entry: Entry, refs: list[Reference], here: str) -> str:
    if entry.doc.body_format == "plain":
        return plain_body(entry, refs, here)
    body, plain = entry.body, entry.plain
    edits: list[tuple[int, int, str]] = []
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
            title = html.escape(ref.target.doc.title or ref.symbol, quote=True)
            # A federated document lives on another committee's site: link to its page there.
            target = ref.target.url if ref.status == RefStatus.FEDERATED else href(here, ref.target.page_path)
            edits.append((start, end, f'[{shown}]({target} "{title}")'))
        elif ref.status not in (RefStatus.EXTERNAL, RefStatus.WITHHELD):
            edits.append(
                (start, end, f'<span class="kh-unresolved" title="Chưa có văn bản này trong kho">{shown}</span>')
            )
    out, pos = [], 0
    for start, end, replacement in sorted(edits):
        if start < pos:
            continue
        out += [neutralise(body[pos:start]), replacement]
        pos = end
    out.append(neutralise(body[pos:]))
    return "".join(out)
