"""Atom feeds (RFC 4287) of new and changed documents, from git history: thay-doi.atom for the whole
repository and to-chuc/<organisation>.atom for each organisation, the last LIMIT changes each, newest first.

Each entry is one commit touching one document: title the document's heading, link its page, updated the
commit's day, summary the commit's message (when a public output may quote it, model/changes.py) and what
changed. Only the view's documents appear: a confidential document and its history never do. The same
history gives the same bytes (no build time anywhere), so builds stay reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import quote

from ..model.changes import ChangeLog
from ..model.entry import Entry
from ..model.history import Commit
from ..model.view import View
from .names import FEED_ALL, FEED_DIR

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
TAG = "tag:kehoach,2024:"  # RFC 4151: ids that stay the same whatever address the site moves to
# characters XML 1.0 does not allow, which a commit message may still contain
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Item:
    entry: Entry
    commit: Commit
    at: int  # the commit's position among the document's commits, 0 the newest


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _items(view: View, log: ChangeLog) -> list[Item]:
    """Every (document, commit) of the view's documents, newest first."""
    found = [Item(e, c, at) for e in view.repo.entries for at, c in enumerate(log.of(e))]
    order = log.history.order
    return sorted(found, key=lambda i: (order.get(i.commit.sha, len(order)), i.entry.key))


def _summary(item: Item, log: ChangeLog) -> str:
    found = log.change(item.entry, item.at)
    subject = log.subject(item.commit) if found != "hidden" else None
    if found == "first":
        what = "Văn bản mới đưa vào kho."
    elif found == "hidden":
        what = "Thay đổi ở phiên bản chưa công khai của văn bản."
    elif found == "unreadable":
        what = ""
    elif found.empty:
        what = "Thay đổi thông tin khác của văn bản."
    else:
        what = f"Thay đổi: {found.brief()}."
    return " — ".join(x for x in (subject, what) if x)


def _stamp(item: Item) -> str:
    return f"{item.commit.day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _clean(text)
    return element


def feed(
    view: View, log: ChangeLog, name: str, title: str, items: list[Item], home: str, site_url: str | None
) -> bytes:
    """One feed file; links are absolute under `site_url`, else relative to the feed's own address."""
    up = "../" * (name.count("/") + 1)  # the feeds are served under du-lieu/

    def address(path: str) -> str:
        return site_url.rstrip("/") + "/" + path if site_url else up + path

    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "vi"})
    _sub(root, "id", address(f"du-lieu/{name}") if site_url else TAG + name)
    _sub(root, "title", title)
    _sub(root, "updated", _stamp(items[0]) if items else f"{view.as_of.isoformat()}T00:00:00Z")
    _sub(_sub(root, "author"), "name", "Kho kế hoạch")
    _sub(root, "link", rel="alternate", type="text/html", href=address(home))
    if site_url:
        _sub(root, "link", rel="self", type="application/atom+xml", href=address(f"du-lieu/{name}"))
    for item in items:
        entry = _sub(root, "entry")
        _sub(entry, "id", f"{TAG}{quote(item.entry.key)}@{item.commit.sha}")
        _sub(entry, "title", item.entry.heading(view.tree))
        _sub(entry, "updated", _stamp(item))
        _sub(_sub(entry, "author"), "name", view.tree.label(item.entry.doc.issuer))
        _sub(entry, "link", rel="alternate", type="text/html", href=address(item.entry.page_url()))
        _sub(entry, "summary", _summary(item, log))
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def feeds(view: View, site_url: str | None = None) -> dict[str, bytes]:
    """File name -> Atom bytes: the whole repository's feed, and one per organisation of the tree."""
    log = ChangeLog(view)
    items = _items(view, log)
    chosen = {FEED_ALL: ("Văn bản mới và thay đổi — Kho kế hoạch", items[:LIMIT], "van-ban/")}
    for org in sorted(view.tree.by_key):
        mine = [i for i in items if i.entry.doc.issuer == org][:LIMIT]
        title = f"Văn bản mới và thay đổi — {view.tree.label(org)}"
        chosen[f"{FEED_DIR}/{org}.atom"] = (title, mine, f"van-ban/to-chuc/{org}/")
    shown = {(i.entry.key, i.commit.sha): i for group in chosen.values() for i in group[1]}
    commits = {i.entry.key: log.of(i.entry) for i in shown.values()}
    log.read(
        [
            (c, i.entry.path)
            for i in shown.values()
            for c in commits[i.entry.key][i.at : i.at + 2]
            if len(commits[i.entry.key]) > 1
        ]
    )
    return {name: feed(view, log, name, title, group, home, site_url) for name, (title, group, home) in chosen.items()}
