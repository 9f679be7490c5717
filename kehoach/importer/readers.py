"""Read an input file into its body text (NFC) and the layout the extractor reads, or refuse it with a reason
a staff member understands.

A .txt is plain text: its body is kept as it is and the site shows it line for line (`body_format: plain`).
A .docx becomes Markdown, as does a .md. A .txt that is in fact Markdown exported from Word (headings «##»,
emphasis «**…**», escapes «\\*») is read as Markdown, and the review list says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..text.unicode import nfc
from .docx_reader import read_docx
from .layout import Layout, text_layout

MAX_BYTES = 50 * 1024 * 1024


class ImportRefused(ValueError):
    """The file cannot be imported; the message says why and what to do."""


BodyFormat = Literal["markdown", "plain"]
# Marks only Markdown puts in a text: an ATX heading, strong emphasis, an escaped mark.
_MARKDOWN = re.compile(r"^#{1,6}\s+\S|\*\*[^*\s][^*\n]*\*\*|\\[*_#\[\]-]", re.M)


@dataclass
class Source:
    path: Path
    text: str  # the body as it will be written: NFC, line ends «\n»
    format: str  # md | txt | docx
    layout: Layout
    body_format: BodyFormat
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, reason) for the review list


def looks_like_markdown(text: str) -> bool:
    return _MARKDOWN.search(text) is not None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return bool(sample) and controls / len(sample) > 0.05


def decode_text(raw: bytes, name: str) -> tuple[str, list[tuple[str, str]]]:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; Windows-1258 as a reported fallback."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), [("source", "tệp lưu bằng UTF-16; đã đọc và sẽ ghi lại bằng UTF-8")]
    if _looks_binary(raw):
        raise ImportRefused(
            f"{name}: không phải tệp văn bản (có vẻ là tệp nhị phân). "
            "Hãy mở bằng Word và lưu thành .docx hoặc .txt (UTF-8)."
        )
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        raise ImportRefused(
            f"{name}: không đọc được bằng UTF-8 hay Windows-1258. Mở tệp và lưu lại với mã hóa UTF-8."
        ) from None
    return text, [("source", "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 — kiểm tra dấu tiếng Việt")]


def read_source(path: Path) -> Source:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ImportRefused(f"{name}: không mở được tệp ({e.strerror}).") from None
    if size > MAX_BYTES:
        raise ImportRefused(f"{name}: tệp quá lớn ({size // 1024 // 1024} MB); một văn bản không dài quá 50 MB.")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        try:
            word = read_docx(path)
        except Exception as e:  # noqa: BLE001 — any failure of the Word parser on a foreign file means "not a valid .docx"
            raise ImportRefused(
                f"{name}: không phải tệp Word .docx hợp lệ ({type(e).__name__}). Mở bằng Word và lưu lại dạng .docx."
            ) from None
        if not word.markdown.strip():
            raise ImportRefused(
                f"{name}: tệp Word không có chữ (có thể chỉ là ảnh chụp văn bản). "
                "Cần bản có chữ; ảnh chụp phải được nhận dạng chữ (OCR) trước."
            )
        return Source(path, word.markdown, "docx", word.layout, "markdown")
    if suffix in (".md", ".txt", ".markdown"):
        raw = path.read_bytes()
        text, notes = decode_text(raw, name)
        text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
        if not text.strip():
            raise ImportRefused(f"{name}: tệp trống.")
        if suffix != ".txt":
            return Source(path, text, "md", text_layout(text, markdown=True), "markdown", notes)
        if looks_like_markdown(text):
            notes.append(
                (
                    "body_format",
                    "tệp .txt có ký hiệu Markdown («##», «**…**»): toàn văn được đọc như Markdown; nếu là chữ thuần, "
                    "đổi thành «body_format: plain»",
                )
            )
            return Source(path, text, "txt", text_layout(text, markdown=True), "markdown", notes)
        return Source(path, text, "txt", text_layout(text, markdown=False), "plain", notes)
    if suffix == ".doc":
        raise ImportRefused(f"{name}: định dạng Word cũ (.doc) chưa được hỗ trợ. Mở bằng Word, chọn Lưu thành → .docx.")
    raise ImportRefused(
        f"{name}: không nhận dạng được loại tệp «{suffix or 'không có đuôi'}»; dùng .docx, .txt hoặc .md."
    )
