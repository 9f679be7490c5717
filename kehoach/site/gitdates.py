"""When each content file last changed, from one pass over git history (not one process per file)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..model.repository import CONTENT_FOLDERS


def last_changed(root: Path) -> dict[str, dt.date]:
    """Repository-relative path -> date of the last commit touching it; empty outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", *CONTENT_FOLDERS],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line, current)  # newest commit first: keep the first date seen
    return dates
