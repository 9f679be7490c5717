"""registry.json: every document, relation and task, the inventory other committees resolve against.

Identifiers follow FRBR as Akoma Ntoso names them: the *work* (the document as issued, whatever its
form) and the *expression* (its Vietnamese text as of a date). Both derive from the type, issuer,
date and number, never from a file name, so they survive a repository reorganisation.
"""

from __future__ import annotations

import json

from ..checks import Context
from ..lifecycle import is_archived
from ..registry_model import FRBR, Registry, RegistryDocument, RegistryOrganization, RegistryRelation, RegistryTask
from ..site.format import symbol
from ..text import fold
from .rows import page_url, task_rows


def frbr(ctx: Context, entry) -> FRBR:
    d = entry.doc
    doc_type = fold(d.type).replace(" ", "")
    day = d.date.isoformat() if d.date else "khong-ngay"
    # A document without a number (seed 001) is named by its key, the only stable thing it has.
    number = d.number or entry.key.rpartition("/")[2]
    work = f"/akn/vn/doc/{doc_type}/{d.issuer}/{day}/{number}"
    return FRBR(work=work, expression=f"{work}/vie@{day}")


def build_registry(ctx: Context, site_url: str | None = None) -> Registry:
    from ..references import entry_code

    tree = ctx.repo.orgs
    tasks: dict[str, list[RegistryTask]] = {}
    for row in task_rows(ctx):
        t = row.located.task
        tasks.setdefault(row.entry.key, []).append(RegistryTask(
            id=t.id, title=t.title, owner=t.owner, co_owners=t.co_owners, applies_to=t.applies_to,
            deliverable=t.deliverable, deadline=t.deadline, due=row.due, status=t.status))
    documents = [RegistryDocument(
        key=e.key, kind=e.kind, type=e.doc.type, number=e.doc.number, symbol=symbol(e, tree), issuer=e.doc.issuer,
        issuer_code=entry_code(e, tree), date=e.doc.date, title=e.doc.title, archived=is_archived(e, tree, ctx.as_of),
        frbr=frbr(ctx, e), page=page_url(e, site_url), tasks=tasks.get(e.key, []))
        for e in sorted(ctx.repo.entries, key=lambda e: e.key)]
    organizations = [RegistryOrganization(key=o.key, name=o.name, parent=o.parent, level=o.level, codes=o.codes)
                     for o in tree.by_key.values()]
    relations = [RegistryRelation(source=edge.source, target=edge.target, type=edge.type) for edge in ctx.graph.edges]
    return Registry(as_of=ctx.as_of, site_url=site_url, organizations=organizations, documents=documents,
                    relations=relations)


def registry_json(ctx: Context, site_url: str | None = None) -> bytes:
    data = build_registry(ctx, site_url).model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

