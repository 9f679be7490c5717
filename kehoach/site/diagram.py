"""A document's relationship diagram as Mermaid source (rendered in the browser by a local Mermaid)."""

from __future__ import annotations

from ..model.entry import Entry
from ..model.references import RELATION_LABELS
from ..model.view import View

MERMAID = "assets/vendor/mermaid-11.17.2.min.js"  # served from the site itself: no CDN on an intranet


def _label(text: str) -> str:
    """A Mermaid node label: one line (a line break would end the diagram's fence), no quote, tag or
    entity of its own («#» opens Mermaid's entity codes, so it is written as one first)."""
    text = " ".join(text.split())
    return (
        text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("`", "#96;")
    )


def relationship_diagram(entry: Entry, view: View) -> list[str]:
    """Mermaid lines for the document, what it relates to and what relates to it; [] when alone."""
    by_key = view.by_key
    outgoing = [(e.target, e.type) for e in view.graph.outgoing.get(entry.key, []) if e.type != "cites"]
    incoming = [(e.source, e.type) for e in view.graph.incoming.get(entry.key, []) if e.type != "cites"]
    if not outgoing and not incoming:
        return []
    lines = ["```mermaid", "graph LR", f'  n0["{_label(entry.heading(view.tree))}"]', "  style n0 stroke-width:3px"]
    for i, (key, rel) in enumerate(outgoing + incoming, 1):
        other = by_key[key]
        lines.append(f'  n{i}["{_label(other.heading(view.tree))}"]')
        label = RELATION_LABELS[rel][0]
        lines.append(
            f'  n0 -->|"{_label(label)}"| n{i}' if (key, rel) in outgoing else f'  n{i} -->|"{_label(label)}"| n0'
        )
    return lines + ["```", ""]
