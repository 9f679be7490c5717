"""A document's effect status as one sentence of Markdown, the same on its card, in lists and in filters:
«còn hiệu lực», «đã được sửa đổi, bổ sung bởi [Nghị quyết …](…) ngày 05/03/2023», «bị thay thế bởi …»,
«bị bãi bỏ bởi …», «hết hiệu lực từ ngày …», «đã hoàn thành».

A document the view withholds (confidential) is never named nor linked: «bị thay thế» says that it
happened and nothing of what did it, not even its date, as a withheld citation stays unlinked text.
"""

from __future__ import annotations

from ..model.entry import Entry
from ..model.lifecycle import Effect
from ..model.view import View
from .format import day_short, link

_BY = {"replaced": "bị thay thế bởi", "repealed": "bị bãi bỏ bởi"}


def _named(other: Entry, view: View, here: str) -> str | None:
    """«[heading](link) ngày dd/mm/yyyy», or None when the view may not show the document."""
    if view.by_key.get(other.key) is not other:
        return None
    when = f" ngày {day_short(other.doc.date)}" if other.doc.date else ""
    return f"{link(here, other, other.heading(view.tree))}{when}"


def effect_phrase(effect: Effect, view: View, here: str) -> str:
    """The status sentence, Markdown with links relative to the page `here` (a source path under docs/)."""
    if effect.state in _BY:
        named = _named(effect.by, view, here) if effect.by is not None else None
        return f"{_BY[effect.state]} {named}" if named else effect.label
    if effect.state == "expired":
        return f"hết hiệu lực từ ngày {day_short(effect.since)}" if effect.since else effect.label
    if effect.state == "amended":
        amending = [n for a in effect.amendments if (n := _named(a.by, view, here))]
        return f"{effect.label} bởi {', '.join(amending)}" if amending else effect.label
    return effect.label


def effect_span(entry: Entry, view: View, here: str) -> str:
    """The status sentence of a document marked for styling and for the browser's filters."""
    effect = view.lifecycle.effect(entry)
    return f'<span class="kh-effect" data-effect="{effect.state}">{effect_phrase(effect, view, here)}</span>'
