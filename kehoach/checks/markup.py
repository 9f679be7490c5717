"""Checks on markup in official text and in front matter text: what the site shows as text, never runs (S008)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Code
from ..model.entry import Entry
from ..model.view import View
from ..text.markup import Suspicious, suspicious
from .registry import Findings, runner

MAX_PER_PART = 50  # in the text, in the front matter: a pasted web page would otherwise bury every other finding
HINT = (
    "Trang web hiện nó nguyên dạng chữ. Nếu đúng là lời văn bản, ghi nhận mã S008 với lý do trong "
    "«acknowledgements»; nếu là mã dán nhầm, xóa khỏi tệp."
)


def _text_fields(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, text) of every string in the front matter, however deep."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _text_fields(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _text_fields(item, (*path, i))


def _in_front_matter(e: Entry) -> Iterator[tuple[int | None, str, Suspicious]]:
    if e.front and "\\" not in e.front and not suspicious(e.front):
        return  # the front matter as written holds none of it, and no escape could spell it: no field can
    for path, text in _text_fields(e.doc.model_dump(exclude_defaults=True)):
        for s in suspicious(text):
            dotted = ".".join(str(p) for p in path)
            yield e.field_line(*path) or e.front_line, f"Trường «{dotted}»", s


def _in_text(e: Entry) -> Iterator[tuple[int | None, str, Suspicious]]:
    for s in e.analysis.markup:  # found while loading (kehoach/text/analysis.py)
        yield e.file_line(s.offset), "Lời văn", s


@runner
def markup_in_text(view: View, out: Findings) -> None:
    """Word never writes HTML, macros or attribute lists: such markup is pasted code, or text that looks like it."""
    for e in view.repo.entries:
        for found in (list(_in_front_matter(e)), list(_in_text(e))):
            for line, where, s in found[:MAX_PER_PART]:  # per part: a long text does not hide the front matter's
                snippet = " ".join(s.snippet.split())[:60]
                out.add(Code.S008, e, line, f"{where} chứa {s.kind} «{snippet}».", hint=HINT, subject=snippet)
            if len(found) > MAX_PER_PART:
                line, where, _ = found[MAX_PER_PART]
                out.add(
                    Code.S008,
                    e,
                    line,
                    f"{where} còn {len(found) - MAX_PER_PART} chỗ như trên từ dòng này trở đi (không liệt kê hết).",
                    hint=HINT,
                )
