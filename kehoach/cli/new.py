"""`kehoach new`: a new document file, correctly named, for a staff member to complete."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..findings import short_message
from ..model.writing import OutsideFolder, write_file
from .repo_root import require_repository
from .scaffold import ScaffoldError, scaffold


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    try:
        made = scaffold(
            args.root,
            args.kind,
            args.org,
            args.date or dt.date.today(),
            args.number,
            args.title,
            args.type,
            args.attached_to,
            args.implements or ask_implemented(args.kind),
        )
    except ScaffoldError as e:
        print(f"kehoach: {short_message(str(e))}", file=sys.stderr)
        return 2
    try:
        write_file(args.root, made.path.relative_to(args.root), made.text.encode("utf-8"))
    except OutsideFolder as e:
        print(f"kehoach: không tạo tệp: {e}", file=sys.stderr)
        return 2
    print(f"Đã tạo {made.path.relative_to(args.root).as_posix()}: điền trích yếu, người ký, nhiệm vụ và dán toàn văn.")
    for note in made.notes:
        print(f"Lưu ý: {note}")
    return 0


def ask_implemented(kind: str) -> list[str]:
    """At a terminal, a plan asks which document it implements; a script or CI is never asked."""
    if kind != "plan" or not sys.stdin.isatty():
        return []
    try:
        answer = input("Kế hoạch này thực hiện văn bản nào? Ghi số hiệu (ví dụ 21-NQ/TW), Enter để bỏ qua: ")
    except EOFError:
        return []
    return [answer] if answer.strip() else []
