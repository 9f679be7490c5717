"""Small formatting helpers shared by every generated page."""

from __future__ import annotations

import datetime as dt
import html
import posixpath

from ..model.entry import Entry
from ..text.dates import vn_long, vn_short


def relative(target: str, start: str) -> str:
    """posixpath.relpath for the site's own paths (relative, normalised, no «..»), without its abspath calls:
    a site of 5,000 documents makes a hundred thousand links."""
    to, here = target.split("/"), [p for p in start.split("/") if p and p != "."]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    return "/".join(parts) or "."


def href(from_page: str, to_page: str) -> str:
    """Relative link between two source pages, for Markdown links (MkDocs rewrites them)."""
    return relative(to_page, posixpath.dirname(from_page))


def asset_url(from_page: str, asset: str) -> str:
    """Relative URL of a static file for raw HTML, which MkDocs does not rewrite.

    With directory URLs, a/b.md is served as a/b/, one level deeper than its source; index.md is not.
    """
    stem = from_page[: -len(".md")]
    served_dir = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return relative(asset, served_dir)


def escape(text: str) -> str:
    """Editorial text inside generated Markdown: no HTML, no emphasis, link, code span, attribute list or fence."""
    return (
        html.escape(text, quote=False)
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("|", "\\|")
        .replace("{", "&#123;")
        .replace("`", "&#96;")
        .replace("~", "&#126;")
        .replace("!!!", "&#33;!!")
    )


def link(from_page: str, to: Entry, text: str) -> str:
    return f"[{escape(' '.join(text.split()))}]({href(from_page, to.page_path)})"


def day_long(day: dt.date | None) -> str:
    return vn_long(day) if day else "chưa rõ ngày"


def day_short(day: dt.date | None) -> str:
    return vn_short(day) if day else "—"


def status_text(due: dt.date | None, state: str, as_of: dt.date) -> str:
    """Build-day status; the browser recomputes it against the reader's today (assets/kehoach.js)."""
    if state == "done":
        return "đã hoàn thành"
    if state == "cancelled":
        return "đã hủy"
    if due is None:
        return "không có hạn cụ thể"
    days = (due - as_of).days
    if days < 0:
        return f"quá hạn {-days} ngày"
    if days == 0:
        return "hạn chót hôm nay"
    return f"còn {days} ngày"
