"""Who may read a document: confidential and internal-only documents never reach a public output.

Every public output (site pages, search, listings, calendars, exports) reads a view made here, so the
rule lives in one place. It fails closed: a marking written anywhere in the front matter withholds the
document, even where the parsed value says otherwise (a key written twice keeps only its last value).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

import yaml

from ..findings import Finding
from .decode import decode
from .entry import Entry
from .frontmatter import split, values_of
from .references import Graph, Index, RefStatus
from .repository import CONTENT_FOLDERS, Repository
from .view import View

MARKING_KEYS = frozenset({"confidentiality", "internal"})
# Values that mark nothing: YAML's null and false words, as PyYAML and pydantic read them, in any case.
_UNMARKED = {"confidentiality": {"", "~", "null"}, "internal": {"", "~", "null", "false", "no", "off", "0", "f", "n"}}


def marked_in_front(front: str) -> bool:
    """Whether the front matter text carries a confidentiality marking or an internal flag, anywhere."""
    if not any(word in front for word in (*MARKING_KEYS, "\\")):  # a key can only hide behind an escape
        return False
    try:
        found = values_of(front, MARKING_KEYS)
    except yaml.YAMLError:
        return True  # unreadable: nobody can say it is unmarked
    return any(not isinstance(value, str) or value.strip().lower() not in _UNMARKED[key] for key, value in found)


def is_restricted(entry: Entry) -> bool:
    """MẬT / TỐI MẬT / TUYỆT MẬT or marked internal-only, in the parsed value or anywhere in the text."""
    return bool(entry.doc.confidentiality) or entry.doc.internal or marked_in_front(entry.front)


def is_published(entry: Entry, internal: bool = False) -> bool:
    """True when `entry` may appear in this build: everything for an internal build, unrestricted otherwise."""
    return internal or not is_restricted(entry)


def published_entries(entries: Iterable[Entry], internal: bool = False) -> list[Entry]:
    """The entries an output for this audience may contain."""
    return [e for e in entries if is_published(e, internal)]


def file_is_marked(root: Path, path: str) -> bool:
    """Whether a content file that did not load may be restricted: marked, or unreadable, so nobody can tell."""
    try:
        text, _ = decode((root / path).read_bytes(), path)
    except OSError:
        return True
    parts = split(text) if text is not None else None
    return parts is None or marked_in_front(parts.front)


def _public_findings(view: View, hidden: set[str]) -> list[Finding] | None:
    """Findings a public output may quote, or None when that is all of them.

    Findings of a restricted document go (their messages quote it), and so do those of a content file that
    did not load (a YAML error, a .docx in plans/) unless its front matter can be read and carries no marking.
    """
    public_paths = {e.path for e in view.repo.entries if e.key not in hidden}
    checked = cache(lambda path: not file_is_marked(view.repo.root, path))

    def public(f: Finding) -> bool:
        if f.document in hidden:
            return False
        if f.path in public_paths or f.path.split("/", 1)[0] not in CONTENT_FOLDERS:
            return True
        return checked(f.path)

    kept = [f for f in view.findings if public(f)]
    return None if len(kept) == len(view.findings) else kept


def public_view(view: View, internal: bool = False) -> View:
    """The checked repository as an output for this audience may show it.

    Restricted documents disappear (no page, listing, task, search record); references to them keep
    their place in the citing text but become `withheld`: shown as plain text, never linked. Findings
    of restricted documents go too (their messages quote the document), as do those of content files
    that did not load and may be restricted.
    """
    if internal:
        return view
    hidden = {e.key for e in view.repo.entries if not is_published(e)}
    findings = _public_findings(view, hidden)
    if findings is not None and not hidden:
        return _sharing(view, replace(view, findings=findings))
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
    names = hidden | {s.upper() for e in view.repo.entries if e.key in hidden for s in [e.symbol(view.tree)] if s}
    kept = findings if findings is not None else view.findings
    return _sharing(view, View(repo, view.as_of, Index(repo), refs, Graph(refs), kept, frozenset(names)))


def _sharing(full: View, public: View) -> View:
    """The public view keeps the full view's git history (read once per build) and its document lifecycle:
    a public document replaced by a withheld one is no longer in force for every audience (pages say
    «bị thay thế» without naming what replaced it, kehoach/site/effect.py), and archived alike."""
    if "history" in full.__dict__:
        public.__dict__["history"] = full.history
    public.__dict__["lifecycle"] = full.lifecycle
    if public is not full:
        # Tasks done by a withheld report are done for every audience (the report itself stays withheld), and
        # a suspect link is the checker's: its changes naming a withheld document are masked where shown.
        shown = {e.key for e in public.repo.entries}
        public.__dict__["_tasks"] = {k: v for k, v in full._tasks.items() if k in shown}
        public.__dict__["suspects"] = [s for s in full.suspects if s.follower.key in shown and s.upstream.key in shown]
    return public


def mentions_withheld(view: View, text: str) -> bool:
    """Whether `text` (a finding's message, say) names a document `view` withholds, by key, path or symbol."""
    folded = text.upper()
    return any(name.upper() in folded for name in view.withheld)
