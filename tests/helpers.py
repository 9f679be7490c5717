"""Helpers for tests that run the checker on a repository and compare findings."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kehoach.checks import run_checks
from kehoach.model.load import load_repository

ROOT = Path(__file__).resolve().parent.parent


def copy_content(tmp_path: Path) -> Path:
    """The repository's own content (documents and organisations, no site files) in a folder of the test's."""
    root = tmp_path / "kho"
    for folder in ("plans", "outlines", "resolutions"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "organizations.yml", root / "organizations.yml")
    return root


def findings(root: Path, as_of: dt.date, include_acknowledged: bool = False):
    result = run_checks(load_repository(root), as_of)
    return result.findings if include_acknowledged else result.active


def keyed(found) -> set[tuple]:
    return {(f.code, f.path, f.line, f.message) for f in found}


def new_findings(before, after) -> list:
    old = keyed(before)
    return [f for f in after if (f.code, f.path, f.line, f.message) not in old]


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kehoach.cli", *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL
    )


def cli_json(root: Path, as_of: str) -> dict:
    out = cli("check", "--root", str(root), "--as-of", as_of, "--format", "json")
    assert out.stderr == "", out.stderr
    return json.loads(out.stdout)


def line_containing(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


PREVIEW_CONFIG = "mkdocs-preview.yml"  # what `make preview` builds with: errors shown on the pages, opens from disk


SITE_FILES = (
    "mkdocs.yml",
    "mkdocs-internal.yml",
    "mkdocs-preview.yml",
    "docs",
    "macros",
    "organizations.yml",
    "plans",
    "outlines",
    "resolutions",
)


def build_copy(tmp_path: Path, edit, env: dict | None = None, name: str = "site", config: str = "mkdocs.yml"):
    """Build the site from a copy of the project after `edit(copy_root)`; return (exit code, stderr, site dir).

    `config` names the MkDocs configuration, as `make site` (mkdocs.yml) or `make site-internal` uses it."""
    root = tmp_path / "proj"
    if not root.exists():
        root.mkdir(parents=True)
        for item in SITE_FILES:
            src = ROOT / item
            if not src.exists():
                continue
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, root / item)
        edit(root)
    out = tmp_path / name
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})),
    )
    return run.returncode, run.stderr, out
