"""`kehoach normalize`: files to Unicode NFC, not one letter changed."""

from __future__ import annotations

import argparse
import sys

from ..text.unicode import is_nfc, nfc


def run(args: argparse.Namespace) -> int:
    pending = 0
    for path in args.files:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            print(f"{path}: không phải UTF-8, bỏ qua (mở tệp và lưu lại với mã hóa UTF-8).", file=sys.stderr)
            pending += 1
            continue
        if is_nfc(text):
            continue
        pending += 1
        if args.check:
            print(f"{path}: chưa ở dạng NFC")
        else:
            path.write_bytes(nfc(text).encode("utf-8"))
            print(f"{path}: đã chuẩn hóa về NFC")
    return 1 if (pending and args.check) else 0
