"""Downloads for other programs: a calendar of deadlines, the registry of documents, a task sheet, and
feeds of new and changed documents.

Every export takes a view of the checked repository (`visibility.public_view`), so a document
withheld from the public site is withheld from its downloads too, and writes the same bytes for
the same content: subscribed calendars update instead of duplicating, and builds stay reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..checks import run_checks
from ..model.load import load_repository
from ..model.view import View
from ..model.visibility import public_view
from ..model.writing import FolderRefused, contains, only_files, replace_folder, write_file
from .calendar import calendars
from .feeds import feeds
from .names import EXPORT_MARKER, FEED_ALL, FEED_DIR, ICS_ALL, ICS_DIR, REGISTRY, TASKS_CSV, is_export_file
from .registry import registry_json
from .sheet import tasks_csv

__all__ = [
    "FEED_ALL",
    "FEED_DIR",
    "FORMATS",
    "ICS_ALL",
    "ICS_DIR",
    "REGISTRY",
    "TASKS_CSV",
    "export_folder",
    "export_view",
    "write_all",
]
FORMATS = ("ics", "registry", "csv", "atom")


def export_view(root: Path, as_of: dt.date, internal: bool = False) -> View:
    """The repository as an export for this audience may show it."""
    return public_view(run_checks(load_repository(root), as_of).view, internal)


def write_all(view: View, out: Path, site_url: str | None = None, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the chosen exports under `out`; returns the files written."""
    files: dict[str, bytes] = {}
    if "ics" in formats:
        files |= calendars(view, site_url)
    if "registry" in formats:
        files[REGISTRY] = registry_json(view, site_url)
    if "csv" in formats:
        files[TASKS_CSV] = tasks_csv(view, site_url)
    if "atom" in formats:
        files |= feeds(view, site_url)
    return [write_file(out, name, data) for name, data in sorted(files.items())]


def export_folder(view: View, out: Path, site_url: str | None = None, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the exports as the whole content of `out`, replacing an earlier export atomically: a calendar of
    a document since withheld, or of a unit since removed, does not survive. Refuses (FolderRefused) the
    repository itself, a folder holding it, and a folder with files an export does not write."""
    if contains(out, [view.repo.root]):
        raise FolderRefused(f"«{out}» là thư mục của kho (hoặc chứa kho); xuất ra thư mục khác, ví dụ build/du-lieu.")
    written = replace_folder(
        out,
        lambda new: [p.relative_to(new) for p in write_all(view, new, site_url, formats)],
        EXPORT_MARKER,
        lambda folder: only_files(folder, is_export_file),  # an export made before the marker existed
    )
    return [out / p for p in written]
