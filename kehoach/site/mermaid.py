"""Mermaid, only for a hand-written page that draws a ```mermaid diagram: the site's own copy, loaded on that
page alone (generated pages draw their diagrams at build time as SVG: kehoach/site/diagram.py).

Material draws `.mermaid` blocks with a global `mermaid` when one is loaded, and otherwise fetches Mermaid
from a CDN, which an intranet without internet cannot reach: so a page with one gets the local script.
"""

from __future__ import annotations

from .format import asset_url

MERMAID = "assets/vendor/mermaid-11.17.2.min.js"  # served from the site itself: no CDN on an intranet


def with_mermaid(html: str, page: str) -> str:
    """The page's HTML (source page `page`), with the local Mermaid loaded after it when it holds a diagram."""
    if 'class="mermaid"' not in html:
        return html
    return f'{html}\n<script src="{asset_url(page, MERMAID)}"></script>\n'
