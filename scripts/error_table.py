"""Write the «lỗi thường gặp» table of CONTRIBUTING.md from the checks registry (kehoach/findings.py).

Every code, its level, what it means and how a staff member fixes it: the registry is the one place these
are written, so the table cannot drift from what the checker says. A test fails when the file is stale.
Usage: python scripts/error_table.py   (rewrites the table between its two marker lines)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.findings import CHECKS, SEVERITY_VI  # noqa: E402  (the repository itself, not an installed copy)

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
BEGIN = "<!-- bảng mã lỗi: sinh từ kehoach/findings.py bằng scripts/error_table.py, không sửa tay -->"
END = "<!-- hết bảng mã lỗi -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    rows = [
        f"| {code.value} | {SEVERITY_VI[info.severity]} | {_cell(info.title)} | {_cell(info.fix)} |"
        for code, info in CHECKS.items()
    ]
    return "\n".join([BEGIN, "", "| Mã | Mức | Nghĩa | Cách sửa |", "|---|---|---|---|", *rows, "", END])


def current(text: str) -> str | None:
    """The table as the file holds it, markers included; None when the markers are missing."""
    start, end = text.find(BEGIN), text.find(END)
    return text[start : end + len(END)] if 0 <= start < end else None


def main() -> int:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    held = current(text)
    if held is None:
        print(f"CONTRIBUTING.md thiếu hai dòng đánh dấu bảng:\n{BEGIN}\n{END}", file=sys.stderr)
        return 1
    CONTRIBUTING.write_text(text.replace(held, render()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
