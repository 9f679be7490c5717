"""Export JSON Schemas so editors can complete and validate front matter and organizations.yml."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .registry_schema import Registry
from .schema import Document, OrganizationsFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "document.schema.json": (Document, "Phần đầu (front matter) của một văn bản trong kho kehoach"),
    "organizations.schema.json": (OrganizationsFile, "Tệp organizations.yml: cây tổ chức"),
    "registry.schema.json": (Registry, "Sổ đăng ký văn bản kehoach (registry.json), để kho khác dẫn chiếu"),
}


def render(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model, title) in SCHEMAS.items():
        path = out / name
        path.write_text(render(model, title), encoding="utf-8")
        written.append(path)
    return written
