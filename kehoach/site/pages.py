"""Every generated page: one per document, and the index views."""

from __future__ import annotations

from ..model.view import View
from .document import document_page
from .gitdates import last_changed
from .views import calendar_pages, dashboard, matrix, organization_pages, type_pages, unit_pages, year_pages


def build_pages(view: View) -> dict[str, str]:
    """Relative page path (under docs/) -> Markdown text, for every document and view `view` may show."""
    as_of = view.as_of
    changed = last_changed(view.repo.root)
    pages = {e.page_path: document_page(e, view, changed.get(e.path)) for e in view.repo.entries}
    pages |= organization_pages(view) | type_pages(view) | year_pages(view) | calendar_pages(view, as_of)
    pages |= unit_pages(view, as_of)
    pages["van-ban/ma-tran.md"] = matrix(view)
    pages["nhiem-vu/index.md"] = dashboard(view, as_of)
    return pages
