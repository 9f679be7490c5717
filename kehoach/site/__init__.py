"""Site generation: Markdown pages for every document, free of any MkDocs import.

A static-site generator (MkDocs here, through the thin hook in macros/hooks.py) asks for
`build_pages()` and writes what it returns; another generator could use the same pages.
"""

from __future__ import annotations

import datetime as dt
import os

from pathlib import Path

from ..checks import Context, Result, run_checks
from ..loader import load_repository
from ..visibility import public_context
from .document import document_page
from .format import page_path
from .gitdates import last_changed
from .views import calendar_pages, dashboard, matrix, organization_pages, type_pages, unit_pages, year_pages

__all__ = ["build_date", "build_pages", "checked_repository", "internal_build", "new_build", "page_path", "site_context"]


def build_date() -> dt.date:
    """The day a build computes statuses for: KEHOACH_AS_OF=YYYY-MM-DD (tests), else the reproducible-builds
    SOURCE_DATE_EPOCH, else today."""
    pinned = os.environ.get("KEHOACH_AS_OF")
    if pinned:
        return dt.date.fromisoformat(pinned)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


_shared: dict[tuple[str, dt.date], Result] = {}
_views: dict[bool, Context] = {}  # per audience, for the repository in _shared


def checked_repository(root: Path, as_of: dt.date) -> Result:
    """The repository loaded and checked once per build, shared by the page hook and the macros."""
    key = (str(root.resolve()), as_of)
    if key not in _shared:
        new_build()
        _shared[key] = run_checks(load_repository(root, cache=True), as_of)  # `mkdocs serve` reloads re-read only edits
    return _shared[key]


def internal_build() -> bool:
    """KEHOACH_INTERNAL=1 (make site-internal) builds the internal site, restricted documents included."""
    return os.environ.get("KEHOACH_INTERNAL", "").strip().lower() in ("1", "true", "yes")


def site_context(root: Path, as_of: dt.date, internal: bool | None = None) -> Context:
    """What this build may show: the checked repository with restricted documents withheld from a public build."""
    internal = internal_build() if internal is None else internal
    result = checked_repository(root, as_of)
    if internal not in _views:
        _views[internal] = public_context(result.context, internal)
    return _views[internal]


def new_build() -> None:
    """Forget the shared repository: `mkdocs serve` must see edited content on its next build."""
    _shared.clear()
    _views.clear()


def build_pages(ctx: Context, as_of: dt.date | None = None) -> dict[str, str]:
    """Relative page path (under docs/) -> Markdown text, for every document and view `ctx` may show."""
    as_of = as_of or build_date()
    entries = ctx.repo.entries
    changed = last_changed(ctx.repo.root)
    pages = {page_path(e): document_page(e, ctx, ctx.findings, as_of, changed.get(e.path)) for e in entries}
    pages |= organization_pages(ctx) | type_pages(ctx) | year_pages(ctx) | calendar_pages(ctx, as_of)
    pages |= unit_pages(ctx, as_of)
    pages["van-ban/ma-tran.md"] = matrix(ctx)
    pages["nhiem-vu/index.md"] = dashboard(ctx, as_of)
    return pages
