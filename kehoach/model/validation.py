"""Problems of a front matter block or organizations.yml, turned into findings a staff member can act on:
YAML syntax errors (S001), keys written twice (S009), fields that do not fit the schema (S002, D201).

Every message names the field in Vietnamese, quotes at most a short piece of the value, and says how
to fix it, without English words or Python quoting.
"""

from __future__ import annotations

import difflib
import re
import typing

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..findings import Code, Finding
from .frontmatter import Duplicate, explain_yaml_error, node_line, probable_body_start
from .schema import KEY_EXAMPLE, KEY_PATTERN, KEY_RULE

_FIELD_NAMES = {
    "type": "loại văn bản",
    "number": "số",
    "issuer": "tổ chức ban hành",
    "date": "ngày ban hành",
    "title": "trích yếu",
    "tasks": "nhiệm vụ",
    "owner": "đơn vị chủ trì",
    "co_owners": "đơn vị phối hợp",
    "deadline": "thời hạn",
    "recipients": "nơi nhận",
    "relations": "quan hệ",
    "targets": "chỉ tiêu",
    "signer": "người ký",
    "acknowledgements": "ghi nhận",
    "confidentiality": "độ mật",
    "organizations": "tổ chức",
    "units": "đơn vị",
    "terms": "nhiệm kỳ",
    "status": "tình trạng",
    "done_on": "ngày xong",
}
_ISO_DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
MAX_QUOTED = 60  # characters of a value a message repeats: a 5 MB value must not make a 5 MB message


def quoted(value: object) -> str:
    """A value as a message may show it: its first characters, on one line."""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"


def field_label(path: tuple[str | int, ...]) -> str:
    """«tasks.2.owner» (đơn vị chủ trì): the path as the file writes it, and what it means."""
    dotted = ".".join(str(p) for p in path) or "(toàn bộ)"
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return f"«{dotted}»" + (f" ({_FIELD_NAMES[last]})" if last in _FIELD_NAMES else "")


def _model_at(model: type[BaseModel], path: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The pydantic model of the mapping at `path` (list indexes skipped), to name its valid fields."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = next(
            (t for t in _inner_types(field.annotation) if isinstance(t, type) and issubclass(t, BaseModel)), None
        )
    return current


def _inner_types(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [t for a in args for t in _inner_types(a)]


def _choices(expected: str) -> str:
    """«'MẬT', 'TỐI MẬT' or 'TUYỆT MẬT'» (pydantic's wording) as «MẬT, TỐI MẬT, TUYỆT MẬT»."""
    values = re.findall(r"'([^']*)'", expected)
    return ", ".join(values) if values else expected


def _explain(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    loc = tuple(error["loc"])
    if kind == "missing":
        return "thiếu trường bắt buộc", "Thêm trường này vào phần đầu văn bản."
    if kind == "extra_forbidden":
        valid = _model_at(model, loc[:-1])
        names = sorted(valid.model_fields) if valid is not None else []
        close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
        if close:
            return "trường không có trong lược đồ (gõ sai tên?)", f"Có phải «{close[0]}»? Sửa tên trường cho đúng."
        listed = f" Các trường hợp lệ ở đây: {', '.join(names)}." if names else ""
        return "trường không có trong lược đồ (gõ sai tên?)", "Kiểm tra chính tả tên trường." + listed
    if kind.startswith("date"):
        if _ISO_DAY.fullmatch(str(value).strip()):
            return f"ngày «{quoted(value)}» không tồn tại", "Kiểm tra lại ngày với bản gốc (NĂM-THÁNG-NGÀY)."
        return (
            f"ngày «{quoted(value)}» không đúng dạng",
            "Ghi ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2023-02-28 (không viết 28/02/2023).",
        )
    if kind == "literal_error":
        return (
            f"giá trị «{quoted(value)}» không được phép",
            f"Dùng một trong: {_choices(str(ctx.get('expected', '')))}.",
        )
    if kind in ("string_type", "str_type"):
        return f"cần một chuỗi chữ, nhận được «{quoted(value)}»", "Viết giá trị là chữ; đặt trong ngoặc kép nếu cần."
    if kind == "list_type":
        return "cần một danh sách", "Viết mỗi phần tử trên một dòng bắt đầu bằng «- »."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "cần một nhóm trường (tên: giá trị)", "Xem ví dụ trong CONTRIBUTING.md."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"cần một số nguyên, nhận được «{quoted(value)}»", "Ghi số, không có chữ."
    if kind in ("bool_parsing", "bool_type"):
        return f"cần true hoặc false, nhận được «{quoted(value)}»", "Ghi true hoặc false."
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == KEY_PATTERN:
        return (
            f"mã «{quoted(value)}» không hợp lệ: mã {KEY_RULE}",
            f"Sửa thành mã như {KEY_EXAMPLE} (mã tổ chức, đơn vị trong organizations.yml).",
        )
    if kind in ("too_short", "too_long"):
        return "số phần tử không hợp lệ", "Kiểm tra lại danh sách."
    return f"giá trị «{quoted(value)}» không hợp lệ", "Sửa theo lược đồ trong thư mục schema/."


def schema_findings(
    err: ValidationError, model: type[BaseModel], path: str, front: str, front_line: int, document: str | None
) -> list[Finding]:
    findings = []
    for error in err.errors():
        loc = tuple(error["loc"])
        line0 = node_line(front, loc)
        what, how = _explain(error, model)
        # a day that cannot exist (2023-02-30) is D201 as in the text; a date in another form is a schema error
        impossible = error["type"].startswith("date") and _ISO_DAY.fullmatch(str(error.get("input")).strip())
        code = Code.D201 if impossible else Code.S002
        dotted = ".".join(str(p) for p in loc)
        findings.append(
            Finding(
                code,
                path,
                front_line + line0 if line0 is not None else front_line,
                f"Trường {field_label(loc)}: {what}.",
                hint=how,
                document=document,
                subject=dotted,
            )
        )
    return findings


def duplicate_findings(
    duplicates: list[Duplicate], path: str, front: str, front_line: int, document: str | None
) -> list[Finding]:
    """S009 for each key written twice: YAML would keep the second value and drop the first without a word."""
    findings = []
    for dup in duplicates:
        first = node_line(front, dup.path)
        earlier = f" (lần đầu ở dòng {front_line + first})" if first is not None and first != dup.line else ""
        findings.append(
            Finding(
                Code.S009,
                path,
                front_line + dup.line,
                f"Trường {field_label(dup.path)} được khai báo hai lần{earlier}; chỉ giá trị sau được đọc, giá trị "
                "trước bị bỏ mất.",
                hint="Gộp thành một dòng (nhiều giá trị thì viết thành danh sách) và xóa dòng thừa.",
                document=document,
                subject=".".join(str(p) for p in dup.path),
            )
        )
    return findings


def yaml_error_finding(err: yaml.YAMLError, path: str, front: str, front_line: int, document: str | None) -> Finding:
    """S001 for a syntax error, at the line to fix; a missing closing «---» is named as such."""
    problem = explain_yaml_error(err, front)
    body = probable_body_start(front)
    if body is not None and (problem.line is None or problem.line >= body):
        insert_at = front_line + body
        return Finding(
            Code.S001,
            path,
            1,  # the «---» that opens a block no line closes
            f"Phần đầu mở ở dòng 1 nhưng thiếu dòng «---» đóng lại trước dòng {insert_at}: toàn văn bị đọc như "
            "phần đầu.",
            hint=f"Thêm một dòng «---» ngay trước dòng {insert_at} (sau trường cuối cùng của phần đầu).",
            document=document,
        )
    line = front_line + (problem.line or 0)
    return Finding(
        Code.S001,
        path,
        line,
        f"Lỗi cú pháp YAML ở dòng {line}: {problem.message}.",
        hint=problem.hint,
        document=document,
    )
