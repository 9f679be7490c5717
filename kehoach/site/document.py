"""The page of one document: header card, errata, relations, tasks, targets, official text."""

from __future__ import annotations

import datetime as dt
import html

from ..findings import Code, Finding
from ..model.changes import ChangeLog
from ..model.entry import Entry
from ..model.lifecycle import term_of
from ..model.references import RELATION_LABELS, SETTLED, Reference
from ..model.view import View
from ..model.visibility import is_restricted
from ..text.doctypes import type_name
from .diagram import relationship_diagram
from .effect import effect_span
from .format import day_long, day_short, escape, link
from .history_section import history_section
from .life import report_table, suspect_banner
from .official_text import linked_body
from .paper import drawn_closing, drawn_header, find_paper, paper_body
from .problems import document_banner
from .search import meta_html, search_meta
from .tasklist import DOCUMENT_COLUMNS, task_table

KIND_LABEL = {"plan": "Kế hoạch / chương trình", "outline": "Đề cương", "resolution": "Sổ đăng ký văn bản cấp trên"}
PURPOSE = {"b/c": "để báo cáo", "t/h": "để thực hiện", "lưu": "lưu", "biết": "để biết"}


def currency(entry: Entry, view: View) -> str:
    """Whether the document is current work, and why not: its effect (replaced…) or its term's end."""
    if not view.archived(entry):
        return "đang thực hiện"
    effect = view.lifecycle.effect(entry)
    if not effect.in_force:
        return f"lưu trữ ({effect.label})"
    term = view.lifecycle.term_ended(entry)
    if term is not None:
        return f"lưu trữ (nhiệm kỳ {term.label} đã kết thúc ngày {day_short(term.last_day)})"
    return "lưu trữ"


def header(entry: Entry, view: View, as_of: dt.date) -> list[str]:
    d, tree = entry.doc, view.tree
    term = term_of(entry, tree)
    status = currency(entry, view)
    rows = [
        ("Số hiệu", entry.symbol(view.tree) or "chưa rõ (bản văn không ghi)"),
        ("Loại", type_name(d.type)),
        ("Cơ quan ban hành", d.issuing_body or tree.label(d.issuer)),
        ("Tổ chức", tree.label(d.issuer)),
        ("Nơi, ngày ban hành", ", ".join(x for x in (d.place, day_long(d.date)) if x)),
        ("Nhiệm kỳ", term.label if term else "chưa rõ"),
        ("Trạng thái", status),
    ]
    if d.signer and (d.signer.name or d.signer.position):
        rows.append(("Người ký", " — ".join(x for x in (d.signer.on_behalf, d.signer.position, d.signer.name) if x)))
    if d.confidentiality or d.urgency:
        rows.append(("Độ mật / khẩn", " ".join(x for x in (d.confidentiality, d.urgency) if x)))
    out = []
    if d.title:
        out += [f"**{escape(' '.join(d.title.split()))}**", "{: .kh-editorial }", ""]
    # an HTML table, because a Markdown table must have a header row and this card has none to give;
    # the table itself has no class so that Material still styles it
    out += ['<div class="kh-card kh-editorial"><table>']
    out += [
        f'<tr><th scope="row">{k}</th><td>{html.escape(v, quote=False).replace("{", "&#123;")}</td></tr>'
        for k, v in rows
    ]
    out += ["</table></div>", ""]
    # the effect status links the documents that amended, replaced or repealed this one: Markdown, so after
    # the HTML card rather than in it
    out += [f"**Hiệu lực:** {effect_span(entry, view, entry.page_path)}", "{: .kh-editorial .kh-effect-line }", ""]
    return out


def errata(entry: Entry, findings: list[Finding]) -> list[str]:
    """A note for each acknowledgement that silenced a finding, in the order the document lists them."""
    silenced = {(f.code, f.acknowledged) for f in findings if f.document == entry.key and f.acknowledged}
    out, seen = [], set()
    for ack in entry.doc.acknowledgements:
        key = (ack.code, ack.reason)
        if key in silenced and key not in seen:
            seen.add(key)
            title = Code(ack.code).summary
            out += [
                f'!!! note "Ghi chú đính chính ({ack.code} — {escape(title)})"',
                "",
                f"    {escape(ack.reason)}",
                "",
            ]
    return out


def relations(entry: Entry, view: View, here: str) -> list[str]:
    by_key, out = view.by_key, []
    for rel_type, (forward, backward) in RELATION_LABELS.items():
        for title, keys in (
            (forward, view.graph.targets(entry.key, rel_type)),
            (backward, view.graph.sources(entry.key, rel_type)),
        ):
            if keys:
                out += [f"### {title}", ""]
                for key in keys:
                    other = by_key[key]
                    when = f" ({day_short(other.doc.date)})" if other.doc.date else ""
                    out.append(f"- {link(here, other, other.heading(view.tree))}{when}")
                out.append("")
    diagram = relationship_diagram(entry, view, here)
    if diagram:
        out += ["### Sơ đồ quan hệ", ""] + diagram
    unresolved = sorted({r.symbol for r in view.refs_of(entry) if r.status not in SETTLED})
    if unresolved:
        out += (
            ["### Trích dẫn chưa có trong kho", ""]
            + [f'- <span class="kh-unresolved">{escape(s)}</span>' for s in unresolved]
            + [""]
        )
    return (["## Quan hệ", ""] + out) if out else []


def tasks(entry: Entry, view: View, as_of: dt.date) -> list[str]:
    located = view.tasks_of(entry)
    if not located:
        return []
    return ["## Nhiệm vụ", ""] + task_table(entry.page_path, located, view, as_of, DOCUMENT_COLUMNS, sort=False)


def targets(entry: Entry) -> list[str]:
    if not entry.doc.targets:
        return []
    out = ["## Chỉ tiêu", "", "| Chỉ tiêu | Mức | Thời kỳ |", "|---|---|---|"]
    out += [f"| {escape(t.text)} | {escape(t.value or '—')} | {escape(t.period or '—')} |" for t in entry.doc.targets]
    return out + [""]


def recipients(entry: Entry) -> list[str]:
    if not entry.doc.recipients:
        return []
    return (
        ["## Nơi nhận", ""]
        + [f"- {escape(r.name)}" + (f" ({PURPOSE[r.purpose]})" if r.purpose else "") for r in entry.doc.recipients]
        + [""]
    )


def restricted_banner(entry: Entry) -> list[str]:
    """Only internal builds contain restricted documents; each says so on top, on screen and on paper."""
    d = entry.doc
    if not is_restricted(entry):
        return []
    what = d.confidentiality or "NỘI BỘ"
    return [
        f'!!! danger "{what} — chỉ lưu hành nội bộ"',
        "",
        "    Văn bản này không được đưa lên trang công khai. Không sao chép, chuyển tiếp ra ngoài.",
        "",
    ]


def _search_meta(entry: Entry, view: View) -> dict[str, str]:
    return {"title": entry.heading(view.tree)} | search_meta(entry, view)


def _not_searched(lines: list[str]) -> list[str]:
    return ["<div data-pagefind-ignore markdown>", "", *lines, "</div>", ""] if lines else []


def document_page(
    entry: Entry,
    view: View,
    changed: dt.date | None = None,
    problems: list[Finding] | None = None,
    actions: list[str] | None = None,
    log: ChangeLog | None = None,
) -> str:
    """The page: header card, editorial sections, the official text, then its history; `changed` is the last
    commit's day, `problems` the document's errors a preview shows on top, `actions` the edit and report
    links, `log` the build's git history (kehoach/site/history_section.py)."""
    here, as_of = entry.page_path, view.as_of
    refs = view.refs_of(entry)
    # Everything editorial is wrapped so the print stylesheet can leave only the official text, as on paper.
    heading = escape(" ".join(entry.heading(view.tree).split()))  # a heading is one line
    out = [*(actions or []), f"# {heading}", "", meta_html(_search_meta(entry, view)), ""]
    out += document_banner(view, problems or [])
    out += suspect_banner(entry, view, here)
    # The search index reads what is inside data-pagefind-body (card, tasks, official text) and not what
    # only points elsewhere (relations, errata): a page is found for its own words.
    out += ["<div data-pagefind-body markdown>", ""] + header(entry, view, as_of) + restricted_banner(entry)
    out += ['<div class="kh-editorial" markdown>', ""]
    out += _not_searched(errata(entry, view.findings) + relations(entry, view, here))
    out += tasks(entry, view, as_of) + targets(entry) + recipients(entry)
    out += report_table(entry, view, here)
    notes = (
        ['!!! info "Ghi chú của người biên tập"', "", f"    {escape(entry.doc.notes)}", ""] if entry.doc.notes else []
    )
    if changed:
        notes += [f'<p class="kh-updated">Cập nhật lần cuối: {day_long(changed)} (theo lịch sử git).</p>', ""]
    out += _not_searched(notes)
    out += ["</div>", ""]
    if entry.body.strip():
        # a heading of Markdown's own, so that Material's table of contents lists it
        out += ["## Toàn văn {: #toan-van .kh-editorial }", ""] + official(entry, view, refs, here)
    else:
        out += ["## Toàn văn", ""] + _not_searched(
            ["*Kho chỉ lưu thông tin đăng ký của văn bản này, chưa có toàn văn.*", ""]
        )
    out += ["</div>", ""]  # the searched part ends with the official text
    out += history_section(entry, view, log)
    return "\n".join(out)


def official(entry: Entry, view: View, refs: list[Reference], here: str) -> list[str]:
    """The official text laid out as the paper; the parts its body lacks drawn from the front matter around it."""
    paper = find_paper(entry.body)
    if entry.doc.body_format == "plain":
        text = linked_body(entry, refs, here)  # the paper's own lines, columns spaced as typed
    else:
        text = paper_body(entry, refs, here, paper)
    out = [] if paper.has_header else drawn_header(entry, view, with_title=not paper.title)
    out += ['<div class="kh-official" markdown>', "", text.strip("\n"), "", "</div>", ""]
    if not paper.close_right:  # no signature in the body: drawn, and «Nơi nhận» too unless the body has it
        out += drawn_closing(entry, with_recipients=not paper.close_left)
    return out
