"""The relations an issued document declares in its own words.

- what it is attached to: the annex note under an outline's subject («(Kèm theo Kế hoạch số 187-KH/TU, …)»);
- what it implements: a subject «về thực hiện Nghị quyết số …», and the first document its opening clauses
  name («Thực hiện / Căn cứ / Triển khai / Tiếp tục thực hiện …»); every other document they name is cited;
- what it replaces, repeals or amends: «… thay thế Quy chế số 01-QC/ĐU».

A state document keeps its state form («03/NQ-CP», «749/QĐ-TTg»): the swapped form is a Party symbol only
when its issuer code is one of the organisation tree's.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model.orgs import OrgTree
from ..text.clauses import changes, opening_citations, title_implements
from ..text.plain import PlainText
from ..text.symbols import Citation, find_citations

Relation = dict[str, object]


def _target(c: Citation, tree: OrgTree, issuer: str | None) -> str:
    if c.tentative and (issuer is None or tree.resolve_code(issuer, c.code) is None):
        return re.sub(r"\s+", "", c.written)
    return c.symbol


def _read(text: str | None) -> tuple[str, list[Citation]]:
    """The text as citations are found in it (offsets refer to it) and its citations."""
    if not text:
        return "", []
    plain = PlainText(text)
    return plain.text, find_citations(plain)


def read_relations(
    tree: OrgTree, issuer: str | None, title: str | None, annex: str | None, opening: str, body: str
) -> list[Relation]:
    """The relations in order: attached_to, implements, cites, then replaces / repeals / amends.

    `opening` is the body from its first line after the subject (hard-wrapped lines joined), `body` the whole
    plain text."""
    found: list[tuple[str, Citation]] = []
    annexed = _read(annex)[1]
    if annexed:
        found.append(("attached_to", annexed[0]))
    title_text, titled = _read(title)
    found += [("implements", c) for c in title_implements(title_text, titled, leading=True)]
    named = opening_citations(*_read(opening))
    if named:
        found += [("implements", named[0])] + [("cites", c) for c in named[1:]]
    found += [(kind, c) for c, kind in changes(*_read(body))]
    relations: list[Relation] = []
    by_target: dict[str, Relation] = {}
    for kind, c in found:
        target = _target(c, tree, issuer)
        known = by_target.get(target)
        if known is not None:
            if known.get("date") is None and c.date is not None:
                known["date"] = c.date
            continue
        relation: Relation = {"type": kind, "target": target}
        if c.date is not None:
            relation["date"] = c.date
        by_target[target] = relation
        relations.append(relation)
    return relations


def attached_date(relations: list[Relation]) -> dt.date | None:
    """The date of the document this one is attached to, as the annex note gives it."""
    for r in relations:
        if r["type"] == "attached_to" and isinstance(r.get("date"), dt.date):
            date = r["date"]
            assert isinstance(date, dt.date)
            return date
    return None
