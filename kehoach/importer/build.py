"""Assemble the repository file: front matter (with its review list) and the official body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..findings import Severity
from ..model.read import load_organizations
from ..model.repository import FOLDER_OF_KIND
from ..model.schema import Document
from ..text.doctypes import expected_name, type_slug
from ..text.unicode import slugify
from .extract import extract
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
    "signer",
    "recipients",
    "confidentiality",
    "urgency",
    "relations",
    "tasks",
    "targets",
    "source",
    "review",
]


@dataclass
class Imported:
    source: Source
    front: dict[str, Any]
    path: Path  # relative to the repository root
    text: str

    @property
    def review(self) -> list[dict[str, Any]]:
        return list(self.front.get("review", []))


def target_path(front: dict[str, Any], kind: str) -> Path:
    folder = FOLDER_OF_KIND["outline" if kind == "outline" else "plan"]
    date = front.get("date")
    name = expected_name(front["type"], front.get("number"), date.year if date else None)
    if kind == "outline":
        attached = next((r["target"] for r in front.get("relations", []) if r["type"] == "attached_to"), None)
        if attached:
            num, _, rest = attached.partition("-")
            name = f"dc-{type_slug(rest.split('/')[0])}-{num}" + (f"-{date.year}" if date else "")
    if not name:
        title = slugify(front.get("title") or "van-ban")[:40].rsplit("-", 1)[0]
        name = f"{type_slug(front['type'])}-{title}"
    return Path(folder) / str(front["issuer"]) / f"{name}.md"


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
    found = extract(source.text, tree, org)
    front = found.front
    if not front.get("issuer"):
        raise ImportRefused(
            f"{path.name}: không xác định được tổ chức ban hành từ đầu văn bản; "
            "ghi rõ bằng --org MÃ-TỔ-CHỨC (xem organizations.yml)."
        )
    front["source"] = path.name
    review = [{"field": f, "candidate": None, "reason": r} for f, r in source.notes] + found.review
    if review:
        front["review"] = review
    Document.model_validate(dict(front))  # what we write must load
    body = source.text if source.text.endswith("\n") else source.text + "\n"
    kind = "outline" if front["type"] == "ĐC" else "plan"
    return Imported(source, front, target_path(front, kind), render(front, body))
