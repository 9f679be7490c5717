"""Site generation: Markdown pages for every document, free of any MkDocs import.

A static-site generator (MkDocs here, through the thin hook in macros/hooks.py) asks for
`build_pages()` and writes what it returns; another generator could use the same pages.
"""

from __future__ import annotations

import datetime as dt

from ..checks import run_checks
from ..loader import Repository
from .document import document_page
from .format import page_path
from .views import by_organization, by_type, by_year, calendar, dashboard, matrix, unit_pages

__all__ = ["build_pages", "page_path"]


def build_pages(repo: Repository, as_of: dt.date | None = None) -> dict[str, str]:
    """Relative page path (under docs/) -> Markdown text."""
    as_of = as_of or dt.date.today()
    result = run_checks(repo, as_of)
    ctx = result.context
    pages = {page_path(e): document_page(e, ctx, result.findings, as_of) for e in repo.entries}
    pages |= {
        "van-ban/index.md": by_organization(ctx),
        "van-ban/theo-loai.md": by_type(ctx),
        "van-ban/theo-nam.md": by_year(ctx),
        "van-ban/ma-tran.md": matrix(ctx),
        "nhiem-vu/index.md": dashboard(ctx, as_of),
        "nhiem-vu/lich.md": calendar(ctx, as_of),
    }
    pages |= unit_pages(ctx, as_of)
    return pages
