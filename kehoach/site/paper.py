"""The official text laid out as the paper (Hướng dẫn 36-HD/VPTW): the header block in two columns, the type
word and subject centred, the body, then «Nơi nhận» on the left and the signature on the right.

Where the body holds these parts itself, its own blocks are wrapped in the layout: not a character of them
changes, they are only placed (found with the recognisers the importer and the checker use, `text/`).
Where it does not, `drawn_header` and `drawn_closing` draw them from the front matter, marked editorial
(«trình bày lại từ thông tin văn bản») and kept outside the official text.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model.entry import Entry
from ..model.references import Reference
from ..model.view import View
from ..text.closing import AUTHORITY, is_recipients_line, read_closing
from ..text.dates import find_dateline, vn_long
from ..text.doctypes import type_name
from ..text.header import header_end, header_rows, read_header
from ..text.heading import find_heading, read_title
from ..text.lines import core, has_list_mark, is_capitals, is_person_name, is_rule
from ..text.unicode import fold
from .official_text import Edit, body_edits, render_span

CLOSING_LINES = 40  # «Nơi nhận» and the signature are in the last lines of the paper
DRAWN_NOTE = "trình bày lại từ thông tin văn bản"
PURPOSE = {"b/c": "để b/c", "t/h": "để t/h", "biết": "để biết"}
_NATIONAL = "dang cong san viet nam"

Block = tuple[int, int]  # first line, line after the last: a run of non-blank lines


@dataclass
class Paper:
    """Where the parts of the paper are in a Markdown body, as its blocks; empty lists when it lacks them."""

    head_left: list[Block] = field(default_factory=list)
    head_right: list[Block] = field(default_factory=list)
    title: list[Block] = field(default_factory=list)  # the type word and the subject
    close_left: list[Block] = field(default_factory=list)
    close_right: list[Block] = field(default_factory=list)
    roles: dict[Block, str] = field(default_factory=dict)  # a class for the blocks the paper sets apart

    @property
    def has_header(self) -> bool:
        return bool(self.head_left or self.head_right)

    @property
    def has_closing(self) -> bool:
        return bool(self.close_left or self.close_right)


def _seen(line: str) -> str:
    """A line as the recognisers read it: without Markdown's marks and escapes («\\*» is a «*»)."""
    return core(line.replace("\\", ""))


def blocks_of(lines: list[str]) -> list[Block]:
    out, start = [], None
    for i, line in enumerate(lines):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(lines)))
    return out


def _is_right_of_header(texts: list[str]) -> bool:
    """«ĐẢNG CỘNG SẢN VIỆT NAM», its rule and the place-and-date line stand in the right column."""
    return all(fold(t) == _NATIONAL or find_dateline(t) is not None or (is_rule(t) and "*" not in t) for t in texts)


def _is_signature(texts: list[str]) -> bool:
    """The authority, the position and the name stand on the right, under one another."""
    return not any(is_recipients_line(t) or has_list_mark(t) for t in texts) and all(
        AUTHORITY.match(t) or is_capitals(t) or is_person_name(t) or t.startswith(("(", "[")) for t in texts
    )


def find_paper(body: str) -> Paper:
    """The parts of a Markdown body's paper, each a list of whole blocks."""
    lines = body.split("\n")
    seen = [_seen(line) for line in lines]
    blocks = blocks_of(lines)
    paper = Paper()
    texts = lambda b: [t for t in seen[b[0] : b[1]] if t]  # noqa: E731
    end = header_end(seen)
    head = [b for b in blocks if b[1] <= end]
    block = read_header(header_rows(seen[:end])) if end else None
    if block is not None and (block.national or block.dateline or block.number or block.names):
        for b in head:
            (paper.head_right if _is_right_of_header(texts(b)) else paper.head_left).append(b)
            if any(fold(t) == _NATIONAL for t in texts(b)):
                paper.roles[b] = "kh-paper-national"
            elif any(find_dateline(t) is not None for t in texts(b)):
                paper.roles[b] = "kh-paper-dateline"
    heading = find_heading(seen, end)
    if heading is not None:
        title = read_title(seen, heading.line + 1)
        last = title.end if title is not None else heading.line + 1
        paper.title = [b for b in blocks if b[0] >= heading.line and b[1] <= last]
    paper.close_left, paper.close_right = _closing(seen, blocks, texts)
    taken = set(paper.head_left + paper.head_right + paper.title)
    if taken & set(paper.close_left + paper.close_right):
        paper.close_left, paper.close_right = [], []  # a body too short to have both apart
    return paper


def _closing(
    seen: list[str], blocks: list[Block], texts: Callable[[Block], list[str]]
) -> tuple[list[Block], list[Block]]:
    tail = max(0, len(seen) - CLOSING_LINES)
    at = next((i for i in range(len(seen) - 1, tail - 1, -1) if is_recipients_line(seen[i])), None)
    closing = read_closing(seen[tail:])  # the signature after «Nơi nhận», beside it, or above it
    signed = closing.signature is not None
    if not signed and at is None:
        return [], []
    first = at if at is not None else len(seen)
    after = [b for b in blocks if b[0] >= first]
    if signed and not any(_is_signature(texts(b)) for b in after):
        # the signature above «Nơi nhận» (or at the end, without one): its blocks up to its authority line
        for b in reversed([b for b in blocks if tail <= b[0] and b[1] <= first]):
            if not _is_signature(texts(b)):
                break
            first = b[0]
            if AUTHORITY.match(texts(b)[0]):
                break
    left: list[Block] = []
    right: list[Block] = []
    for b in blocks:
        if b[0] >= first:
            (right if signed and _is_signature(texts(b)) else left).append(b)
    return left, right


def _span(body: str, starts: list[int], edits: list[Edit], blocks: list[Block], roles: dict[Block, str]) -> str:
    """The blocks, each as inert Markdown; a block with a role (the national line, the dateline) in a `div`
    of that class, so that the stylesheet can set it as the paper does (underlined, italic)."""
    out = []
    for a, b in blocks:
        text = render_span(body, edits, starts[a], starts[b] - 1)
        role = roles.get((a, b))
        out.append(f'<div class="{role}" markdown>\n\n{text}\n\n</div>' if role else text)
    return "\n\n".join(out)


def _column(css: str, text: str) -> list[str]:
    return [f'<div class="{css}" markdown>', "", text, "", "</div>"] if text else [f'<div class="{css}"></div>']


def paper_body(entry: Entry, refs: list[Reference], here: str, paper: Paper) -> str:
    """A Markdown body with its own header, type heading and closing placed as on paper, every character kept."""
    body = entry.body
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)  # the line after the last starts one past the end
    edits = body_edits(entry, refs, here)
    placed = set(paper.head_left + paper.head_right + paper.title + paper.close_left + paper.close_right)
    out: list[str] = []
    if paper.has_header:
        out += ['<div class="kh-paper-head" markdown>']
        out += _column("kh-paper-left", _span(body, starts, edits, paper.head_left, paper.roles))
        out += _column("kh-paper-right", _span(body, starts, edits, paper.head_right, paper.roles))
        out += ["</div>", ""]
    if paper.title:
        out += [
            '<div class="kh-paper-title" markdown>',
            "",
            _span(body, starts, edits, paper.title, paper.roles),
            "",
            "</div>",
            "",
        ]
    for first, last in _runs(blocks_of(lines), placed):  # the body between: whole lines, blank lines kept
        out += [render_span(body, edits, starts[first], starts[last] - 1), ""]
    if paper.has_closing:
        out += ['<div class="kh-paper-closing" markdown>']
        out += _column("kh-paper-left", _span(body, starts, edits, paper.close_left, paper.roles))
        out += _column("kh-paper-right", _span(body, starts, edits, paper.close_right, paper.roles))
        out += ["</div>", ""]
    return "\n".join(out)


def _runs(blocks: list[Block], placed: set[Block]) -> list[Block]:
    """The line ranges of the blocks not placed, consecutive ones taken together."""
    runs: list[Block] = []
    joined = False
    for b in blocks:
        if b in placed:
            joined = False
        elif joined:
            runs[-1] = (runs[-1][0], b[1])
        else:
            runs.append(b)
            joined = True
    return runs


# --- drawn from the front matter: editorial, outside the official text --------------------------------------


def _e(text: str) -> str:
    """Front matter as HTML text: escaped, one line, no «{» an attribute list could read."""
    return html.escape(" ".join(text.split()), quote=True).replace("{", "&#123;")


def _note() -> str:
    return f'<p class="kh-paper-note">{DRAWN_NOTE}</p>'


def drawn_header(entry: Entry, view: View, with_title: bool) -> list[str]:
    """The header block (and, `with_title`, the type word and subject) from the front matter, as HTML."""
    d, tree = entry.doc, view.tree
    chain = tree.ancestry(d.issuer)
    left = []
    if len(chain) > 1:
        left.append(f'<p class="kh-paper-superior">{_e(chain[1].name.upper())}</p>')
    left.append(f'<p class="kh-paper-issuer">{_e((chain[0].name if chain else d.issuer).upper())}</p>')
    left.append('<p class="kh-paper-star">*</p>')
    symbol = entry.symbol(tree)
    if symbol:
        left.append(f'<p class="kh-paper-number">Số {_e(symbol)}</p>')
    right = ['<p class="kh-paper-national">ĐẢNG CỘNG SẢN VIỆT NAM</p>']
    if d.date:
        when = vn_long(d.date)
        right.append(f'<p class="kh-paper-dateline">{_e(f"{d.place}, {when}" if d.place else when)}</p>')
    out = [
        '<div class="kh-paper kh-paper-drawn kh-editorial" data-pagefind-ignore>',
        _note(),
        '<div class="kh-paper-head">',
        f'<div class="kh-paper-left">{"".join(left)}</div>',
        f'<div class="kh-paper-right">{"".join(right)}</div>',
        "</div>",
    ]
    if with_title:
        out += ['<div class="kh-paper-title">', f'<p class="kh-paper-type">{_e(type_name(d.type).upper())}</p>']
        out += [f'<p class="kh-paper-subject">{_e(d.title)}</p>'] if d.title else []
        out += ["</div>"]
    return [*out, "</div>", ""]


def drawn_closing(entry: Entry, with_recipients: bool = True) -> list[str]:
    """«Nơi nhận» (unless the body has its own) and the signature from the front matter, as HTML; [] when it
    records neither."""
    d = entry.doc
    signer = d.signer
    lines = [x for x in (signer.on_behalf, signer.position) if x] if signer else []
    name = signer.name if signer else None
    recipients = d.recipients if with_recipients else []
    if not lines and not name and not recipients:
        return []
    left = ""
    if recipients:
        items = "".join(
            f"<li>{_e(r.name)}" + (f" ({PURPOSE[r.purpose]})" if r.purpose in PURPOSE else "") + "</li>"
            for r in recipients
        )
        left = f'<p class="kh-paper-to">Nơi nhận:</p><ul>{items}</ul>'
    right = "".join(f'<p class="kh-paper-authority">{_e(x)}</p>' for x in lines)
    if name:
        right += f'<p class="kh-paper-signer">{_e(name)}</p>'
    return [
        '<div class="kh-paper kh-paper-drawn kh-editorial" data-pagefind-ignore>',
        '<div class="kh-paper-closing">',
        f'<div class="kh-paper-left">{left}</div>',
        f'<div class="kh-paper-right">{right}</div>',
        "</div>",
        _note(),
        "</div>",
        "",
    ]
