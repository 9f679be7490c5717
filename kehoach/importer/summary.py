"""What an import run did, in Vietnamese Markdown for the clerk: the files written, what to review, what was
refused and why. The Word-in workflow writes it into the job summary ($GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..text.doctypes import type_name
from ..text.unicode import nfc
from .build import Imported

FIELD_LABELS = {
    "type": "Loại văn bản",
    "number": "Số",
    "issuer": "Tổ chức ban hành",
    "issuer_code": "Mã cơ quan trong số hiệu",
    "issuing_body": "Cơ quan ban hành",
    "date": "Ngày ban hành",
    "place": "Nơi ban hành",
    "title": "Trích yếu",
    "signer": "Người ký",
    "recipients": "Nơi nhận",
    "confidentiality": "Độ mật",
    "urgency": "Độ khẩn",
    "tasks": "Nhiệm vụ",
    "body_format": "Cách đọc toàn văn",
    "source": "Tệp gốc",
}


@dataclass
class Outcome:
    """One input file: what became of it."""

    name: str
    imported: Imported | None = None
    written: Path | None = None  # where the file was written, relative to the output root
    problem: str | None = None  # why it was refused or not written


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|") if text not in (None, "") else "—"


def _about(imported: Imported) -> str:
    front = imported.front
    date = front.get("date")
    parts = [
        type_name(front["type"]),
        front.get("symbol_as_written") or "không số",
        date.strftime("%d/%m/%Y") if isinstance(date, dt.date) else "không ghi ngày",
        front.get("issuer") or f"«{imported.issuer_name}» (chưa có trong organizations.yml)",
    ]
    return " · ".join(str(p) for p in parts)


def _reviews(imported: Imported) -> list[str]:
    items = imported.review
    if not items:
        return ["Không có mục nào cần xem lại.", ""]
    lines = [
        f"Cần xem lại {len(items)} mục (trong «review:» ở đầu tệp):",
        "",
        "| Trường | Đề xuất | Lý do |",
        "|---|---|---|",
    ]
    for item in items:
        field = str(item["field"])
        label = FIELD_LABELS.get(field.split(".")[0], field)
        reason = str(item["reason"]).split("\n", 1)[0]
        lines.append(f"| {_cell(label)} (`{field}`) | {_cell(item.get('candidate'))} | {_cell(reason)} |")
    return [*lines, ""]


def summary_markdown(outcomes: list[Outcome]) -> str:
    out = ["## Chuyển văn bản vào kho", ""]
    written = [o for o in outcomes if o.written is not None]
    out += [f"{len(written)} trên {len(outcomes)} tệp đã chuyển thành tệp của kho.", ""]
    for o in outcomes:
        if o.imported is None or o.written is None:
            out += [f"### «{o.name}»: không chuyển được", "", f"> {_cell(o.problem)}", ""]
            continue
        out += [f"### «{o.name}» → `{o.written.as_posix()}`", "", _about(o.imported), ""]
        out += _reviews(o.imported)
        if o.imported.proposal is not None:
            out += [
                "Tổ chức ban hành chưa có trong organizations.yml. Thêm vào organizations.yml (sửa cho đúng):",
                "",
                "```yaml",
                o.imported.proposal.block(),
                "```",
                "",
            ]
    if written:
        out += [
            "Tải gói «van-ban-da-chuyen» ở cuối trang này, giải nén và đưa các tệp vào đúng thư mục trong đề xuất "
            "sửa đổi (xem CONTRIBUTING.md, mục «Đưa văn bản Word vào kho»). Sửa các mục cần xem lại rồi xóa mục "
            "đó khỏi «review:». Xóa tệp Word khỏi thư mục nhap/ trước khi hợp nhất.",
            "",
        ]
    return nfc("\n".join(out))
