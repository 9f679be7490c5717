"""The feeds a page announces in its head (<link rel="alternate feed" type="application/atom+xml">), so a feed
reader given any page of the site finds them: the whole repository's on every page, and an organisation's
own on its listing and on the pages of its documents.

Not `rel="alternate"` alone: Material takes every `link[rel=alternate]` for another language of the site and
asks for a sitemap.xml beside it, two requests that fail on every page view. Feed readers look for the word
«alternate» among the link's relations, which «alternate feed» still has."""

from __future__ import annotations

import html

from ..exports import FEED_ALL, FEED_DIR
from ..model.view import View
from .format import asset_url

_DOCUMENTS, _ORGANISATIONS = "van-ban/", "van-ban/to-chuc/"


def _organisation(page: str, view: View) -> str | None:
    """The organisation a page belongs to: an organisation's listing, or a document it issued."""
    if not page.startswith(_DOCUMENTS) or not page.endswith(".md"):
        return None
    name = page[len(_DOCUMENTS) : -len(".md")]
    if page.startswith(_ORGANISATIONS):
        org = page[len(_ORGANISATIONS) : -len(".md")]
        return org if org in view.tree.by_key else None
    entry = view.by_key.get(name)
    return entry.doc.issuer if entry is not None and entry.doc.issuer in view.tree.by_key else None


def feed_links(page: str, view: View) -> str:
    """The <link> elements for the page whose source is `page` (a path under docs/)."""
    feeds = [("Văn bản mới và thay đổi", FEED_ALL)]
    org = _organisation(page, view)
    if org is not None:
        feeds.append((f"Văn bản mới và thay đổi — {view.tree.label(org)}", f"{FEED_DIR}/{org}.atom"))
    return "".join(
        f'<link rel="alternate feed" type="application/atom+xml" title="{html.escape(title)}" '
        f'href="{html.escape(asset_url(page, "du-lieu/" + name))}">'
        for title, name in feeds
    )
