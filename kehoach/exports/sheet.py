"""tasks.csv for Excel: UTF-8 with a byte-order mark, or Excel shows Vietnamese as mojibake; no cell a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from ..model.view import View
from ..text.dates import vn_short
from .calendar import STATE_VI
from .rows import task_rows, unit_names

HEADERS = [
    "Số hiệu",
    "Trích yếu văn bản",
    "Tổ chức ban hành",
    "Mã nhiệm vụ",
    "Nhiệm vụ",
    "Chủ trì",
    "Phối hợp",
    "Thực hiện",
    "Sản phẩm",
    "Thời hạn (nguyên văn)",
    "Hạn chót",
    "Tình trạng",
    "Trang",
]


# A cell a spreadsheet would read as a formula (OWASP «CSV injection»): a leading quote keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """`value` as a spreadsheet shows it, never run: prefixed with «'» when it would start a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def tasks_csv(view: View, site_url: str | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    tree = view.tree
    for row in task_rows(view):
        e, t = row.entry, row.located.task
        writer.writerow(
            cell(value)
            for value in [
                e.symbol(view.tree) or "chưa có số",
                e.doc.title or "",
                tree.label(e.doc.issuer),
                t.id,
                t.title,
                unit_names(view, e, t.owner),
                unit_names(view, e, t.co_owners),
                unit_names(view, e, t.applies_to),
                t.deliverable or "",
                t.deadline or "",
                vn_short(row.due) if row.due else "",
                STATE_VI[t.status],
                e.page_url(site_url),
            ]
        )
    return out.getvalue().encode("utf-8-sig")
