"""Macro mistakes in hand-written pages are found before rendering, each with its line and a hint."""

from __future__ import annotations

import jinja2
import pytest

from kehoach.site.macro_check import find_problem, source_line
from kehoach.site.macros_api import MacroError


def doc_link(ref: str) -> str:
    if ref != "21-NQ/TW":
        raise MacroError(f"doc_link: không có văn bản «{ref}»")
    return "[21-NQ/TW](../van-ban/tw/nq-21-2022/)"


def upcoming_deadlines(days: int = 30) -> str:
    return f"{days} ngày"


MACROS = {"doc_link": doc_link, "upcoming_deadlines": upcoming_deadlines}


def problem(text: str):
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals.update(MACROS)
    return find_problem(env, text, {"page": {"title": "Trang"}}, list(MACROS))


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("# Trang\n\n{{ doc_lnk('21-NQ/TW') }}\n", 3, ["«doc_lnk» không phải macro", "Có phải «doc_link»?"]),
        ("a\nb\n\n{{ doc_link('9-NQ/TW') }}\n", 4, ["không có văn bản «9-NQ/TW»"]),
        ("{{ upcoming_deadlines(ngay=3) }}\n", 1, ["Tham số của macro không đúng", "upcoming_deadlines()", "ngay"]),
        ("\n\n{{ doc_link('21-NQ/TW' }}\n", 3, ["Cú pháp macro sai"]),
        ("\n{% for x in y %}{{ x }}{% endfor %}\n", 2, ["«y» không phải macro"]),
        ("{% for x in [1] %}\n", 1, ["Cú pháp macro sai", "'endfor'"]),
        ("{{ 1 / 0 }}", 1, ["Macro chạy lỗi: ZeroDivisionError"]),
    ],
)
def test_each_mistake_is_named_with_its_line(text, line, words):
    found = problem(text)
    assert found is not None
    assert found.line == line
    assert not found.message.endswith("..")
    for word in words:
        assert word in found.message + " " + found.hint


def test_a_correct_page_has_no_problem():
    assert problem("# Trang\n\n{{ doc_link('21-NQ/TW') }} — {{ upcoming_deadlines(7) }} — {{ page.title }}\n") is None


def test_page_lines_are_counted_from_the_file_with_its_front_matter():
    file_text = "---\nrender_macros: true\n---\n# Trang\n\n{{ doc_lnk('x') }}\n"
    markdown = "# Trang\n\n{{ doc_lnk('x') }}\n"
    assert source_line(file_text, markdown, 3) == 6
    assert source_line(markdown, markdown, 3) == 3
    assert source_line(file_text, markdown, None) is None


# What a hostile or careless page may write: each must stop the build with a sentence, never run.
ESCAPES = [
    ("{{ doc_link.__globals__ }}", "__globals__"),
    ("{{ doc_link.__globals__['__builtins__']['__import__']('os').system('true') }}", "__globals__"),
    ("{{ ''.__class__.__mro__ }}", "__class__"),
    ("{{ lipsum.__globals__ }}", "lipsum"),
    ("{{ cycler.__init__.__globals__ }}", "cycler"),
    ("{{ config }}", "config"),
    ("{{ self._TemplateReference__context }}", "_TemplateReference__context"),
    ("{{ 'x' * 100000000 }}", "quá lớn"),
    ("{% include 'mkdocs.yml' %}", "include"),
]


@pytest.mark.parametrize("text, named", ESCAPES)
def test_a_page_cannot_reach_python_only_the_documented_macros(text, named):
    from kehoach.site.macro_check import render_page

    output, found = render_page(MACROS, f"# Trang\n\n{text}\n", {"title": "Trang"})
    assert output is None and found is not None
    assert found.line == 3
    assert named in found.message + " " + found.hint
    assert "Traceback" not in found.message and "object is unsafe" not in found.message  # said in Vietnamese


def test_the_sandbox_renders_the_documented_macros_and_the_pages_own_front_matter():
    from kehoach.site.macro_check import render_page

    output, found = render_page(
        MACROS, "{{ doc_link('21-NQ/TW') }} {{ upcoming_deadlines(7) }} {{ title }}", {"title": "T"}
    )
    assert found is None and output == "[21-NQ/TW](../van-ban/tw/nq-21-2022/) 7 ngày T"
