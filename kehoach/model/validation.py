"""Pydantic validation errors turned into findings a staff member can act on."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..findings import Code, Finding
from .frontmatter import node_line

_FIELD_NAMES = {
    "type": "loại văn bản",
    "number": "số",
    "issuer": "tổ chức ban hành",
    "date": "ngày ban hành",
    "title": "trích yếu",
    "tasks": "nhiệm vụ",
    "owner": "đơn vị chủ trì",
    "deadline": "thời hạn",
    "recipients": "nơi nhận",
    "relations": "quan hệ",
    "targets": "chỉ tiêu",
    "signer": "người ký",
    "acknowledgements": "ghi nhận",
    "organizations": "tổ chức",
    "units": "đơn vị",
    "terms": "nhiệm kỳ",
}


def _explain(error: ErrorDetails) -> tuple[str, str]:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "thiếu trường bắt buộc", "thêm trường này vào phần đầu văn bản"
    if kind == "extra_forbidden":
        return (
            "trường không có trong lược đồ (gõ sai tên?)",
            "kiểm tra chính tả tên trường theo schema/document.schema.json",
        )
    if kind.startswith("date"):
        return f"ngày không hợp lệ «{value}»", "ghi ngày dạng NĂM-THÁNG-NGÀY có thật, ví dụ 2023-02-28"
    if kind == "literal_error":
        return f"giá trị «{value}» không được phép", f"dùng một trong: {ctx.get('expected', '')}"
    if kind in ("string_type", "str_type"):
        return f"cần một chuỗi văn bản, nhận được «{value}»", "đặt giá trị trong ngoặc kép"
    if kind == "list_type":
        return "cần một danh sách", "viết mỗi phần tử trên một dòng bắt đầu bằng «- »"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "cần một nhóm trường (tên: giá trị)", "xem ví dụ trong CONTRIBUTING.md"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"cần một số nguyên, nhận được «{value}»", "ghi số không có chữ"
    if kind in ("bool_parsing", "bool_type"):
        return f"cần true hoặc false, nhận được «{value}»", "ghi true hoặc false"
    return f"giá trị không hợp lệ ({error.get('msg', kind)})", "sửa theo lược đồ"


def schema_findings(
    err: ValidationError, path: str, front: str, front_line: int, document: str | None
) -> list[Finding]:
    findings = []
    for error in err.errors():
        loc = tuple(error["loc"])
        line0 = node_line(front, loc)
        field = ".".join(str(p) for p in loc) or "(toàn bộ)"
        last = next((p for p in reversed(loc) if isinstance(p, str)), "")
        label = f" ({_FIELD_NAMES[last]})" if last in _FIELD_NAMES else ""
        what, how = _explain(error)
        code = Code.D201 if error["type"].startswith("date") else Code.S002
        findings.append(
            Finding(
                code,
                path,
                front_line + line0 if line0 is not None else front_line,
                f"Trường «{field}»{label}: {what}.",
                hint=how,
                document=document,
                subject=field,
            )
        )
    return findings
