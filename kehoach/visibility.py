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


def public_context(ctx, internal: bool = False):
    """The checked repository as an output for this audience may show it.

    Restricted documents disappear (no page, listing, task, search record); references to them keep
    their place in the citing text but become `withheld`: shown as plain text, never linked. Findings
    of restricted documents go too (their messages quote the document).
    """
    if internal:
        return ctx
    from dataclasses import replace

    from .checks import Context
    from .loader import Repository
    from .references import Graph, Index

    hidden = {e.key for e in ctx.repo.entries if not is_published(e.doc)}
    if not hidden:
        return ctx
    repo = Repository(ctx.repo.root, ctx.repo.orgs, published_entries(ctx.repo.entries),
                      [f for f in ctx.repo.findings if f.document not in hidden], ctx.repo.remote)
    refs = []
    for ref in ctx.refs:
        if ref.source.key in hidden:
            continue
        if (ref.target is not None and ref.target.key in hidden) or any(c.key in hidden for c in ref.candidates):
            ref = replace(ref, status="withheld", target=None, candidates=[])
        refs.append(ref)
    findings = [f for f in ctx.findings if f.document not in hidden]
    names = hidden | {s for e in ctx.repo.entries if e.key in hidden for s in [symbol_key(e, ctx.repo.orgs)] if s}
    return Context(repo, ctx.as_of, Index(repo), refs, Graph(refs), findings, frozenset(names))


def symbol_key(entry, tree) -> str | None:
    """'90-KH/ĐUK' in the form lookups compare: upper case, no spaces."""
    from .references import entry_code

    d = entry.doc
    return f"{d.number}-{d.type}/{entry_code(entry, tree)}".upper() if d.number else None
