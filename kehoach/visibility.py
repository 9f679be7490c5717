"""Who may read a document: confidential and internal-only documents never reach a public output.

Every public output (site pages, search, listings, calendars, exports) asks this module, so the rule
lives in one place.
"""

from __future__ import annotations

from .model import Document


def is_restricted(doc: Document) -> bool:
    """MẬT / TỐI MẬT / TUYỆT MẬT or marked internal-only."""
    return bool(doc.confidentiality) or doc.internal


def is_published(doc: Document, internal: bool = False) -> bool:
    """True when `doc` may appear in this build: everything for an internal build, unrestricted otherwise."""
    return internal or not is_restricted(doc)


def published_entries(entries, internal: bool = False) -> list:
    """The entries (loader `Entry` objects) an output for this audience may contain."""
    return [e for e in entries if is_published(e.doc, internal)]
