"""`kehoach review`: record that a document was checked against the documents it follows, so the suspect
link finding (R113) clears until one of them changes again."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from pathlib import Path

from ..model.front_block import replace_block
from ..model.load import load_repository
from ..model.review import review, reviewed_block
from ..model.view import View, build_view
from ..model.writing import OutsideFolder, relative_name, write_file
from .repo_root import require_repository


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    repo = load_repository(args.root)
    view = build_view(repo, args.on or dt.date.today())
    status = 0
    for file in args.files:
        status = max(status, _review_one(view, args, file))
    return status


def _review_one(view: View, args: argparse.Namespace, file: Path) -> int:
    try:
        name = relative_name(file.resolve().relative_to(args.root.resolve()) if file.is_absolute() else file)
    except ValueError:
        name = None
    entry = next((e for e in view.repo.entries if name is not None and e.path == name), None)
    if entry is None:
        problems = [f for f in view.repo.findings if name is not None and f.path == name]
        why = f" Tệp đang có lỗi: {problems[0].message}" if problems else ""
        print(f"kehoach: «{file}» không phải một văn bản đọc được trong kho.{why}", file=sys.stderr)
        return 2
    note = unicodedata.normalize("NFC", args.note) if args.note else None
    done = review(entry, view.refs_of(entry), view.lifecycle.acted, view.suspects, args.target or [], view.as_of, note)
    for target in done.unknown:
        print(f"kehoach: {entry.path} không thực hiện, trích dẫn hay kèm theo «{target}».", file=sys.stderr)
    if done.unknown:
        return 2
    if not done.recorded:
        print(
            f"{entry.path}: văn bản không thực hiện, trích dẫn hay kèm theo văn bản nào trong kho; không có gì để ghi."
        )
        return 0
    # bytes as they are: a universal-newline read would turn a Windows file's line ends, official text
    # included, into Unix ones
    raw = (args.root / entry.path).read_bytes().decode("utf-8")
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    try:
        updated = bom + replace_block(raw[len(bom) :], "reviewed", reviewed_block(done.reviewed))
    except ValueError:
        print(f"kehoach: {entry.path}: không thấy phần đầu (---) để ghi mục «reviewed:».", file=sys.stderr)
        return 2
    try:
        write_file(args.root, entry.path, updated.encode("utf-8"))
    except OutsideFolder as e:
        print(f"kehoach: không ghi được: {e}", file=sys.stderr)
        return 2
    tree = view.tree
    for s in done.were_suspect:
        what = "; ".join(s.changes) or "thay đổi"
        print(f"{entry.path}: đã xem lại theo {s.upstream.heading(tree)} ({what}).")
    others = [r for r in done.recorded if r.target and all(s.upstream is not r.target for s in done.were_suspect)]
    if others:
        names = ", ".join(r.target.heading(tree) for r in others if r.target)
        print(f"{entry.path}: đã ghi dấu vân tay hiện tại của {names}.")
    print("Ghi nhận nằm trong mục «reviewed:» ở phần đầu tệp; hãy commit cùng các sửa đổi (nếu có).")
    return 0
