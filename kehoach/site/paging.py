"""Long views in pages a slow link can load: a listing of thousands of documents or a month of thousands of
tasks is cut into pages of about `BUDGET` bytes, each with the same title, «Trang 1 2 3» at top and bottom,
and the heading it continues under.

Pages are cut where the Markdown allows it: between items of a list, between headings, between the rows of
a task table (closed on one page and opened again, with its header, on the next). A block of other raw HTML
(a month's grid) is never cut. The pages sit beside the first one (`kh.md`, `kh-2.md`, `kh-3.md`: served
at the same depth), so the relative links already written in their rows still lead where they did; a link
to a row's anchor (`#nv-…`) that moved to another page is pointed there.
"""

from __future__ import annotations

import functools
import posixpath
import re

from .format import escape
from .tasklist import page_href

BUDGET = (
    80_000  # bytes of Markdown: with the theme's own files and the HTML around it, a first visit stays under 400 KB
)
TASKS_OPEN = '<div class="kh-tasks">'
_ID = re.compile(r'\bid="(nv-[^"]+)"')
_HASH_LINK = re.compile(r'href="#(nv-[^"]+)"')


def page_name(path: str, number: int) -> str:
    """The source path of page `number` of a view (1: the view's own path)."""
    return path if number == 1 else f"{path[: -len('.md')]}-{number}.md"


def _split(text: str, budget: int) -> list[list[str]]:
    lines = text.split("\n")
    chunks: list[list[str]] = [[]]
    size = 0
    heading = ""  # the last section heading, repeated on the page that continues it
    table_head: list[str] = []  # the open task table's first lines, when inside one
    in_block = False  # inside raw HTML that is not a task table: never cut
    for line in lines:
        cut = size >= budget and len(chunks[-1]) > 1
        if table_head and line.startswith("<tr") and cut:
            chunks[-1] += ["</tbody>", "</table>", "</div>", ""]
            chunks.append(([f"{heading} (tiếp)", ""] if heading else []) + table_head)
            size = 0
        elif not table_head and not in_block and cut and line.startswith(("- ", "#")):
            chunks.append([f"{heading} (tiếp)", ""] if heading and not line.startswith("#") else [])
            size = 0
        chunks[-1].append(line)
        size += len(line.encode("utf-8")) + 1
        if line == TASKS_OPEN:
            table_head = [line]
        elif table_head and len(table_head) < 4 and not line.startswith("<tr"):
            table_head.append(line)  # <table>, <thead>…</thead>, <tbody>
        elif table_head and line == "</div>":
            table_head = []
        elif not table_head and line.startswith("<") and not line.startswith("<!--"):
            in_block = True
        elif in_block and not line.strip():
            in_block = False
        if line.startswith(("## ", "### ")):
            heading = line
    return chunks


def _navigation(path: str, number: int, count: int) -> str:
    items = [
        f"**{k}**" if k == number else f"[{k}]({posixpath.basename(page_name(path, k))})" for k in range(1, count + 1)
    ]
    return f'<nav class="kh-pages" aria-label="Các trang" markdown="span">Trang: {" · ".join(items)}</nav>'


def _pointed(found: re.Match[str], here: str, where: dict[str, str]) -> str:
    """A link to a row's anchor, to the page the row is on."""
    anchor = found.group(1)
    there = where.get(anchor, here)
    return found.group(0) if there == here else f'href="{page_href(here, there)}#{anchor}"'


def paginate(path: str, text: str, budget: int = BUDGET) -> dict[str, str]:
    """The view's pages: itself alone when small enough; an index page (served one level up) is never cut."""
    if len(text.encode("utf-8")) <= budget or posixpath.basename(path) == "index.md":
        return {path: text}
    chunks = _split(text, budget)
    if len(chunks) == 1:
        return {path: text}
    title = chunks[0][0] if chunks[0] and chunks[0][0].startswith("# ") else f"# {escape(path)}"
    count = len(chunks)
    names = [page_name(path, k) for k in range(1, count + 1)]
    where = {anchor: names[k] for k, chunk in enumerate(chunks) for line in chunk for anchor in _ID.findall(line)}
    pages = {}
    for k, chunk in enumerate(chunks):
        here = names[k]
        body = chunk[1:] if k == 0 and chunk[0] == title else chunk
        text_k = "\n".join(body)
        text_k = _HASH_LINK.sub(functools.partial(_pointed, here=here, where=where), text_k)
        heading = title if k == 0 else f"{title} (trang {k + 1}/{count})"
        nav = _navigation(path, k + 1, count)
        pages[here] = "\n".join([heading, "", nav, "", text_k.strip("\n"), "", nav, ""])
    return pages


def paginate_all(pages: dict[str, str], budget: int = BUDGET) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, text in pages.items():
        out |= paginate(path, text, budget)
    return out
