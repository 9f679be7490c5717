"""Shared fixtures: the real repository, and disposable copies of it to break on purpose."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # synthetic.py: the benchmark's repository generator, used by tests too
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # the five source documents, as received
CONTENT = ("organizations.yml", "plans", "outlines", "resolutions")


@pytest.fixture(autouse=True, scope="session")
def private_load_cache(tmp_path_factory):
    """The checker's load cache (and that of every kehoach or mkdocs the tests start) stays out of $HOME."""
    os.environ["KEHOACH_CACHE_DIR"] = str(tmp_path_factory.mktemp("kehoach-cache"))


@pytest.fixture()
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository's content that a test may edit freely."""
    for name in CONTENT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name)
        elif src.exists():
            shutil.copy2(src, tmp_path / name)
    return tmp_path
