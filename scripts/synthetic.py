"""Synthetic repositories for benchmarks: realistic organisations, citations and tasks.

Every generated document is valid: a clean synthetic repository checks with no errors,
so the benchmark measures the checker's normal path, not its error path.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
from pathlib import Path

import yaml

FILLER = (
    "Quán triệt, triển khai thực hiện có hiệu quả các quan điểm, mục tiêu, nhiệm vụ, giải pháp; "
    "nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ đảng viên; "
    "tăng cường công tác kiểm tra, giám sát, kịp thời biểu dương các tổ chức cơ sở đảng thực hiện tốt. "
)
UNITS = [
    ("ban-to-chuc", "Ban Tổ chức Đảng ủy Khối"),
    ("ban-tuyen-giao", "Ban Tuyên giáo Đảng ủy Khối"),
    ("ubkt", "Ủy ban Kiểm tra Đảng ủy Khối"),
    ("van-phong", "Văn phòng Đảng ủy Khối"),
]
CENTRAL = [
    ("NQ", "Nghị quyết", 21, dt.date(2022, 6, 16)),
    ("KL", "Kết luận", 21, dt.date(2021, 10, 25)),
    ("KL", "Kết luận", 1, dt.date(2021, 5, 18)),
    ("CT", "Chỉ thị", 5, dt.date(2016, 5, 15)),
]


def _organizations(provinces: int, blocs: int) -> dict:
    orgs = [
        {
            "key": "tw",
            "name": "Ban Chấp hành Trung ương Đảng",
            "level": "central",
            "codes": ["TW"],
            "terms": [
                {
                    "id": "khoa-xii",
                    "label": "khóa XII",
                    "ordinal": 12,
                    "start_year": 2016,
                    "end_year": 2021,
                    "start": "2016-01-26",
                    "end": "2021-01-29",
                },
                {
                    "id": "khoa-xiii",
                    "label": "khóa XIII",
                    "ordinal": 13,
                    "start_year": 2021,
                    "end_year": 2026,
                    "start": "2021-01-30",
                },
            ],
        }
    ]
    for p in range(provinces):
        tu = f"tu-p{p:02d}"
        orgs.append(
            {
                "key": tu,
                "name": f"Tỉnh ủy số {p}",
                "level": "province",
                "parent": "tw",
                "codes": ["TU"],
                "terms": [{"id": "nk", "label": "nhiệm kỳ 2020 - 2025", "start_year": 2020, "end_year": 2025}],
                "units": [{"key": "btv", "name": "Ban Thường vụ Tỉnh ủy", "kind": "organ"}],
            }
        )
        for b in range(blocs):
            orgs.append(
                {
                    "key": f"duk-p{p:02d}-b{b:02d}",
                    "name": f"Đảng ủy Khối {b} tỉnh {p}",
                    "level": "bloc",
                    "parent": tu,
                    "codes": ["ĐUK"],
                    "terms": [{"id": "nk", "label": "nhiệm kỳ 2020 - 2025", "start_year": 2020, "end_year": 2025}],
                    "units": [{"key": "btv", "name": "Ban Thường vụ Đảng ủy Khối", "kind": "organ"}]
                    + [{"key": k, "name": n} for k, n in UNITS]
                    + [{"key": "tccs", "name": "Cấp ủy các tổ chức cơ sở đảng trực thuộc", "kind": "subordinates"}],
                }
            )
    return {"organizations": orgs}


def _write(path: Path, front: dict, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body
    path.write_text(text, encoding="utf-8")


def generate(root: Path, n_documents: int, seed: int = 1) -> Path:
    """Write a repository of about `n_documents` documents under `root`."""
    rng = random.Random(seed)
    provinces = max(1, round((n_documents / 60) ** 0.5))
    blocs = max(1, round(n_documents / 60 / provinces))
    root.mkdir(parents=True, exist_ok=True)
    (root / "organizations.yml").write_text(
        yaml.safe_dump(_organizations(provinces, blocs), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    written = 0
    for type_code, _, number, day in CENTRAL:
        _write(
            root / "resolutions" / "tw" / f"{type_code.lower()}-{number:02d}-{day.year}.md",
            {"type": type_code, "number": f"{number:02d}", "issuer": "tw", "date": day.isoformat()},
            "",
        )
        written += 1
    province_plans = []
    for p in range(provinces):
        day = dt.date(2022, 9, 1) + dt.timedelta(days=p)
        _write(
            root / "resolutions" / f"tu-p{p:02d}" / f"kh-{100 + p}-{day.year}.md",
            {
                "type": "KH",
                "number": str(100 + p),
                "issuer": f"tu-p{p:02d}",
                "date": day.isoformat(),
                "title": "về thực hiện Nghị quyết số 21-NQ/TW",
            },
            "",
        )
        province_plans.append((100 + p, day))
        written += 1
    keys = [f"duk-p{p:02d}-b{b:02d}" for p in range(provinces) for b in range(blocs)]
    counters = dict.fromkeys(keys, 0)
    while written < n_documents:
        org = keys[written % len(keys)]
        p = int(org[5:7])
        counters[org] += 1
        number = counters[org]
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
        tu_number, tu_day = province_plans[p]
        t, word, n, cited = rng.choice(CENTRAL)
        tasks, paragraphs = [], []
        for i, (unit, unit_name) in enumerate(rng.sample(UNITS, 3)):
            due = day + dt.timedelta(days=20 + 15 * i)
            phrase = f"trước ngày {due.day}/{due.month}/{due.year}"
            paragraphs.append(
                f"{i + 1}. {unit_name} chủ trì xây dựng báo cáo chuyên đề số {i + 1}, "
                f"hoàn thành **{phrase}**.\n\n{FILLER * 2}\n"
            )
            tasks.append(
                {
                    "id": f"nv-{i + 1}",
                    "title": f"Báo cáo chuyên đề số {i + 1}",
                    "owner": unit,
                    "co_owners": ["tccs"],
                    "deliverable": f"Báo cáo chuyên đề số {i + 1}",
                    "deadline": phrase,
                }
            )
        body = (
            f"**KẾ HOẠCH**\n\nThực hiện Kế hoạch số {tu_number}-KH/TU, ngày {tu_day.day}/{tu_day.month}/{tu_day.year} "
            f"của Ban Thường vụ Tỉnh ủy về thực hiện {word} số {n:02d}-{t}/TW, ngày {cited.day}/{cited.month}/{cited.year} "
            f"của Ban Chấp hành Trung ương, Ban Thường vụ Đảng ủy Khối xây dựng Kế hoạch như sau:\n\n"
            f"**I. MỤC ĐÍCH, YÊU CẦU**\n\n{FILLER * 3}\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n"
            + "\n".join(paragraphs)
            + "\nNơi nhận:\n\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Các tổ chức cơ sở đảng trực thuộc,\n- Lưu Văn phòng.\n"
        )
        front = {
            "type": "KH",
            "number": str(number),
            "issuer": org,
            "issuing_body": "Ban Thường vụ Đảng ủy Khối",
            "place": "Tỉnh",
            "date": day.isoformat(),
            "title": f"Kế hoạch tổng hợp số {number}",
            "signer": {"on_behalf": "T/M BAN THƯỜNG VỤ", "position": "BÍ THƯ", "name": "Nguyễn Văn A"},
            "recipients": [
                {"name": "Ban Thường vụ Tỉnh ủy", "purpose": "b/c"},
                {"name": "Các tổ chức cơ sở đảng trực thuộc", "purpose": "t/h"},
            ],
            "relations": [{"type": "implements", "target": f"{tu_number}-KH/TU", "date": tu_day.isoformat()}],
            "tasks": tasks,
        }
        _write(root / "plans" / org / f"kh-{number}-{day.year}.md", front, body)
        written += 1
    return root


_DEADLINE = re.compile(r"deadline: (trước ngày (\d+)/(\d+)/(\d+))")


def add_history(root: Path, rounds: int = 3, share: int = 5) -> None:
    """Make `root` a git repository with history: a first commit of everything, then `rounds` commits each
    moving the first deadline of one plan in `share` (task and text alike) and correcting a word in it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}

    def commit(message: str, day: dt.date) -> None:
        stamp = f"{day.isoformat()}T09:00:00+07:00"
        subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
        subprocess.run(
            ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m", message],
            cwd=root,
            check=True,
            env=env | {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
        )

    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
    commit("Kho ban đầu", dt.date(2023, 1, 1))
    plans = sorted((root / "plans").rglob("*.md"))
    for r in range(rounds):
        for path in plans[r % share :: share]:
            text = path.read_text(encoding="utf-8")
            found = _DEADLINE.search(text)
            if found is None:
                continue
            day, month, year = (int(found.group(i)) for i in (2, 3, 4))
            later = dt.date(year, month, day) + dt.timedelta(days=7)
            text = text.replace(found.group(1), f"trước ngày {later.day}/{later.month}/{later.year}")
            path.write_text(text.replace("chủ trì xây dựng báo cáo", "chủ trì soạn thảo báo cáo", 1), encoding="utf-8")
        commit(f"Lùi thời hạn, sửa lời văn (đợt {r + 1})", dt.date(2023, 2, 1 + r))
