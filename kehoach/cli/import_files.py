"""`kehoach import`: issued documents (.docx, .txt, .md) to repository files, with what to review."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..checks import run_checks
from ..findings import Severity
from ..importer.build import import_file
from ..importer.readers import ImportRefused
from ..model.load import load_repository
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
            print(f"kehoach: {e}", file=sys.stderr)
            status = 2
            continue
        if args.dry_run:
            print(result.text)
            continue
        target = (args.out or args.root) / result.path
        if target.exists():
            print(f"kehoach: {file.name}: {result.path.as_posix()} đã có trong kho; không ghi đè.", file=sys.stderr)
            status = 2
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.text, encoding="utf-8")
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
