"""Checks on markup inside official text and front matter: what the site shows as text, never runs (S008)."""

from __future__ import annotations

from ..findings import Code
from ..model.view import View
from ..text.markup import raw_html
from .registry import Findings, runner


@runner
def html_in_text(view: View, out: Findings) -> None:
    """Word never writes HTML: a tag in the official text is pasted code, or text that looks like it."""
    for e in view.repo.entries:
        for offset, tag in raw_html(e.plain.text)[:20]:
            out.add(
                Code.S008,
                e,
                e.file_line(offset),
                f"Lời văn chứa mã HTML «{tag[:60]}».",
                hint="Trang web hiện nó nguyên dạng chữ. Nếu đúng là lời văn bản, ghi nhận mã S008 với lý do "
                "trong «acknowledgements»; nếu là mã dán nhầm, xóa khỏi tệp.",
                subject=tag[:60],
            )
