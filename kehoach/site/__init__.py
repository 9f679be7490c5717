"""Site generation: Markdown pages for every document, free of any MkDocs import.

A static-site generator (MkDocs here, through the thin hook in macros/hooks.py) holds a `SiteBuild`
and writes what it returns; another generator could use the same pages.
"""

from __future__ import annotations

from .build import CONFIG_KEY, SiteBuild, build_date
from .options import INTERNAL_BANNER, INTERNAL_LOG, SiteOptions, SiteOptionsError, site_options
from .pages import build_pages

__all__ = [
    "CONFIG_KEY",
    "INTERNAL_BANNER",
    "INTERNAL_LOG",
    "SiteBuild",
    "SiteOptions",
    "SiteOptionsError",
    "build_date",
    "build_pages",
    "site_options",
]
