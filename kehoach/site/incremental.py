"""Rebuilding while editing (`make serve`): only what an edit changed is made and rendered again.

A full build of 5,000 documents takes about a minute, nearly all of it Markdown rendering; after one saved
file, a writer must see the page within seconds. So a serving session remembers what its last build wrote:
a document's page is made again only when the document, or one it names or that names it, changed (its
citations, «được thực hiện bởi» lists and task links show the other's heading); every view is made again
(they list everything) but rendered only when its Markdown differs. organizations.yml or kehoach.yml changed,
or the number of errors a preview's banner shows: everything.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model.repository import FEDERATION_FILE, ORGANIZATIONS_FILE
from ..model.view import View


def _digest(*parts: str | bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.digest()


class PageMemory:
    def __init__(self) -> None:
        self.documents: dict[str, bytes] = {}  # document key -> fingerprint of its file
        self.tree: bytes | None = None  # fingerprint of organizations.yml
        self.pages: dict[str, str] = {}  # page path -> Markdown, as last written
        self.errors = -1  # how many errors the last build showed (its banner is on every page)

    def to_make(self, view: View, errors: int) -> set[str] | None:
        """Keys of the documents whose pages must be made again; None for all of them."""
        documents = {e.key: _digest(e.front, e.body) for e in view.repo.entries}
        shared = [Path(view.repo.root) / name for name in (ORGANIZATIONS_FILE, FEDERATION_FILE)]
        tree = _digest(*(path.read_bytes() if path.is_file() else b"" for path in shared))
        first = not self.pages or tree != self.tree or errors != self.errors
        changed = {k for k, v in documents.items() if self.documents.get(k) != v} | (
            set(self.documents) - set(documents)
        )
        self.documents, self.tree, self.errors = documents, tree, errors
        if first:
            return None
        related = {
            other.key
            for ref in view.refs
            if ref.target is not None
            for one, other in ((ref.source, ref.target), (ref.target, ref.source))
            if one.key in changed
        }
        return changed | related

    def remember(self, made: dict[str, str], document_pages: set[str]) -> tuple[dict[str, str], set[str]]:
        """Every page of this build (`made` and the remembered pages of documents not made again), and the
        paths whose Markdown differs from the last build's. `document_pages`: the paths of every current
        document's page, so a deleted document's page is forgotten."""
        pages = {path: text for path, text in self.pages.items() if path in document_pages} | made
        changed = {path for path, text in pages.items() if self.pages.get(path) != text}
        self.pages = pages
        return pages, changed
