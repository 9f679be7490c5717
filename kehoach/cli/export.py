"""`kehoach export`: calendars, the registry, the task sheet and the feeds, written to a folder."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..exports import FORMATS, export_folder, export_view
from ..model.writing import FolderRefused
from .repo_root import require_repository


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    view = export_view(args.root, args.as_of or dt.date.today(), args.internal)
    formats = FORMATS if args.what == "all" else (args.what,)
    try:
        written = export_folder(view, args.out, args.site_url, formats)
    except FolderRefused as e:
        print(f"kehoach: export không ghi: {e}", file=sys.stderr)
        return 2
    print(f"Đã ghi {len(written)} tệp vào {args.out} (thay toàn bộ lần xuất trước)")
    return 0
