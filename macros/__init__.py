"""mkdocs-macros module: the macros staff may use in hand-written pages under docs/.

Thin on purpose: each macro asks the engine and formats nothing itself.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env):
    from kehoach.loader import load_repository

    root = Path(env.conf["config_file_path"]).parent
    repo = load_repository(root)

    @env.macro
    def document_count() -> int:
        """Number of documents held in the repository."""
        return len(repo.entries)
