"""Hand-written pages' macros, rendered in a sandbox: only the documented macros and the page's own front
matter are reachable, never Python, the MkDocs configuration or the build's objects (which hold every
document, confidential ones included). A mistake reads as one Vietnamese sentence with file and line
instead of a Python traceback.

Takes the macros and text, knows nothing of MkDocs: the macros module turns a problem into the build error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

TEMPLATE_FILE = "<template>"  # the file name Jinja2 gives frames of a template made from a string
MAX_REPEAT = 100_000  # characters or items a `*` may make; a page never needs more, memory would


@dataclass
class MacroProblem:
    line: int | None  # 1-based, within the text given
    message: str
    hint: str = ""


class MacroSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox (no attribute starting with «_», no mutation of data), with nothing in scope but
    what a page is given, and no `*` or `**` big enough to exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False)
        self.globals.clear()  # range, lipsum, cycler, …: not documented, not offered

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError(f"lũy thừa {right} quá lớn")
        if operator == "*":
            sized = (str, bytes, list, tuple)
            count = right if isinstance(left, sized) else left if isinstance(right, sized) else None
            seq = left if isinstance(left, sized) else right
            if isinstance(count, int) and len(seq) * count > MAX_REPEAT:
                raise SecurityError(f"phép nhân tạo ra chuỗi quá lớn (hơn {MAX_REPEAT} ký tự)")
        return super().call_binop(context, operator, left, right)


def sandbox(macros: Mapping[str, Callable[..., Any]]) -> MacroSandbox:
    env = MacroSandbox()
    env.globals.update(macros)
    return env


def _line_of_name(text: str, name: str) -> int | None:
    """First line where `name` is used inside {{ … }} or {% … %}."""
    for number, line in enumerate(text.split("\n"), 1):
        for block in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", line):
            if re.search(rf"(?<![\w.]){re.escape(name)}\b", block):
                return number
    return None


def _template_line(error: BaseException) -> int | None:
    """The template line being rendered when `error` was raised (innermost template frame)."""
    line, tb = None, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_USAGE = "Xem cách dùng các macro trong trang «Hướng dẫn macro» (docs/huong-dan-macro.md)."


def _refused(error: SecurityError) -> str:
    """Jinja2's sandbox refusal in Vietnamese, naming what the page reached for."""
    text = str(error)
    attribute = re.match(r"access to attribute '([^']+)'", text)
    if attribute:
        return f"Trang không được dùng «{attribute.group(1)}»: macro chỉ được gọi theo cách đã hướng dẫn"
    return f"Trang làm điều macro không cho phép ({text.rstrip('.')})"


def _problem(error: Exception) -> MacroProblem:
    if isinstance(error, SecurityError):
        message = _refused(error)
    elif isinstance(error, jinja2.TemplateNotFound) or "no loader" in str(error):
        message = "Trang không được chèn tệp khác (include, import, extends)"
    elif isinstance(error, ValueError):  # what a macro raised: its message is meant for the editor
        message = str(error)
    elif isinstance(error, TypeError):  # wrong or missing arguments
        message = "Tham số của macro không đúng: " + str(error).replace("define_env.<locals>.", "")
    else:
        message = f"Macro chạy lỗi: {type(error).__name__}: {error}"
    return MacroProblem(_template_line(error), message.rstrip(".") + ".", _USAGE)


def _check(env: jinja2.Environment, text: str, variables: Mapping[str, Any], macros: list[str]) -> Any:
    """The parsed template, or the first problem found before rendering (syntax, unknown names)."""
    try:
        tree = env.parse(text)
    except jinja2.TemplateSyntaxError as e:
        return MacroProblem(
            e.lineno,
            f"Cú pháp macro sai: {(e.message or '').rstrip('.')}.",
            "Macro viết dạng {{ tên_macro('tham số') }}; chữ «{{» muốn hiện nguyên thì bỏ "
            "«render_macros: true» ở đầu trang.",
        )
    known = set(variables) | set(env.globals) | set(macros)
    for name in sorted(meta.find_undeclared_variables(tree) - known):
        close = difflib.get_close_matches(name, macros, n=1)
        hint = f"Có phải «{close[0]}»? " if close else ""
        return MacroProblem(
            _line_of_name(text, name),
            f"«{name}» không phải macro nào của kho.",
            hint + "Các macro dùng được: " + ", ".join(sorted(macros)) + ".",
        )
    return None


def render(
    env: jinja2.Environment, text: str, variables: Mapping[str, Any], macros: list[str]
) -> tuple[str | None, MacroProblem | None]:
    """(the rendered text, None), or (None, the first problem): parse, look up every name, then render."""
    problem = _check(env, text, variables, macros)
    if problem is not None:
        return None, problem
    try:
        return env.from_string(text).render(**variables), None
    except Exception as e:  # any failure of a page's macros becomes its sentence, never a traceback
        return None, _problem(e)


def render_page(
    macros: Mapping[str, Callable[..., Any]], text: str, page_meta: Mapping[str, Any]
) -> tuple[str | None, MacroProblem | None]:
    """A page rendered in the sandbox: the documented `macros` and the page's front matter, nothing else."""
    return render(sandbox(macros), text, page_meta, list(macros))


def find_problem(env: jinja2.Environment, text: str, variables: dict, macros: list[str]) -> MacroProblem | None:
    """The first problem of `text` in `env`, or None."""
    return render(env, text, variables, macros)[1]


def source_line(file_text: str, rendered_from: str, line: int | None) -> int | None:
    """The file line of a line of the page's Markdown (MkDocs strips the front matter before macros run)."""
    if line is None:
        return None
    start = file_text.find(rendered_from) if rendered_from else -1
    return line + (file_text.count("\n", 0, start) if start > 0 else 0)
