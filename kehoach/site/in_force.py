"""«Văn bản còn hiệu lực»: the documents in force at the build date, by organisation, each with its effect
status; then those no longer in force, with what ended them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..model.entry import Entry
from ..model.view import View
from .format import day_short, escape
from .views import doc_line

IN_FORCE_PAGE = "van-ban/hieu-luc.md"


def _by_organisation(entries: list[Entry], view: View) -> list[str]:
    """A heading per organisation, in the tree's order (organisations outside the tree last), newest first."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        groups[e.doc.issuer].append(e)
    order: list[str] = []

    def walk(key: str) -> None:
        order.append(key)
        for child in view.tree.children(key):
            walk(child.key)

    for root in (o for o in view.tree.by_key.values() if not o.parent):
        walk(root.key)
    order += sorted(k for k in groups if k not in view.tree.by_key)
    out: list[str] = []
    for key in (k for k in order if k in groups):
        out += [f"### {escape(view.tree.label(key))}", ""]
        newest = sorted(groups[key], key=lambda e: (e.doc.date or dt.date.min, e.key), reverse=True)
        out += [doc_line(IN_FORCE_PAGE, e, view) for e in newest] + [""]
    return out


def in_force_page(view: View) -> dict[str, str]:
    current = [e for e in view.repo.entries if view.lifecycle.effect(e).in_force]
    ended = [e for e in view.repo.entries if not view.lifecycle.effect(e).in_force]
    out = [
        "# Văn bản còn hiệu lực",
        "",
        f"Tính đến ngày dựng trang ({day_short(view.as_of)}). Văn bản còn hiệu lực là văn bản chưa bị thay thế, "
        "chưa bị bãi bỏ và chưa quá thời hạn hiệu lực ghi trong văn bản; văn bản đã được sửa đổi, bổ sung vẫn "
        "còn hiệu lực cùng với văn bản sửa đổi. Văn bản không còn hiệu lực được liệt kê ở phần cuối trang.",
        "",
        f"## Còn hiệu lực ({len(current)})",
        "",
    ]
    out += _by_organisation(current, view) if current else ["Không có văn bản nào.", ""]
    out += [f"## Không còn hiệu lực ({len(ended)})", ""]
    out += _by_organisation(ended, view) if ended else ["Không có văn bản nào.", ""]
    return {IN_FORCE_PAGE: "\n".join(out)}
