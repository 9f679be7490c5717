"""Site generation: Markdown pages for every document, free of any MkDocs import.

A static-site generator (MkDocs here, through the thin hook in macros/hooks.py) holds a `SiteBuild`
and writes what it returns; another generator could use the same pages.
"""

from __future__ import annotations

from .build import CONFIG_KEY, SiteBuild, build_date, internal_build
from .pages import build_pages

__all__ = ["CONFIG_KEY", "SiteBuild", "build_date", "build_pages", "internal_build"]
