"""The repository: where content lives on disk, and what one load of it holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from .entry import Entry, Kind
from .orgs import OrgTree

# Content folders and the kind of document each holds; the only place their names are written.
CONTENT_FOLDERS: dict[str, Kind] = {"plans": "plan", "outlines": "outline", "resolutions": "resolution"}
FOLDER_OF_KIND: dict[Kind, str] = {kind: folder for folder, kind in CONTENT_FOLDERS.items()}
ORGANIZATIONS_FILE = "organizations.yml"
FEDERATION_FILE = "kehoach.yml"
# Everything a build reads besides the code: what `mkdocs serve` watches, what a test copies.
CONTENT_PATHS = (*CONTENT_FOLDERS, ORGANIZATIONS_FILE, FEDERATION_FILE)


def is_repository(root: Path) -> bool:
    return (root / ORGANIZATIONS_FILE).exists()


@dataclass
class Repository:
    root: Path
    orgs: OrgTree
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    remote: list[Entry] = field(default_factory=list)  # documents of federated sites (kehoach.yml)
