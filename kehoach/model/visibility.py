"""Who may read a document: confidential and internal-only documents never reach a public output.

Every public output (site pages, search, listings, calendars, exports) reads a view made here, so the
rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .entry import Entry
from .references import Graph, Index, RefStatus
from .repository import Repository
from .schema import Document
from .view import View


def is_restricted(doc: Document) -> bool:
    """MẬT / TỐI MẬT / TUYỆT MẬT or marked internal-only."""
    return bool(doc.confidentiality) or doc.internal


def is_published(doc: Document, internal: bool = False) -> bool:
    """True when `doc` may appear in this build: everything for an internal build, unrestricted otherwise."""
    return internal or not is_restricted(doc)


def published_entries(entries: Iterable[Entry], internal: bool = False) -> list[Entry]:
    """The entries an output for this audience may contain."""
    return [e for e in entries if is_published(e.doc, internal)]


def public_view(view: View, internal: bool = False) -> View:
    """The checked repository as an output for this audience may show it.

    Restricted documents disappear (no page, listing, task, search record); references to them keep
    their place in the citing text but become `withheld`: shown as plain text, never linked. Findings
    of restricted documents go too (their messages quote the document).
    """
    if internal:
        return view
    hidden = {e.key for e in view.repo.entries if not is_published(e.doc)}
    if not hidden:
        return view
    repo = Repository(
        view.repo.root,
        view.repo.orgs,
        published_entries(view.repo.entries),
        [f for f in view.repo.findings if f.document not in hidden],
        view.repo.remote,
    )
    refs = []
    for ref in view.refs:
        if ref.source.key in hidden:
            continue
        if (ref.target is not None and ref.target.key in hidden) or any(c.key in hidden for c in ref.candidates):
            ref = replace(ref, status=RefStatus.WITHHELD, target=None, candidates=[])
        refs.append(ref)
    findings = [f for f in view.findings if f.document not in hidden]
    names = hidden | {s.upper() for e in view.repo.entries if e.key in hidden for s in [e.symbol(view.tree)] if s}
    return View(repo, view.as_of, Index(repo), refs, Graph(refs), findings, frozenset(names))
