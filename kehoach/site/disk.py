"""A built site made to open from disk: every link to a folder names its `index.html`.

A browser opening `file://…/index.html` shows a folder listing for a link ending in «/» (the published site's
addresses, which a web server completes). A preview artifact (`make preview`) is opened so — downloaded,
unzipped, double-clicked — so its pages are rewritten after the build; the published site never is, since the
calendars and the registry export embed its addresses.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

# href/src attributes as MkDocs and Material write them (double quotes); only relative addresses are touched
_ATTRIBUTE = re.compile(r'(?P<name>\b(?:href|src))="(?P<url>[^"]*)"')
INDEX = "index.html"


def _on_disk(url: str, page_dir: Path, site: Path) -> str:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("#", "/")) or not parts.path:
        return url
    target = (page_dir / unquote(parts.path)).resolve()
    try:
        target.relative_to(site)
    except ValueError:
        return url  # outside the site: left as written
    if not target.is_dir() or not (target / INDEX).is_file():
        return url
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit(("", "", posixpath.join(path, INDEX), parts.query, parts.fragment))


def link_files(site_dir: Path) -> int:
    """Rewrite every page of `site_dir` so its links to folders name their `index.html`; returns pages changed."""
    site = site_dir.resolve()
    changed = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        done = _ATTRIBUTE.sub(
            lambda m, here=page.parent: f'{m["name"]}="{_on_disk(m["url"], here, site)}"',  # type: ignore[misc]
            html,
        )
        if done != html:
            page.write_text(done, encoding="utf-8")
            changed += 1
    return changed
