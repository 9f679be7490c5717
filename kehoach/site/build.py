"""One build of the site: the repository loaded and checked once, the view its audience may see, and
everything written from that view (pages, search index, downloads).

The MkDocs hook holds one `SiteBuild` per configuration load (as MkDocs' own search plugin holds its
index), and the macros module reaches the same object, so a build loads and checks the content once.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property
from pathlib import Path

from ..checks import Result, run_checks
from ..exports import write_all
from ..findings import Finding
from ..model.load import load_repository
from ..model.view import View
from ..model.visibility import public_view
from .forge import Forge
from .format import day_long
from .incremental import PageMemory
from .pages import build_pages
from .problems import errors
from .search import IndexJob


def build_date() -> dt.date:
    """The day a build computes statuses for: KEHOACH_AS_OF=YYYY-MM-DD (tests), else the reproducible-builds
    SOURCE_DATE_EPOCH, else today."""
    pinned = os.environ.get("KEHOACH_AS_OF")
    if pinned:
        return dt.date.fromisoformat(pinned)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


# The key under which the MkDocs hook puts its SiteBuild in the configuration, for the macros module.
CONFIG_KEY = "kehoach_site"


class SiteBuild:
    def __init__(
        self, root: Path, as_of: dt.date, internal: bool, forge: Forge | None = None, site_url: str | None = None
    ) -> None:
        self.root, self.as_of, self.internal = root, as_of, internal
        self.forge, self.site_url = forge, site_url

    @property
    def built_on(self) -> str:
        """The build's day as the site writes dates: printed under every view (macros/theme/main.html)."""
        return day_long(self.as_of)

    @cached_property
    def result(self) -> Result:
        """Every document checked; the load cache lets `mkdocs serve` re-read only edited files."""
        return run_checks(load_repository(self.root, cache=True), self.as_of)

    @cached_property
    def view(self) -> View:
        """What this build may show: restricted documents withheld from a public build."""
        return public_view(self.result.view, self.internal)

    @property
    def errors(self) -> list[Finding]:
        """Every error of the repository nobody acknowledged, restricted documents' included: what stops
        a publishing build."""
        return errors(self.result.findings)

    def pages(self, preview: bool = False, documents: set[str] | None = None) -> dict[str, str]:
        """The generated pages; a preview shows the repository's errors on them instead of stopping.
        `documents`: only those documents' pages (and every view), for a serving session's rebuild."""
        return build_pages(self.view, len(self.errors) if preview else None, self.forge, self.site_url, documents)

    def rebuild(self, memory: PageMemory, preview: bool) -> tuple[dict[str, str], set[str]]:
        """A serving session's rebuild: every page, and the paths whose Markdown changed since the last."""
        errors = len(self.errors) if preview else 0
        made = self.pages(preview, memory.to_make(self.view, errors))
        return memory.remember(made, {e.page_path for e in self.view.repo.entries})

    def write_outputs(self, site_dir: Path, site_url: str | None) -> None:
        """After the pages: the search index (Pagefind, in the background) and the downloads meanwhile."""
        search = IndexJob(self.view, site_dir)
        write_all(self.view, site_dir / "du-lieu", site_url)
        search.wait()
