"""`kehoach export`: calendars, the registry and the task sheet, written to a folder."""

from __future__ import annotations

import argparse
import datetime as dt

from ..exports import export_view, write_all
from .repo_root import require_repository


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    view = export_view(args.root, args.as_of or dt.date.today(), args.internal)
    formats = ("ics", "registry", "csv") if args.what == "all" else (args.what,)
    written = write_all(view, args.out, args.site_url, formats)
    print(f"Đã ghi {len(written)} tệp vào {args.out}")
    return 0
