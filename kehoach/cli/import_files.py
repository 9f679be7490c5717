"""`kehoach import`: issued documents (.docx, .txt, .md) to repository files, with what to review.

A folder given as input stands for the .docx and .txt files in it (the Word-in inbox `nhap/`); links are
never followed. `--summary FILE` appends a Vietnamese Markdown account of the run to FILE (a job summary).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..checks import run_checks
from ..findings import Severity, short_message
from ..importer.build import Imported, import_file
from ..importer.naming import free_path
from ..importer.readers import ImportRefused
from ..importer.summary import Outcome, summary_markdown
from ..model.load import load_repository
from ..model.writing import OutsideFolder, inside, write_file
from .repo_root import require_repository
from .report import as_text

INBOX_SUFFIXES = (".docx", ".txt")


def inputs(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """The files to import (a folder: its .docx and .txt files, sorted), and the entries skipped with why."""
    files: list[Path] = []
    skipped: list[Outcome] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for child in sorted(path.iterdir()):
            if child.is_symlink():
                skipped.append(Outcome(child.name, problem="là một liên kết (symlink): không đọc"))
            elif child.is_file() and child.suffix.lower() in INBOX_SUFFIXES:
                files.append(child)
    return files, skipped


def _body(path: Path) -> str | None:
    text = path.read_text(encoding="utf-8") if path.is_file() else None
    return text.split("\n---\n", 1)[-1] if text else None


def _write(result: Imported, args: argparse.Namespace) -> tuple[Path | None, str | None]:
    """(where the file was written, or why not): a numbered document already in the repository is never
    overwritten; an unnumbered one takes the next free name, unless the same text is there already."""
    out_root = args.out or args.root
    body = result.text.split("\n---\n", 1)[-1]
    for root in {args.root, out_root}:
        if _body(root / result.path) == body:
            return None, f"văn bản này đã có trong kho ở {result.path.as_posix()}; không nhập lần nữa."
    path = free_path(args.root, result.path, result.numbered)
    path = free_path(out_root, path, result.numbered)
    try:  # the name is made of what the document says: it must stay inside the folder
        if inside(args.root, path).exists() or inside(out_root, path).exists():
            return None, f"{path.as_posix()} đã có trong kho; không ghi đè."
        write_file(out_root, path, result.text.encode("utf-8"))
    except OutsideFolder as e:
        return None, f"không ghi: {e}"
    return path, None


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    files, outcomes = inputs(args.files)
    status = 2 if outcomes else 0
    written: list[str] = []
    for file in files:
        try:
            result = import_file(file, args.root, args.org)
        except ImportRefused as e:
            print(f"kehoach: {short_message(str(e))}", file=sys.stderr)
            outcomes.append(Outcome(file.name, problem=short_message(str(e))))
            status = 2
            continue
        if args.dry_run:
            print(result.text)
            continue
        path, problem = _write(result, args)
        outcomes.append(Outcome(file.name, result, path, problem))
        if path is None:
            print(f"kehoach: {file.name}: {problem}", file=sys.stderr)
            status = 2
            continue
        written.append(path.as_posix())
        print(f"Đã nhập {file.name} → {path.as_posix()} ({len(result.review)} mục cần xem lại trong «review»)")
        if result.proposal is not None:
            print(
                f"  Tổ chức «{result.issuer_name}» chưa có trong organizations.yml; tệp ghi tạm mã «{result.proposal.key}». "
                f"Thêm vào organizations.yml (sửa cho đúng):\n{result.proposal.block()}"
            )
    if args.summary is not None:
        with args.summary.open("a", encoding="utf-8") as out:
            out.write(summary_markdown(outcomes) + "\n")
    if written and args.out is None:
        found = [f for f in run_checks(load_repository(args.root), dt.date.today()).findings if f.path in written]
        errors = [f for f in found if f.severity == Severity.ERROR and not f.acknowledged]
        if errors:
            print(as_text(errors))
            print("Các lỗi trên là của chính văn bản (hoặc của kho): sửa, hoặc ghi nhận nếu bản gốc đúng như vậy.")
            status = max(status, 1)
    return status
