"""Downloads for other programs: a calendar of deadlines, the registry of documents, a task sheet.

Every export takes a view of the checked repository (`visibility.public_context`), so a document
withheld from the public site is withheld from its downloads too, and writes the same bytes for
the same content: subscribed calendars update instead of duplicating, and builds stay reproducible.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..checks import Context, run_checks
from ..loader import load_repository
from ..visibility import public_context

# File names inside an export directory (the site serves them under du-lieu/).
ICS_DIR = "lich"
ICS_ALL = "lich/tat-ca.ics"
REGISTRY = "registry.json"
TASKS_CSV = "nhiem-vu.csv"


def export_context(root: Path, as_of: dt.date, internal: bool = False) -> Context:
    """The repository as an export for this audience may show it."""
    return public_context(run_checks(load_repository(root), as_of).context, internal)


def write_all(ctx: Context, out: Path, site_url: str | None = None, formats=("ics", "registry", "csv")) -> list[Path]:
    """Write the chosen exports under `out`; returns the files written."""
    from .calendar import calendars
    from .registry import registry_json
    from .sheet import tasks_csv

    files: dict[str, bytes] = {}
    if "ics" in formats:
        files |= calendars(ctx, site_url)
    if "registry" in formats:
        files[REGISTRY] = registry_json(ctx, site_url)
    if "csv" in formats:
        files[TASKS_CSV] = tasks_csv(ctx, site_url)
    written = []
    for name, data in sorted(files.items()):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
