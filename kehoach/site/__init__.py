"""Site generation: Markdown pages for every document, free of any MkDocs import.

A static-site generator (MkDocs here, through the thin hook in macros/hooks.py) asks for
`build_pages()` and writes what it returns; another generator could use the same pages.
"""

from __future__ import annotations

import datetime as dt
import os

from pathlib import Path

from ..checks import Result, run_checks
from ..loader import Repository, load_repository
from .document import document_page
from .format import page_path
from .gitdates import last_changed
from .views import calendar_pages, dashboard, matrix, organization_pages, type_pages, unit_pages, year_pages

__all__ = ["build_date", "build_pages", "checked_repository", "new_build", "page_path"]


def build_date() -> dt.date:
    """The day a build computes statuses for: today, or KEHOACH_AS_OF=YYYY-MM-DD (tests, reproducible builds)."""
    pinned = os.environ.get("KEHOACH_AS_OF")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


_shared: dict[tuple[str, dt.date], Result] = {}


def checked_repository(root: Path, as_of: dt.date) -> Result:
    """The repository loaded and checked once per build, shared by the page hook and the macros."""
    key = (str(root.resolve()), as_of)
    if key not in _shared:
        _shared.clear()
        _shared[key] = run_checks(load_repository(root), as_of)
    return _shared[key]


def new_build() -> None:
    """Forget the shared repository: `mkdocs serve` must see edited content on its next build."""
    _shared.clear()


def build_pages(repo: Repository, as_of: dt.date | None = None, result: Result | None = None) -> dict[str, str]:
    """Relative page path (under docs/) -> Markdown text."""
    as_of = as_of or build_date()
    result = result or run_checks(repo, as_of)
    ctx = result.context
    changed = last_changed(repo.root)
    pages = {page_path(e): document_page(e, ctx, result.findings, as_of, changed.get(e.path)) for e in repo.entries}
    pages |= organization_pages(ctx) | type_pages(ctx) | year_pages(ctx) | calendar_pages(ctx, as_of)
    pages |= unit_pages(ctx, as_of)
    pages["van-ban/ma-tran.md"] = matrix(ctx)
    pages["nhiem-vu/index.md"] = dashboard(ctx, as_of)
    return pages
