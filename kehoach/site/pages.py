"""Every generated page: one per document, and the index views."""

from __future__ import annotations

from ..model.changes import ChangeLog
from ..model.view import View
from .document import document_page
from .forge import Forge, page_actions
from .history_section import prefetch
from .in_force import in_force_page
from .paging import paginate_all
from .problems import ERRORS_PAGE, errors, errors_page
from .views import calendar_pages, dashboard_pages, matrix, organization_pages, type_pages, unit_pages, year_pages

BATCH = 500  # documents whose old versions are held in memory at once


def build_pages(
    view: View,
    preview_errors: int | None = None,
    forge: Forge | None = None,
    site_url: str | None = None,
    documents: set[str] | None = None,
) -> dict[str, str]:
    """Relative page path (under docs/) -> Markdown text, for every document and view `view` may show.

    A preview (`preview_errors`: how many errors the repository has) shows each broken document with a
    banner listing its errors, and lists every error on one page. With a `forge`, each document page has
    «Sửa văn bản này» and «Báo sai sót» (the report names the page's address under `site_url`).
    `documents`: the keys of the only documents whose pages are made (a serving session's rebuild); the
    views are always made.
    """
    as_of = view.as_of
    log = ChangeLog(view)  # one `git log` pass for every page (kehoach/model/history.py)
    broken: dict[str, list] = {}
    if preview_errors is not None:
        for f in errors(view.findings):
            broken.setdefault(f.document or "", []).append(f)
    making = [e for e in view.repo.entries if documents is None or e.key in documents]
    pages = {}
    for start in range(0, len(making), BATCH):
        batch = making[start : start + BATCH]
        prefetch(log, batch)  # the old versions their history sections show, with one git process
        for e in batch:
            pages[e.page_path] = document_page(
                e,
                view,
                log.history.last_day(e.path),
                broken.get(e.key, []),
                page_actions(forge, e.path, e.heading(view.tree), e.page_url(site_url)),
                log,
            )
        log.history.forget()
    if preview_errors:
        pages[ERRORS_PAGE] = errors_page(view, preview_errors)
    views = organization_pages(view) | type_pages(view) | year_pages(view) | calendar_pages(view, as_of)
    views |= unit_pages(view, as_of)
    views["van-ban/ma-tran.md"] = matrix(view)
    views |= in_force_page(view)
    views |= dashboard_pages(view, as_of)
    return pages | paginate_all(views)  # a listing of thousands, in pages a slow link loads
