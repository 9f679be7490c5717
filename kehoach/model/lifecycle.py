"""When a document stops being current: its committee's term ended, or its validity did."""

from __future__ import annotations

import datetime as dt

from .entry import Entry
from .orgs import OrgTree
from .schema import Term


def term_of(entry: Entry, tree: OrgTree) -> Term | None:
    if entry.doc.term:
        return tree.term_by_id(entry.doc.issuer, entry.doc.term)
    return tree.term_at(entry.doc.issuer, entry.doc.date) if entry.doc.date else None


def is_archived(entry: Entry, tree: OrgTree, as_of: dt.date) -> bool:
    """Archived documents keep their pages but raise no past-due alarms, so CI stays green as time passes."""
    if entry.doc.valid_until and entry.doc.valid_until < as_of:
        return True
    term = term_of(entry, tree)
    return term is not None and term.last_day < as_of
