"""What the extractor reads of a source: its lines, and the parts Word keeps apart in tables.

The body written to the repository is the source's text; the extractor reads a view of it in which each
line is a line of the paper. Word's borderless tables (the header block, the signature beside «Nơi nhận»)
are handed over cell by cell, so that two columns are never read as one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.plain import PlainText

Cells = tuple[list[str], list[str]]  # a two-column table: the left cell's paragraphs, the right cell's


@dataclass
class Layout:
    lines: list[str]  # the text as a reader sees it; blocks (paragraphs) separated by blank lines
    header_cells: Cells | None = None  # Word: the header table
    closing_cells: Cells | None = None  # Word: the table holding «Nơi nhận» and the signature
    page_header: list[str] = field(default_factory=list)  # Word: the page header's paragraphs (a «MẬT» stamp)


def text_layout(text: str, markdown: bool) -> Layout:
    """The view of a plain-text or Markdown source: its lines (Markdown emphasis and escapes removed)."""
    return Layout((PlainText(text).text if markdown else text).split("\n"))
