"""`kehoach import`: issued documents (.docx, .txt, .md) to repository files, with what to review."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..checks import run_checks
from ..findings import Severity, short_message
from ..importer.build import import_file
from ..importer.readers import ImportRefused
from ..model.load import load_repository
from ..model.writing import OutsideFolder, inside, write_file
from .repo_root import require_repository
from .report import as_text


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    status, written = 0, []
    for file in args.files:
        try:
            result = import_file(file, args.root, args.org)
        except ImportRefused as e:
            print(f"kehoach: {short_message(str(e))}", file=sys.stderr)
            status = 2
            continue
        if args.dry_run:
            print(result.text)
            continue
        folder = args.out or args.root
        try:
            if inside(folder, result.path).exists():
                print(f"kehoach: {file.name}: {result.path.as_posix()} đã có trong kho; không ghi đè.", file=sys.stderr)
                status = 2
                continue
            write_file(folder, result.path, result.text.encode("utf-8"))
        except OutsideFolder as e:
            print(f"kehoach: {file.name}: không ghi: {e}", file=sys.stderr)
            status = 2
            continue
        written.append(result.path.as_posix())
        print(f"Đã nhập {file.name} → {result.path.as_posix()} ({len(result.review)} mục cần xem lại trong «review»)")
    if written and args.out is None:
        found = [f for f in run_checks(load_repository(args.root), dt.date.today()).findings if f.path in written]
        errors = [f for f in found if f.severity == Severity.ERROR and not f.acknowledged]
        if errors:
            print(as_text(errors))
            print("Các lỗi trên là của chính văn bản (hoặc của kho): sửa, hoặc ghi nhận nếu bản gốc đúng như vậy.")
            status = max(status, 1)
    return status
