"""Command line: `kehoach check`, `normalize`, `schema`, `export`, `new`, `import`, `review`.

Each command lives in a module of its own, imported only when that command runs: `kehoach check`
does not pay for the Word reader or the calendar library.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from pathlib import Path
from typing import NoReturn

from .. import __version__

# command -> module whose run(args) carries it out
COMMANDS = {
    "check": "check",
    "normalize": "normalize",
    "schema": "schema",
    "export": "export",
    "new": "new",
    "import": "import_files",
    "review": "review",
}


class VietnameseParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own messages are English; say it in Vietnamese
        self.print_usage(sys.stderr)
        self.exit(2, f"kehoach: lỗi tham số: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày «{text}» không hợp lệ, cần dạng NĂM-THÁNG-NGÀY, ví dụ 2023-03-01"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="kehoach", description="Kho kế hoạch: kiểm tra và xuất bản văn bản của cấp ủy.")
    parser.add_argument("--version", action="version", version=f"kehoach {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=VietnameseParser)

    check = sub.add_parser("check", help="Kiểm tra tham chiếu, ngày tháng và thời hạn trong kho văn bản.")
    check.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    check.add_argument(
        "--as-of", type=_date, default=None, help="Ngày dùng để xét quá hạn, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay)."
    )
    check.add_argument(
        "--format",
        choices=["text", "json", "github", "gitlab", "markdown"],
        default="text",
        help="Định dạng báo cáo (github: chú thích trên dòng của pull request; gitlab: báo cáo Code Quality của "
        "merge request; markdown: bảng cho tóm tắt của việc định kỳ).",
    )
    check.add_argument(
        "--output",
        type=Path,
        default=None,
        help="Ghi báo cáo vào tệp này (ghi trọn vẹn hoặc không ghi); màn hình vẫn hiện các phát hiện.",
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "overdue", "warning"],
        default="error",
        help="error: chỉ lỗi làm thất bại (mặc định); overdue: cả nhiệm vụ quá hạn (báo cáo hằng ngày); "
        "warning: mọi cảnh báo. Phát hiện chỉ do ngày tháng trôi qua (quá hạn) chỉ làm thất bại với overdue.",
    )
    check.add_argument(
        "--files",
        nargs="*",
        type=Path,
        default=None,
        help="Chỉ báo các phát hiện trong những tệp này (vẫn nạp cả kho để xác định tham chiếu).",
    )
    check.add_argument("--show-acknowledged", action="store_true", help="Hiện cả các phát hiện đã được ghi nhận.")
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="Đọc lại mọi tệp, không dùng bộ nhớ đệm (~/.cache/kehoach) của lần chạy trước.",
    )

    normalize = sub.add_parser("normalize", help="Chuẩn hóa tệp về Unicode NFC (không đổi chữ nào của lời văn).")
    normalize.add_argument(
        "files", nargs="+", type=Path, help="Các tệp cần chuẩn hóa; thư mục thì chuẩn hóa mọi tệp .md, .yml trong đó."
    )
    normalize.add_argument("--check", action="store_true", help="Chỉ báo tệp nào chưa chuẩn, không ghi.")

    schema = sub.add_parser("schema", help="Xuất JSON Schema của phần đầu văn bản và organizations.yml.")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="Thư mục ghi tệp (mặc định: schema/).")
    new = sub.add_parser("new", help="Tạo tệp văn bản mới đúng tên, đúng phần đầu, để điền tiếp.")
    new.add_argument(
        "kind",
        choices=["plan", "outline", "resolution"],
        help="plan: kế hoạch; outline: đề cương; resolution: văn bản cấp trên.",
    )
    new.add_argument("--org", required=True, help="Mã tổ chức ban hành trong organizations.yml, ví dụ duk-hanoi-dh.")
    new.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    new.add_argument("--date", type=_date, default=None, help="Ngày ban hành, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay).")
    new.add_argument("--number", type=int, default=None, help="Số văn bản (mặc định: số kế tiếp trong nhiệm kỳ).")
    new.add_argument("--type", default=None, help="Mã loại khi khác mặc định (KH, ĐC, NQ), ví dụ CTr, KL, CT.")
    new.add_argument("--title", default=None, help="Trích yếu.")
    new.add_argument(
        "--attached-to", default=None, help="Đề cương: số hiệu kế hoạch mà đề cương kèm theo, ví dụ 90-KH/ĐUK."
    )
    new.add_argument(
        "--implements",
        action="append",
        default=None,
        metavar="SỐ-HIỆU",
        help="Văn bản mà văn bản mới thực hiện, ví dụ 21-NQ/TW (kèm «, ngày 16/6/2022» nếu số hiệu lặp lại "
        "qua các nhiệm kỳ); ghi nhiều lần nếu thực hiện nhiều văn bản. Bỏ trống thì được hỏi khi chạy tại màn hình.",
    )

    rev = sub.add_parser(
        "review",
        help="Ghi nhận đã đối chiếu văn bản với các văn bản nó thực hiện, trích dẫn (xóa phát hiện R113 đến lần "
        "văn bản cấp trên thay đổi tiếp).",
    )
    rev.add_argument(
        "files", nargs="+", type=Path, help="Tệp văn bản đã xem lại, ví dụ plans/duk-hanoi-dh/kh-74-2022.md."
    )
    rev.add_argument(
        "--target",
        action="append",
        default=None,
        metavar="SỐ-HIỆU",
        help="Chỉ ghi nhận với văn bản này (số hiệu hoặc khóa); ghi nhiều lần nếu cần. Mặc định: mọi văn bản nó theo.",
    )
    rev.add_argument("--note", default=None, help="Ghi chú: đã xem gì, có phải sửa gì không.")
    rev.add_argument("--on", type=_date, default=None, help="Ngày xem lại, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay).")
    rev.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")

    imp = sub.add_parser("import", help="Nhập văn bản có sẵn (.docx, .txt, .md) thành tệp của kho, không mất chữ nào.")
    imp.add_argument(
        "files", nargs="+", type=Path, help="Các tệp cần nhập; một thư mục (như nhap/) là mọi tệp .docx, .txt trong đó."
    )
    imp.add_argument("--org", default=None, help="Mã tổ chức ban hành (mặc định: suy ra từ đầu văn bản).")
    imp.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    imp.add_argument(
        "--out", type=Path, default=None, help="Ghi vào thư mục này thay vì vào kho (giữ cấu trúc plans/…)."
    )
    imp.add_argument("--dry-run", action="store_true", help="Chỉ in kết quả ra màn hình, không ghi tệp.")
    imp.add_argument(
        "--summary",
        type=Path,
        default=None,
        help="Ghi thêm bản tóm tắt (Markdown: tệp đã ghi, mục cần xem lại) vào tệp này, ví dụ $GITHUB_STEP_SUMMARY.",
    )

    export = sub.add_parser(
        "export",
        help="Xuất lịch thời hạn (.ics), sổ đăng ký (registry.json), bảng nhiệm vụ (.csv), tin thay đổi (.atom).",
    )
    export.add_argument("what", choices=["ics", "registry", "csv", "atom", "all"], help="Tệp cần xuất.")
    export.add_argument(
        "--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại)."
    )
    export.add_argument(
        "--out", type=Path, default=Path("build/du-lieu"), help="Thư mục ghi tệp (mặc định: build/du-lieu)."
    )
    export.add_argument(
        "--as-of", type=_date, default=None, help="Ngày xét trạng thái, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay)."
    )
    export.add_argument("--site-url", default=None, help="Địa chỉ gốc của trang web, để liên kết tới trang văn bản.")
    export.add_argument("--internal", action="store_true", help="Bản nội bộ: gồm cả văn bản mật. Không công bố.")
    return parser


LIST_OPTIONS = {"files", "target"}  # the options that take several values; every other one takes exactly one


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, value in vars(args).items():
        # Python 3.11's argparse turns the value «--» (`--org=--`) into an empty list, past any type check
        if value == [] and name not in LIST_OPTIONS:
            parser.error(f"tham số --{name.replace('_', '-')} cần một giá trị, không phải «--»")
    command = importlib.import_module(f"{__name__}.{COMMANDS[args.command]}")
    try:
        return int(command.run(args))
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        print(f"kehoach: không đọc/ghi được tệp: {e.filename or ''} ({e.strerror})", file=sys.stderr)
        return 2
