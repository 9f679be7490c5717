"""`kehoach normalize`: files to Unicode NFC, not one letter changed.

Each file is written whole or not at all (a temporary file renamed over it), so a full disk or an
interruption leaves the file as it was. Every message names its file; any file left undone makes the
command fail. A folder is walked for the text files kehoach reads (.md, .yml, .yaml).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model.writing import atomic_write
from ..text.unicode import is_nfc, nfc

TEXT_SUFFIXES = {".md", ".yml", ".yaml"}


def files_of(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and the text files under each folder named (hidden folders and links skipped)."""
    for path in paths:
        if not path.is_dir():
            yield path  # a file named on the command line is read whatever its name
            continue
        for directory, subdirs, names in os.walk(path):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for name in sorted(names):
                found = Path(directory) / name
                if found.suffix.lower() in TEXT_SUFFIXES and not found.is_symlink():
                    yield found


def normalise_file(path: Path, check: bool) -> tuple[bool, str | None]:
    """(whether the file was not in NFC, a problem that left it undone or None)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        return False, f"không đọc được ({e.strerror or type(e).__name__}); bỏ qua."
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False, "không phải UTF-8, bỏ qua (mở tệp và lưu lại với mã hóa UTF-8)."
    if is_nfc(text):
        return False, None
    if check:
        return True, None
    try:
        atomic_write(path.resolve(), nfc(text).encode("utf-8"))  # through a link, to the file it names
    except OSError as e:
        return True, f"không ghi được ({e.strerror or type(e).__name__}); tệp vẫn giữ nguyên như trước."
    return True, None


def run(args: argparse.Namespace) -> int:
    pending = undone = 0
    for path in files_of(args.files):
        changed, problem = normalise_file(path, args.check)
        if problem is not None:
            print(f"{path}: {problem}", file=sys.stderr)
            undone += 1
        elif changed:
            pending += 1
            print(f"{path}: chưa ở dạng NFC" if args.check else f"{path}: đã chuẩn hóa về NFC")
    return 1 if undone or (pending and args.check) else 0
