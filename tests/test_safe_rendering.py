"""Hostile official text renders as the characters it is: nothing executes, hides or blanks a page."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixtures.payloads import DOCUMENT
from helpers import PREVIEW_CONFIG, build_copy, findings, line_containing

# Each line must reach the reader exactly as written.
HOSTILE_LINES = [
    "{{ config.site_name }} và {% include 'x' %} và {# chú thích #}",
    "<script>document.body.innerHTML='đã bị chiếm'</script>",
    '<img src="http://ngoai.example/anh.png" onerror="alert(1)">',
    "<!-- phần này không được ẩn -->",
    "Ký hiệu R&amp;D viết như thế này, và &#x3C;b&#x3E; cũng vậy.",
    "Đoạn có `dấu huyền ngược` giữ nguyên.",
    "Cuối đoạn có ngoặc {: .an-di } giữ nguyên",
]
HOSTILE_TITLE = "Kế hoạch <script>alert(1)</script> {{ 7*7 }}"


def add_hostile_document(root: Path) -> None:
    text = DOCUMENT.format(title=HOSTILE_TITLE, signer="Nguyễn Văn Thử", extra="", lines="\n\n".join(HOSTILE_LINES))
    (root / "plans" / "duk-hanoi-dh" / "kh-97-2023.md").write_text(text, encoding="utf-8")


def add_unreadable_document(root: Path) -> None:
    """A document that cannot be read at all: a preview goes on and says nothing of machine paths."""
    add_hostile_document(root)
    (root / "plans" / "duk-hanoi-dh" / "kh-98-2023.md").write_text("---\ntype: [KH\n---\nThân bài.\n", encoding="utf-8")


class _Text(HTMLParser):
    """Visible text of the official-text block, scripts counted apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts, self.tags, self.handlers = 0, [], set(), []

    def handle_starttag(self, tag, attrs):
        if self.depth or ("class", "kh-official") in attrs:
            self.depth += 1
            self.tags.add(tag)
            self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    code, err, out = build_copy(tmp, add_hostile_document, env={"KEHOACH_AS_OF": "2023-03-20"})
    assert code == 0, err[-3000:]
    return tmp / "proj", out


def test_hostile_text_is_shown_character_for_character_and_never_runs(site):
    _, out = site
    page = (out / "van-ban" / "duk-hanoi-dh" / "kh-97-2023" / "index.html").read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(page)
    shown = re.sub(r"\s+", " ", "".join(parser.parts))
    for line in HOSTILE_LINES:
        assert line in shown, line
    assert parser.tags <= {"div", "p", "strong"}, parser.tags  # Markdown's own emphasis, nothing from the text
    assert parser.handlers == []


def test_hostile_front_matter_is_escaped_in_the_page_and_its_listings(site):
    _, out = site
    for page in (
        out / "van-ban" / "duk-hanoi-dh" / "kh-97-2023" / "index.html",
        out / "van-ban" / "theo-nam" / "2023" / "index.html",
    ):
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text
        assert "7*7" in text or "7\\*7" in text or "7&ast;7" in text


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-preview")
    code, err, out = build_copy(
        tmp, add_unreadable_document, env={"KEHOACH_AS_OF": "2023-03-20"}, config=PREVIEW_CONFIG
    )
    assert code == 0, err[-3000:]
    return tmp / "proj", out


def test_no_traceback_and_no_machine_path_anywhere_in_the_site(preview):
    root, out = preview
    assert "kh-98-2023.md" in (out / "loi" / "index.html").read_text(encoding="utf-8")
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Traceback" not in text, path
        assert str(root) not in text and str(root.parent) not in text, path


def test_the_checker_reports_html_in_official_text_with_its_line(site):
    root, _ = site
    path = root / "plans" / "duk-hanoi-dh" / "kh-97-2023.md"
    found = [f for f in findings(root, dt.date(2023, 3, 20)) if f.code == "S008" and f.path.endswith("kh-97-2023.md")]
    assert {f.line for f in found} == {
        line_containing(path, "{{ config.site_name }}"),  # template syntax
        line_containing(path, "<script>document"),
        line_containing(path, "<img"),
        line_containing(path, "<!--"),
        line_containing(path, "{: .an-di }"),  # an attribute list
        line_containing(path, 'title: "Kế hoạch <script>'),  # the same in front matter
    }
    assert all(f.severity == "warning" for f in found)


def test_an_acknowledgement_allows_html_in_one_document(repo_copy):
    add_hostile_document(repo_copy)
    path = repo_copy / "plans" / "duk-hanoi-dh" / "kh-97-2023.md"
    text = path.read_text(encoding="utf-8").replace(
        "---\n**KẾ HOẠCH**",
        "acknowledgements:\n  - {code: S008, reason: Văn bản trích dẫn mã HTML làm ví dụ}\n---\n**KẾ HOẠCH**",
    )
    path.write_text(text, encoding="utf-8")
    assert [f for f in findings(repo_copy, dt.date(2023, 3, 20)) if f.code == "S008"] == []
