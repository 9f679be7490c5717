"""Where an imported document goes: plans/<issuer>/<name>.md, the name made from what identifies it.

A numbered document is named by type, number and year (`kh-90-2023`), as the checker expects; an outline
after the plan it is attached to (`dc-kh-187-2024`); an unnumbered one by type, date and subject
(`bc-2024-06-20-ket-qua-2-nam-thuc-hien`), so that two unnumbered documents of one organisation never
share a name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..model.repository import FOLDER_OF_KIND
from ..text.doctypes import expected_name, type_slug
from ..text.symbols import read_symbol
from ..text.unicode import slugify

SUBJECT_WORDS = 7  # words of the subject in an unnumbered document's name


def _year(front: dict[str, Any]) -> int | None:
    date = front.get("date")
    if isinstance(date, dt.date):
        return date.year
    attached = next((r for r in front.get("relations", []) if r["type"] == "attached_to"), None)
    return attached["date"].year if attached and isinstance(attached.get("date"), dt.date) else None


def file_name(front: dict[str, Any]) -> str:
    kind = type_slug(front["type"])
    numbered = expected_name(front["type"], front.get("number"), _year(front))
    if numbered and front["type"] != "ĐC":
        return numbered
    attached = next((r["target"] for r in front.get("relations", []) if r["type"] == "attached_to"), None)
    cited = read_symbol(attached) if attached else None
    if cited is not None:
        year = _year(front)
        return f"{kind}-{type_slug(cited.type or cited.type_written)}-{cited.number}" + (f"-{year}" if year else "")
    subject = "-".join(slugify(front.get("title") or "").split("-")[:SUBJECT_WORDS]) or "khong-trich-yeu"
    date = front.get("date")
    return f"{kind}-{date.isoformat()}-{subject}" if isinstance(date, dt.date) else f"{kind}-{subject}"


def target_path(front: dict[str, Any], issuer: str) -> Path:
    folder = FOLDER_OF_KIND["outline" if front["type"] == "ĐC" else "plan"]
    return Path(folder) / issuer / f"{file_name(front)}.md"


def free_path(root: Path, wanted: Path, numbered: bool) -> Path:
    """`wanted`, or for an unnumbered document whose name is taken, the same name with «-2», «-3» …"""
    if numbered or not (root / wanted).exists():
        return wanted
    n = 2
    while (root / wanted.with_name(f"{wanted.stem}-{n}.md")).exists():
        n += 1
    return wanted.with_name(f"{wanted.stem}-{n}.md")
