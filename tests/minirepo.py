"""Build small repositories in a temporary folder for unit tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

ORGS = {
    "organizations": [
        {
            "key": "tw",
            "name": "Trung ương",
            "level": "central",
            "codes": ["TW"],
            "terms": [
                {
                    "id": "xii",
                    "label": "khóa XII",
                    "ordinal": 12,
                    "start_year": 2016,
                    "end_year": 2021,
                    "start": "2016-01-26",
                    "end": "2021-01-29",
                },
                {
                    "id": "xiii",
                    "label": "khóa XIII",
                    "ordinal": 13,
                    "start_year": 2021,
                    "end_year": 2026,
                    "start": "2021-01-30",
                },
            ],
            "units": [{"key": "ban-to-chuc", "name": "Ban Tổ chức Trung ương", "codes": ["BTCTW"]}],
        },
        {"key": "tu-a", "name": "Tỉnh ủy A", "level": "province", "parent": "tw", "codes": ["TU"]},
        {"key": "tu-b", "name": "Tỉnh ủy B", "level": "province", "parent": "tw", "codes": ["TU"]},
        {
            "key": "duk-a",
            "name": "Đảng ủy Khối A",
            "level": "bloc",
            "parent": "tu-a",
            "codes": ["ĐUK"],
            "terms": [{"id": "nk", "label": "nhiệm kỳ 2020 - 2025", "start_year": 2020, "end_year": 2025}],
            "units": [
                {"key": "van-phong", "name": "Văn phòng"},
                {"key": "tccs", "name": "Cơ sở", "kind": "subordinates"},
            ],
        },
        {
            "key": "duk-b",
            "name": "Đảng ủy Khối B",
            "level": "bloc",
            "parent": "tu-b",
            "codes": ["ĐUK"],
            "terms": [{"id": "nk", "label": "nhiệm kỳ 2020 - 2025", "start_year": 2020, "end_year": 2025}],
            "units": [{"key": "van-phong", "name": "Văn phòng"}],
        },
    ]
}


def write_doc(root: Path, folder: str, key: str, front: dict, body: str = "") -> Path:
    path = root / folder / f"{key}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body, encoding="utf-8"
    )
    return path


def make_repo(root: Path, orgs: dict | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "organizations.yml").write_text(yaml.safe_dump(orgs or ORGS, allow_unicode=True), encoding="utf-8")
    return root


def stub(root: Path, org: str, type_: str, number: str, date: str | None, **extra) -> Path:
    name = f"{type_.lower().replace('đ', 'd').replace('Đ', 'd')}-{number}" + (f"-{date[:4]}" if date else "")
    front = {"type": type_, "number": number, "issuer": org} | ({"date": date} if date else {}) | extra
    return write_doc(root, "resolutions", f"{org}/{name}", front)


def commit(root: Path, message: str, day: str) -> None:
    """Commit everything in `root` (a git repository made on first use) as of `day` (YYYY-MM-DD)."""
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{day}T12:00:00+07:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+07:00")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(
        ["git", "-c", "user.name=Văn phòng", "-c", "user.email=vp@example.invalid", "commit", "-q", "-m", message],
        cwd=root,
        check=True,
        env=env,
    )
