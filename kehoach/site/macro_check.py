"""A hand-written page's macros tried before mkdocs-macros renders them, so a mistake reads as one
Vietnamese sentence with file and line instead of the plugin's Python traceback.

Takes a Jinja2 environment and text, knows nothing of MkDocs: the macros module turns a problem
into the build error.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import jinja2
from jinja2 import meta

TEMPLATE_FILE = "<template>"  # the file name Jinja2 gives frames of a template made from a string


@dataclass
class MacroProblem:
    line: int | None  # 1-based, within the text given
    message: str
    hint: str = ""


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


def find_problem(env: jinja2.Environment, text: str, variables: dict, macros: list[str]) -> MacroProblem | None:
    """Parse, look up every name, then render: the first problem found, or None."""
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
    try:
        env.from_string(text).render(**variables)
    except Exception as e:  # what a macro raised: its message is meant for the editor
        if isinstance(e, ValueError):
            message = str(e)
        elif isinstance(e, TypeError):  # wrong or missing arguments
            message = "Tham số của macro không đúng: " + str(e).replace("define_env.<locals>.", "")
        else:
            message = f"Macro chạy lỗi: {type(e).__name__}: {e}"
        return MacroProblem(
            _template_line(e),
            message.rstrip(".") + ".",
            "Xem cách dùng các macro trong trang «Hướng dẫn macro» (docs/huong-dan-macro.md).",
        )
    return None


def source_line(file_text: str, rendered_from: str, line: int | None) -> int | None:
    """The file line of a line of the page's Markdown (MkDocs strips the front matter before macros run)."""
    if line is None:
        return None
    start = file_text.find(rendered_from) if rendered_from else -1
    return line + (file_text.count("\n", 0, start) if start > 0 else 0)
