"""registry.json: every document, relation and task, the inventory other committees resolve against.

Identifiers follow FRBR as Akoma Ntoso names them: the *work* (the document as issued, whatever its
form) and the *expression* (its Vietnamese text as of a date). Both derive from the type, issuer,
date and number, never from a file name, so they survive a repository reorganisation.
"""

from __future__ import annotations

import json

from ..model.entry import Entry
from ..model.registry_schema import (
    FRBR,
    Registry,
    RegistryDocument,
    RegistryOrganization,
    RegistryRelation,
    RegistryTask,
)
from ..model.view import View
from ..text.unicode import fold
from .rows import task_rows


def frbr(entry: Entry) -> FRBR:
    d = entry.doc
    doc_type = fold(d.type).replace(" ", "")
    day = d.date.isoformat() if d.date else "khong-ngay"
    # A document without a number (seed 001) is named by its key, the only stable thing it has.
    number = d.number or entry.key.rpartition("/")[2]
    work = f"/akn/vn/doc/{doc_type}/{d.issuer}/{day}/{number}"
    return FRBR(work=work, expression=f"{work}/vie@{day}")


def build_registry(view: View, site_url: str | None = None) -> Registry:
    tree = view.tree
    tasks: dict[str, list[RegistryTask]] = {}
    for row in task_rows(view):
        t = row.located.task
        tasks.setdefault(row.entry.key, []).append(
            RegistryTask(
                id=t.id,
                title=t.title,
                owner=t.owner,
                co_owners=t.co_owners,
                applies_to=t.applies_to,
                deliverable=t.deliverable,
                deadline=t.deadline,
                due=row.due,
                status=t.status,
            )
        )
    documents = [
        RegistryDocument(
            key=e.key,
            kind=e.kind,
            type=e.doc.type,
            number=e.doc.number,
            symbol=e.symbol(view.tree),
            issuer=e.doc.issuer,
            issuer_code=e.issuer_code(tree),
            date=e.doc.date,
            title=e.doc.title,
            archived=view.archived(e),
            frbr=frbr(e),
            page=e.page_url(site_url),
            tasks=tasks.get(e.key, []),
        )
        for e in sorted(view.repo.entries, key=lambda e: e.key)
    ]
    organizations = [
        RegistryOrganization(key=o.key, name=o.name, parent=o.parent, level=o.level, codes=o.codes)
        for o in tree.by_key.values()
    ]
    relations = [RegistryRelation(source=edge.source, target=edge.target, type=edge.type) for edge in view.graph.edges]
    return Registry(
        as_of=view.as_of, site_url=site_url, organizations=organizations, documents=documents, relations=relations
    )


def registry_json(view: View, site_url: str | None = None) -> bytes:
    data = build_registry(view, site_url).model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
