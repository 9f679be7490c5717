"""A .docx as Markdown: paragraphs, headings, bold/italic runs, lists and tables, in document order."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


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
        core = text.strip()
        if core and (run.bold or run.italic):
            mark = "**" if run.bold else ""
            mark += "*" if run.italic else ""
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}{mark}{core}{mark[::-1]}{trail}"
        out.append(text)
    return "".join(out).replace("****", "").replace("**  **", "  ")


def _paragraph(paragraph: Paragraph) -> str:
    text = _runs(paragraph)
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if not text.strip():
        return ""
    if style.startswith("heading"):
        level = "".join(ch for ch in style if ch.isdigit()) or "1"
        return "#" * min(int(level), 6) + " " + text.strip()
    if "list" in style:
        return ("1. " if "number" in style else "- ") + text.strip()
    return text


def _table(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells = [" ".join(_runs(p) for p in cell.paragraphs).replace("|", "\\|").strip() for cell in row.cells]
        rows.append("| " + " | ".join(cells) + " |")
    if not rows:
        return ""
    width = len(table.rows[0].cells)
    return "\n".join([rows[0], "|" + "---|" * width] + rows[1:])


def docx_markdown(path: Path) -> str:
    document = Document(str(path))
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(_paragraph(item))
        elif isinstance(item, Table):
            blocks.append(_table(item))
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
