"""Command line: `kehoach check`, `kehoach normalize`, `kehoach schema`, `kehoach export`, `kehoach new`, `kehoach import`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import __version__


class VietnameseParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English; say it in Vietnamese
        self.print_usage(sys.stderr)
        self.exit(2, f"kehoach: lỗi tham số: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày «{text}» không hợp lệ, cần dạng NĂM-THÁNG-NGÀY, ví dụ 2023-03-01") from None


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="kehoach", description="Kho kế hoạch: kiểm tra và xuất bản văn bản của cấp ủy.")
    parser.add_argument("--version", action="version", version=f"kehoach {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=VietnameseParser)

    check = sub.add_parser("check", help="Kiểm tra tham chiếu, ngày tháng và thời hạn trong kho văn bản.")
    check.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    check.add_argument("--as-of", type=_date, default=None, help="Ngày dùng để xét quá hạn, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay).")
    check.add_argument("--format", choices=["text", "json", "github", "markdown"], default="text",
                       help="Định dạng báo cáo (markdown: bảng cho tóm tắt của việc định kỳ).")
    check.add_argument("--fail-on", choices=["error", "overdue", "warning"], default="error",
                       help="error: chỉ lỗi làm thất bại (mặc định); overdue: cả nhiệm vụ quá hạn; warning: mọi cảnh báo.")
    check.add_argument("--files", nargs="*", type=Path, default=None,
                       help="Chỉ báo các phát hiện trong những tệp này (vẫn nạp cả kho để xác định tham chiếu).")
    check.add_argument("--show-acknowledged", action="store_true", help="Hiện cả các phát hiện đã được ghi nhận.")
    check.add_argument("--no-cache", action="store_true",
                       help="Đọc lại mọi tệp, không dùng bộ nhớ đệm (~/.cache/kehoach) của lần chạy trước.")

    normalize = sub.add_parser("normalize", help="Chuẩn hóa tệp về Unicode NFC (không đổi chữ nào của lời văn).")
    normalize.add_argument("files", nargs="+", type=Path, help="Các tệp cần chuẩn hóa.")
    normalize.add_argument("--check", action="store_true", help="Chỉ báo tệp nào chưa chuẩn, không ghi.")

    schema = sub.add_parser("schema", help="Xuất JSON Schema của phần đầu văn bản và organizations.yml.")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="Thư mục ghi tệp (mặc định: schema/).")
    new = sub.add_parser("new", help="Tạo tệp văn bản mới đúng tên, đúng phần đầu, để điền tiếp.")
    new.add_argument("kind", choices=["plan", "outline", "resolution"], help="plan: kế hoạch; outline: đề cương; resolution: văn bản cấp trên.")
    new.add_argument("--org", required=True, help="Mã tổ chức ban hành trong organizations.yml, ví dụ duk-hanoi-dh.")
    new.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    new.add_argument("--date", type=_date, default=None, help="Ngày ban hành, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay).")
    new.add_argument("--number", type=int, default=None, help="Số văn bản (mặc định: số kế tiếp trong nhiệm kỳ).")
    new.add_argument("--type", default=None, help="Mã loại khi khác mặc định (KH, ĐC, NQ), ví dụ CTr, KL, CT.")
    new.add_argument("--title", default=None, help="Trích yếu.")
    new.add_argument("--attached-to", default=None, help="Đề cương: số hiệu kế hoạch mà đề cương kèm theo, ví dụ 90-KH/ĐUK.")

    imp = sub.add_parser("import", help="Nhập văn bản có sẵn (.docx, .txt, .md) thành tệp của kho, không mất chữ nào.")
    imp.add_argument("files", nargs="+", type=Path, help="Các tệp cần nhập.")
    imp.add_argument("--org", default=None, help="Mã tổ chức ban hành (mặc định: suy ra từ đầu văn bản).")
    imp.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    imp.add_argument("--out", type=Path, default=None, help="Ghi vào thư mục này thay vì vào kho (giữ cấu trúc plans/…).")
    imp.add_argument("--dry-run", action="store_true", help="Chỉ in kết quả ra màn hình, không ghi tệp.")

    export = sub.add_parser("export", help="Xuất lịch thời hạn (.ics), sổ đăng ký (registry.json), bảng nhiệm vụ (.csv).")
    export.add_argument("what", choices=["ics", "registry", "csv", "all"], help="Tệp cần xuất.")
    export.add_argument("--root", type=Path, default=Path("."), help="Thư mục gốc của kho (mặc định: thư mục hiện tại).")
    export.add_argument("--out", type=Path, default=Path("build/du-lieu"), help="Thư mục ghi tệp (mặc định: build/du-lieu).")
    export.add_argument("--as-of", type=_date, default=None, help="Ngày xét trạng thái, dạng NĂM-THÁNG-NGÀY (mặc định: hôm nay).")
    export.add_argument("--site-url", default=None, help="Địa chỉ gốc của trang web, để liên kết tới trang văn bản.")
    export.add_argument("--internal", action="store_true", help="Bản nội bộ: gồm cả văn bản mật. Không công bố.")
    return parser


def is_repository(root: Path) -> bool:
    """Every command that reads the repository starts here; a wrong --root gets one clear sentence."""
    if (root / "organizations.yml").exists():
        return True
    print(f"kehoach: «{root}» không phải thư mục gốc của kho (không thấy organizations.yml).", file=sys.stderr)
    return False


def failed(findings, fail_on: str) -> bool:
    for f in findings:
        if f.acknowledged:
            continue
        if f.severity == "error":
            return True
        if fail_on == "overdue" and f.code == "D205":
            return True
        if fail_on == "warning" and f.severity == "warning":
            return True
    return False


def cmd_check(args) -> int:
    from .checks import run_checks
    from .loader import load_repository
    from .report import as_github, as_json, as_markdown, as_text

    if not is_repository(args.root):
        return 2
    as_of = args.as_of or dt.date.today()
    result = run_checks(load_repository(args.root, cache=not args.no_cache), as_of)
    findings = result.findings
    if args.files is not None:  # pre-commit passes the changed files, relative to the working directory
        root = args.root.resolve()
        wanted = set()
        for f in args.files:
            try:
                wanted.add(f.resolve().relative_to(root).as_posix())
            except ValueError:
                continue
        findings = [f for f in findings if f.path in wanted]
    if args.format == "json":
        print(as_json(findings, as_of.isoformat()))
    elif args.format == "markdown":
        print(as_markdown(findings, as_of.isoformat()))
    elif args.format == "github":
        text = as_github(findings)
        if text:
            print(text)
    else:
        print(as_text(findings, args.show_acknowledged))
    return 1 if failed(findings, args.fail_on) else 0


def cmd_normalize(args) -> int:
    from .text import is_nfc, nfc

    pending = 0
    for path in args.files:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            print(f"{path}: không phải UTF-8, bỏ qua (mở tệp và lưu lại với mã hóa UTF-8).", file=sys.stderr)
            pending += 1
            continue
        if is_nfc(text):
            continue
        pending += 1
        if args.check:
            print(f"{path}: chưa ở dạng NFC")
        else:
            path.write_bytes(nfc(text).encode("utf-8"))
            print(f"{path}: đã chuẩn hóa về NFC")
    return 1 if (pending and args.check) else 0


def cmd_export(args) -> int:
    from .exports import export_context, write_all

    if not is_repository(args.root):
        return 2
    ctx = export_context(args.root, args.as_of or dt.date.today(), args.internal)
    formats = ("ics", "registry", "csv") if args.what == "all" else (args.what,)
    written = write_all(ctx, args.out, args.site_url, formats)
    print(f"Đã ghi {len(written)} tệp vào {args.out}")
    return 0


def cmd_new(args) -> int:
    from .scaffold import ScaffoldError, scaffold

    if not is_repository(args.root):
        return 2
    try:
        made = scaffold(args.root, args.kind, args.org, args.date or dt.date.today(), args.number, args.title,
                        args.type, args.attached_to)
    except ScaffoldError as e:
        print(f"kehoach: {e}", file=sys.stderr)
        return 2
    made.path.parent.mkdir(parents=True, exist_ok=True)
    made.path.write_text(made.text, encoding="utf-8")
    print(f"Đã tạo {made.path.relative_to(args.root).as_posix()}: điền trích yếu, người ký, nhiệm vụ và dán toàn văn.")
    return 0


def cmd_import(args) -> int:
    from .importer import ImportRefused
    from .importer.build import import_file

    if not is_repository(args.root):
        return 2
    status, written = 0, []
    for file in args.files:
        try:
            result = import_file(file, args.root, args.org)
        except ImportRefused as e:
            print(f"kehoach: {e}", file=sys.stderr)
            status = 2
            continue
        if args.dry_run:
            print(result.text)
            continue
        target = (args.out or args.root) / result.path
        if target.exists():
            print(f"kehoach: {file.name}: {result.path.as_posix()} đã có trong kho; không ghi đè.", file=sys.stderr)
            status = 2
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.text, encoding="utf-8")
        written.append(result.path.as_posix())
        print(f"Đã nhập {file.name} → {result.path.as_posix()} ({len(result.review)} mục cần xem lại trong «review»)")
    if written and args.out is None:
        from .checks import run_checks
        from .loader import load_repository
        from .report import as_text

        found = [f for f in run_checks(load_repository(args.root), dt.date.today()).findings if f.path in written]
        errors = [f for f in found if f.severity == "error" and not f.acknowledged]
        if errors:
            print(as_text(errors))
            print("Các lỗi trên là của chính văn bản (hoặc của kho): sửa, hoặc ghi nhận nếu bản gốc đúng như vậy.")
            status = max(status, 1)
    return status


def cmd_schema(args) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(f"Đã ghi {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return {"check": cmd_check, "normalize": cmd_normalize, "schema": cmd_schema, "export": cmd_export, "new": cmd_new, "import": cmd_import}[args.command](args)
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        print(f"kehoach: không đọc/ghi được tệp: {e.filename or ''} ({e.strerror})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
