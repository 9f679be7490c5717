"""Markdown for document pages and the document index."""

from __future__ import annotations

import html
import posixpath
from collections import defaultdict

from ..dates import vn_long
from ..doctypes import type_name
from ..findings import Finding
from ..loader import Entry, Repository
from ..references import RELATION_LABELS, entry_code

KIND_FOLDER = {"plan": "ke-hoach", "outline": "de-cuong", "resolution": "so-dang-ky"}


def page_path(entry: Entry) -> str:
    """Stable page path derived from the document key: plans/duk-hanoi-dh/kh-90-2023 -> van-ban/duk-hanoi-dh/kh-90-2023.md"""
    return f"van-ban/{entry.key}.md"


def link(from_entry_path: str, to: Entry, text: str) -> str:
    rel = posixpath.relpath(page_path(to), posixpath.dirname(from_entry_path))
    return f"[{escape(text)}]({rel})"


def escape(text: str) -> str:
    """Plain text inside generated Markdown: no HTML, no Markdown emphasis surprises."""
    return html.escape(text, quote=False).replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")


def symbol(entry: Entry, ctx) -> str | None:
    d = entry.doc
    if not d.number:
        return None
    return f"{d.number}-{d.type}/{entry_code(entry, ctx.repo.orgs)}"


def heading(entry: Entry, ctx) -> str:
    sym = symbol(entry, ctx)
    name = type_name(entry.doc.type)
    return f"{name} {sym}" if sym else f"{name} {entry.doc.title or entry.key}"


def document_page(entry: Entry, ctx, findings: list[Finding]) -> str:
    d, tree = entry.doc, ctx.repo.orgs
    here = page_path(entry)
    rows = [
        ("Số hiệu", symbol(entry, ctx) or "chưa rõ"),
        ("Loại", type_name(d.type)),
        ("Cơ quan ban hành", d.issuing_body or tree.label(d.issuer)),
        ("Tổ chức", tree.label(d.issuer)),
        ("Nơi, ngày ban hành", ", ".join(x for x in (d.place, vn_long(d.date) if d.date else "ngày chưa rõ") if x)),
    ]
    if d.signer and (d.signer.name or d.signer.position):
        rows.append(("Người ký", " — ".join(x for x in (d.signer.on_behalf, d.signer.position, d.signer.name) if x)))
    out = [f"# {escape(heading(entry, ctx))}", ""]
    if d.title:
        out += [f"*{escape(d.title)}*", ""]
    out += ["| | |", "|---|---|"] + [f"| {k} | {escape(v)} |" for k, v in rows] + [""]

    errata = [f for f in findings if f.document == entry.key and f.acknowledged]
    for f in errata:
        out += [f'!!! note "Ghi chú đính chính ({f.code})"', f"    {escape(f.acknowledged)}", ""]

    by_key = {e.key: e for e in ctx.repo.entries}
    for rel_type, (forward, backward) in RELATION_LABELS.items():
        outgoing = [by_key[t] for t in ctx.graph.targets(entry.key, rel_type)]
        incoming = [by_key[s] for s in ctx.graph.sources(entry.key, rel_type)]
        if outgoing:
            out += [f"## {forward}", ""] + [f"- {link(here, t, heading(t, ctx))}" for t in outgoing] + [""]
        if incoming:
            out += [f"## {backward}", ""] + [f"- {link(here, s, heading(s, ctx))}" for s in incoming] + [""]

    if entry.body.strip():
        out += ["## Toàn văn", "", entry.body.strip("\n"), ""]
    return "\n".join(out)


def home_page(repo: Repository, ctx) -> str:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in repo.entries:
        groups[e.doc.issuer].append(e)
    out = ["# Văn bản theo tổ chức", ""]
    for org_key in repo.orgs.by_key:
        if org_key not in groups:
            continue
        out += [f"## {escape(repo.orgs.label(org_key))}", ""]
        for e in sorted(groups[org_key], key=lambda e: (e.doc.date is None, e.doc.date, e.key)):
            out.append(f"- {link('van-ban/index.md', e, heading(e, ctx))}" + (f" — {vn_long(e.doc.date)}" if e.doc.date else ""))
        out.append("")
    return "\n".join(out)
