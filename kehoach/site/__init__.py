"""Site generation: Markdown pages for every document, free of any MkDocs import.

A static-site generator (MkDocs here, through the thin hook in macros/hooks.py) asks for
`build_pages()` and writes what it returns; another generator could use the same pages.
"""

from __future__ import annotations

import datetime as dt

from ..checks import run_checks
from ..loader import Repository
from .pages import document_page, home_page, page_path

__all__ = ["build_pages", "page_path"]


def build_pages(repo: Repository, as_of: dt.date | None = None) -> dict[str, str]:
    """Relative page path (under docs/) -> Markdown text."""
    as_of = as_of or dt.date.today()
    result = run_checks(repo, as_of)
    ctx = result.context
    pages = {page_path(e): document_page(e, ctx, result.findings) for e in repo.entries}
    pages["van-ban/index.md"] = home_page(repo, ctx)
    return pages
