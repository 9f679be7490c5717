"""One document of the repository (`Entry`) and the facts every layer derives from it.

Its symbol, heading and page address are defined here once; checks, site, exports and macros ask
the entry instead of composing them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..text.analysis import DeadlinePhrase, Placeholder, TextAnalysis, analyse
from ..text.clauses import Clause
from ..text.dates import Dateline, WrittenDate
from ..text.doctypes import type_name
from ..text.plain import PlainText
from ..text.symbols import Citation
from .frontmatter import node_line
from .orgs import OrgTree
from .schema import Document

# plan, outline, resolution: the content folder a file lives in; remote: a federated site's document
Kind = Literal["plan", "outline", "resolution", "remote"]

PAGES_FOLDER = "van-ban"  # every document's page lives under it, at a path made of its key


@dataclass
class Entry:
    """One document file: its key, where it lives, its metadata and its official body."""

    key: str
    kind: Kind
    path: str
    doc: Document
    body: str
    body_line: int
    front: str = ""
    front_line: int = 2
    url: str | None = None  # a federated site's page, for documents of another repository (kind "remote")

    @cached_property
    def analysis(self) -> TextAnalysis:
        """The body's citations, deadlines and dates (the loader usually fills this in ahead)."""
        return analyse(self.body)

    @property
    def plain(self) -> PlainText:
        return self.analysis.plain

    @property
    def citations(self) -> list[Citation]:
        return self.analysis.citations

    @property
    def deadline_phrases(self) -> list[DeadlinePhrase]:
        return self.analysis.deadline_phrases

    @property
    def written_dates(self) -> list[WrittenDate]:
        return self.analysis.dates

    @property
    def opening_clauses(self) -> list[Clause]:
        return self.analysis.clauses

    @property
    def placeholders(self) -> list[Placeholder]:
        return self.analysis.placeholders

    @property
    def dateline(self) -> Dateline | None:
        return self.analysis.dateline

    def field_line(self, *path: str | int) -> int | None:
        """File line of a front matter field, e.g. ("tasks", 2, "owner")."""
        if len(path) == 1 and isinstance(path[0], str):
            # a top-level key starts its line: found without composing the YAML (a check reporting on
            # thousands of documents asks this for each)
            found = re.search(rf"^{re.escape(path[0])}[ \t]*:", self.front, re.M)
            if found:
                return self.front_line + self.front.count("\n", 0, found.start())
        line0 = node_line(self.front, path)
        return self.front_line + line0 if line0 is not None else None

    def file_line(self, plain_offset: int) -> int:
        """File line of an offset in the body's plain text."""
        return self.body_line + self.plain.line(plain_offset) - 1

    # --- derived facts -----------------------------------------------------------------------

    def issuer_code(self, tree: OrgTree) -> str:
        """The code after «/» in the symbol: the document's own, else its organisation's first one."""
        if self.doc.issuer_code:
            return self.doc.issuer_code.upper()
        org = tree.get(self.doc.issuer)
        return org.codes[0].upper() if org and org.codes else ""

    def symbol(self, tree: OrgTree) -> str | None:
        """The standard symbol, '90-KH/ĐUK'; None for a document without a number."""
        d = self.doc
        return f"{d.number}-{d.type}/{self.issuer_code(tree)}" if d.number else None

    def heading(self, tree: OrgTree) -> str:
        """How lists and links name the document: 'Kế hoạch 90-KH/ĐUK', else its type and title."""
        sym = self.symbol(tree)
        name = type_name(self.doc.type)
        if sym:
            return f"{name} {sym}"
        return f"{name} {self.doc.title}" if self.doc.title else f"{name} (chưa có số)"

    @property
    def page_path(self) -> str:
        """The page's source path, stable because made of the key: van-ban/duk-hanoi-dh/kh-90-2023.md."""
        return f"{PAGES_FOLDER}/{self.key}.md"

    def page_url(self, site_url: str | None = None) -> str:
        """The page's address: absolute when the site's address is known, else relative to the site root."""
        path = f"{PAGES_FOLDER}/{self.key}/"
        return site_url.rstrip("/") + "/" + path if site_url else path
