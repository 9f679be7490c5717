"""A .docx as Markdown (paragraphs, headings, bold/italic runs, lists, tables, in document order) and as the
layout the extractor reads (its lines, the header and signature tables cell by cell, the page header).

Committees lay the header block and the signature out as borderless two-column tables. In the Markdown
body each cell's paragraphs stay lines of their own, left cell before right cell (every word in order);
for the extractor the cells are kept apart, so that «ĐẢNG CỘNG SẢN VIỆT NAM» is never read as part of the
place of issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..text.closing import AUTHORITY, is_recipients_line
from ..text.dates import find_dateline
from ..text.lines import core
from ..text.symbols import read_number_line
from ..text.unicode import fold, nfc
from .layout import Cells, Layout

_NATIONAL = "dang cong san viet nam"


def _escape(text: str) -> str:
    # Characters Markdown would take as markup are escaped, so the rendered text is the Word text.
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def _runs(paragraph: Paragraph) -> str:
    out = []
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        text = _escape(text).replace("\n", "  \n")
        core_text = text.strip()
        if core_text and (run.bold or run.italic):
            mark = "**" if run.bold else ""
            mark += "*" if run.italic else ""
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}{mark}{core_text}{mark[::-1]}{trail}"
        out.append(text)
    return "".join(out).replace("****", "").replace("**  **", "  ")


def _style(paragraph: Paragraph) -> str:
    return (paragraph.style.name or "").lower() if paragraph.style is not None else ""


def _paragraph(paragraph: Paragraph) -> str:
    text = _runs(paragraph)
    style = _style(paragraph)
    if not text.strip():
        return ""
    if style.startswith("heading"):
        level = "".join(ch for ch in style if ch.isdigit()) or "1"
        return "#" * min(int(level), 6) + " " + text.strip()
    if "list" in style:
        return ("1. " if "number" in style else "- ") + text.strip()
    return text


def _plain(paragraph: Paragraph) -> list[str]:
    """The paragraph's lines as a reader sees them (a list paragraph with its mark, which Word draws)."""
    lines = nfc(paragraph.text).split("\n")
    if "list" in _style(paragraph) and lines[0].strip():
        lines[0] = "- " + lines[0]
    return lines


def _cells(table: Table) -> list[list[_Cell]]:
    """Rows of distinct cells (a merged cell is listed once)."""
    rows = []
    for row in table.rows:
        seen: list[_Cell] = []
        for cell in row.cells:
            if all(cell._tc is not other._tc for other in seen):
                seen.append(cell)
        rows.append(seen)
    return rows


def _cell_lines(cell: _Cell) -> list[str]:
    return [nfc(line) for p in cell.paragraphs for line in p.text.split("\n")]


def _layout_kind(rows: list[list[_Cell]]) -> str | None:
    """«header» or «closing» for a layout table (two columns, perhaps a spacer between); None for a data table."""
    if not rows or max(len(r) for r in rows) > 3:
        return None
    texts = [core(line) for row in rows for cell in row for line in _cell_lines(cell)]
    if any(is_recipients_line(t) or (AUTHORITY.match(t) and t.isupper()) for t in texts):
        return "closing"
    if any(fold(t) == _NATIONAL or read_number_line(t) or find_dateline(t) for t in texts if t):
        return "header"
    return None


def _columns(rows: list[list[_Cell]]) -> Cells:
    """The left column's lines and the right one's (a middle spacer column joins the right)."""
    left = [line for row in rows for line in _cell_lines(row[0])]
    right = [line for row in rows for cell in row[1:] for line in _cell_lines(cell)]
    return left, right


def _layout_markdown(rows: list[list[_Cell]]) -> list[str]:
    """Each cell's paragraphs as the lines of one Markdown paragraph, cell after cell."""
    blocks = []
    for row in rows:
        for cell in row:
            lines = [_paragraph(p).strip() for p in cell.paragraphs]
            lines = [line for line in lines if line]
            if lines:
                blocks.append("  \n".join(lines))
    return blocks


def _data_markdown(rows: list[list[_Cell]]) -> str:
    lines = []
    for row in rows:
        cells = [" ".join(_runs(p) for p in cell.paragraphs).replace("|", "\\|").strip() for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    if not lines:
        return ""
    width = len(rows[0])
    return "\n".join([lines[0], "|" + "---|" * width] + lines[1:])


@dataclass
class WordDocument:
    markdown: str  # the body written to the repository
    layout: Layout  # what the extractor reads


def _centred(paragraph: Paragraph) -> bool:
    return paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


def read_docx(path: Path) -> WordDocument:
    document = Document(str(path))
    blocks: list[str] = []
    lines: list[str] = []
    header_cells: Cells | None = None
    closing_cells: Cells | None = None
    page_header: list[str] = []
    for section in document.sections[:1]:
        parts = [section.header] + ([section.first_page_header] if section.different_first_page_header_footer else [])
        for part in parts:
            for p in part.paragraphs:
                page_header += [line for line in nfc(p.text).split("\n") if line.strip()]
                blocks.append(_paragraph(p))
    centred_before = False
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(_paragraph(item))
            text = _plain(item)
            if not "".join(text).strip():
                lines.append("")
                centred_before = False
                continue
            # Consecutive centred paragraphs (a type word and a subject over several lines) read as one block.
            if not (centred_before and _centred(item)) and lines and lines[-1] != "":
                lines.append("")
            lines += text
            centred_before = _centred(item)
            continue
        rows = _cells(item)
        kind = _layout_kind(rows)
        centred_before = False
        if kind == "header" and header_cells is None:
            header_cells = _columns(rows)
            blocks += _layout_markdown(rows)
        elif kind == "closing":
            closing_cells = _columns(rows)
            blocks += _layout_markdown(rows)
        else:
            blocks.append(_data_markdown(rows))
            lines += ["", *(" | ".join(" ".join(_cell_lines(c)) for c in row) for row in rows), ""]
    markdown = nfc("\n\n".join(b for b in blocks if b.strip()) + "\n")
    return WordDocument(markdown, Layout(lines, header_cells, closing_cells, page_header))
