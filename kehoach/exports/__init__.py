"""Downloads for other programs: a calendar of deadlines, the registry of documents, a task sheet.

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
from ..model.writing import write_file
from .calendar import calendars
from .names import ICS_ALL, ICS_DIR, REGISTRY, TASKS_CSV
from .registry import registry_json
from .sheet import tasks_csv

__all__ = ["ICS_ALL", "ICS_DIR", "REGISTRY", "TASKS_CSV", "export_view", "write_all"]


def export_view(root: Path, as_of: dt.date, internal: bool = False) -> View:
    """The repository as an export for this audience may show it."""
    return public_view(run_checks(load_repository(root), as_of).view, internal)


def write_all(
    view: View, out: Path, site_url: str | None = None, formats: Iterable[str] = ("ics", "registry", "csv")
) -> list[Path]:
    """Write the chosen exports under `out`; returns the files written."""
    files: dict[str, bytes] = {}
    if "ics" in formats:
        files |= calendars(view, site_url)
    if "registry" in formats:
        files[REGISTRY] = registry_json(view, site_url)
    if "csv" in formats:
        files[TASKS_CSV] = tasks_csv(view, site_url)
    return [write_file(out, name, data) for name, data in sorted(files.items())]
