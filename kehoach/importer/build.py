"""Assemble the repository file: front matter (with its review list) and the official body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..findings import Severity
from ..model.read import load_organizations
from ..model.schema import Document
from .extract import extract
from .issuer import Proposal
from .naming import target_path
from .readers import ImportRefused, Source, read_source

ORDER = [
    "type",
    "number",
    "issuer",
    "issuer_code",
    "symbol_as_written",
    "issuing_body",
    "place",
    "date",
    "title",
    "addressees",
    "signer",
    "recipients",
    "confidentiality",
    "urgency",
    "relations",
    "tasks",
    "targets",
    "body_format",
    "source",
    "review",
]


@dataclass
class Imported:
    source: Source
    front: dict[str, Any]  # what the importer read; `issuer` is None when organizations.yml lacks the issuer
    path: Path  # relative to the repository root
    text: str  # the file: front matter (an unknown issuer under its proposed key) and body
    issuer_name: str | None = None  # the name the header block reads
    proposal: Proposal | None = None  # an organizations.yml entry for an issuer to add

    @property
    def review(self) -> list[dict[str, Any]]:
        return list(self.front.get("review", []))

    @property
    def numbered(self) -> bool:
        return bool(self.front.get("number"))


def render(front: dict[str, Any], body: str) -> str:
    ordered = {k: front[k] for k in ORDER if k in front and front[k] not in (None, [], {})}
    yaml_text = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=110)
    return "---\n# yaml-language-server: $schema=../../schema/document.schema.json\n" + yaml_text + "---\n" + body


def import_file(path: Path, root: Path, org: str | None = None) -> Imported:
    tree, problems = load_organizations(root)
    if any(f.severity == Severity.ERROR for f in problems):
        raise ImportRefused("organizations.yml có lỗi; chạy «kehoach check» và sửa trước khi nhập văn bản.")
    if org is not None and org not in tree:
        raise ImportRefused(f"Không có tổ chức «{org}» trong organizations.yml.")
    source = read_source(path)
    found = extract(source.text, tree, org, source.layout)
    front = found.front
    issuer = front.get("issuer") or (found.proposal.key if found.proposal else None)
    if issuer is None:
        where = f"đầu văn bản ghi «{found.issuer_name}»" if found.issuer_name else "đầu văn bản không ghi tên tổ chức"
        choices = f" (có thể là: {', '.join(found.candidates)})" if found.candidates else ""
        raise ImportRefused(
            f"{path.name}: không xác định được tổ chức ban hành ({where}); ghi rõ bằng --org MÃ-TỔ-CHỨC{choices}."
        )
    front["body_format"] = source.body_format
    front["source"] = path.name
    review = [{"field": f, "candidate": None, "reason": r} for f, r in source.notes] + found.review.items
    if review:
        front["review"] = review
    written = dict(front, issuer=issuer)  # an issuer to add to organizations.yml is written under its proposed key
    Document.model_validate(written)  # what we write must load
    body = source.text if source.text.endswith("\n") else source.text + "\n"
    return Imported(
        source, front, target_path(written, issuer), render(written, body), found.issuer_name, found.proposal
    )
