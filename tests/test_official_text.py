"""Official text is text: rendered with the project's own Markdown settings, nothing in it can run script,
load from outside the site or become a diagram, whatever it holds; what a reader sees is what was issued."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fixtures.payloads import BODY_PAYLOADS, KEPT
from minirepo import make_repo, write_doc
from rendering import addresses, dangers, to_html, visible_text

from kehoach.checks import run_checks
from kehoach.model.load import load_repository
from kehoach.site.document import document_page
from kehoach.text.markup import neutralise


@pytest.mark.parametrize("payload", BODY_PAYLOADS)
def test_a_payload_in_official_text_renders_inert(payload):
    html = to_html(neutralise(payload))
    assert dangers(html) == [], html
    assert "<img " not in html and "<pre" not in html and "admonition" not in html, html
    assert "<a " not in html.replace('<a href="#">', ""), html  # a link within the page is the only one left


@pytest.mark.parametrize("payload", BODY_PAYLOADS)
def test_a_payload_shows_every_character_as_written(payload):
    shown = re.sub(r"\s+", " ", visible_text(to_html(neutralise(payload)))).strip()
    for line in payload.split("\n"):
        without_page_link = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", line.strip())  # [x](#) is a link, shown as x
        assert line.strip() in shown or without_page_link in shown, (line, shown)


@pytest.mark.parametrize("written, rendered", KEPT)
def test_web_and_mail_links_stay_links(written, rendered):
    assert rendered in to_html(neutralise(written))


def test_a_relative_image_stays_an_image_and_an_outside_one_becomes_text():
    html = to_html(neutralise("![sơ đồ](so-do.png) và ![ngoài](https://ngoai.example/x.png)"))
    assert '<img alt="sơ đồ" src="so-do.png"' in html and "ngoai.example/x.png" in visible_text(html)
    assert dangers(html) == []


def test_the_whole_page_of_a_document_full_of_payloads_is_inert(tmp_path):
    """Body and every front matter text field hold payloads: the generated page, rendered, runs nothing."""
    root = make_repo(tmp_path / "repo")
    hostile = " ".join(BODY_PAYLOADS).replace("\n", " ")
    front = {
        "type": "KH",
        "number": "7",
        "issuer": "duk-a",
        "date": "2023-03-01",
        "title": hostile,
        "place": "~~~mermaid",
        "issuing_body": "<svg onload=alert(1)>",
        "signer": {"on_behalf": "{onclick=x}", "position": "`<b>`", "name": "[x](javascript:alert(1))"},
        "recipients": [{"name": "![x](http://ngoai.example/r.png)"}],
        "notes": "Ghi chú\n~~~mermaid\ngraph LR\n~~~\n<script>window.__ran=1</script>",
        "tasks": [
            {
                "id": "t1",
                "title": "[a](javascript:alert(1)) {onclick=x}",
                "owner": "van-phong",
                "deliverable": '<img src=x onerror="window.__ran=1">',
            }
        ],
        "targets": [{"id": "c1", "text": "~~~mermaid", "value": "{: .x }", "period": "`x`"}],
    }
    write_doc(root, "plans", "duk-a/kh-7-2023", front, "\n\n".join(BODY_PAYLOADS))
    view = run_checks(load_repository(root), dt.date(2023, 3, 1)).view
    (entry,) = view.repo.entries
    html = to_html(document_page(entry, view))
    assert dangers(html) == []
    assert not [a for a in addresses(html) if "ngoai.example" in a]  # only ever as text, never an address


REPORTED_BODY = {
    "{onerror=": "data:",
    "{onfocus=": "{onfocus",
    '{onmouseover="': "{onmouseover",
    "](javascript:": "javascript:",
    "[thamchieu]: javascript:": "javascript:",
    "](http://ngoai.example/anh.png)": "ngoai.example",
    "<script>": "<script>",
    "<svg onload": "<svg",
    "{{ 7*7 }}": "{{",
    "{% if x %}": "{%",
}


def test_the_checker_reports_each_construct_at_its_line_in_text_and_front_matter(tmp_path):
    root = make_repo(tmp_path / "repo")
    body = "\n\n".join([*BODY_PAYLOADS, "Kết quả {{ 7*7 }} và {% if x %}có{% endif %}"])
    front = {
        "type": "KH",
        "number": "7",
        "issuer": "duk-a",
        "date": "2023-03-01",
        "title": "Trích yếu {{ config }}",
        "notes": "Xem [đây](javascript:alert(1))",
        "recipients": [{"name": '<img src=x onerror="alert(1)">'}],
        "tasks": [{"id": "t1", "title": "Nhiệm vụ {: .x }", "owner": "van-phong"}],
    }
    path = write_doc(root, "plans", "duk-a/kh-7-2023", front, body)
    found = [f for f in run_checks(load_repository(root), dt.date(2023, 3, 1)).findings if f.code == "S008"]
    assert found and all(f.severity == "warning" for f in found)
    lines = path.read_text(encoding="utf-8").split("\n")
    reported = {f.line for f in found}
    for needle in [*REPORTED_BODY, "title: Trích yếu", "notes: Xem", "- name: <img", "Nhiệm vụ {: .x }"]:
        at = next(i for i, line in enumerate(lines, 1) if needle in line)
        assert at in reported, (needle, at, sorted(reported))
    by_line: dict = {}
    for f in found:
        by_line[f.line] = by_line.get(f.line, "") + f.message
    for needle, said in REPORTED_BODY.items():
        at = next(i for i, line in enumerate(lines, 1) if needle in line)
        assert said in by_line[at], (needle, by_line[at])


def test_a_docx_holding_payloads_imports_as_inert_text(repo_copy, tmp_path):
    import docx

    from kehoach.importer.build import import_file

    source = tmp_path / "ke-hoach.docx"
    document = docx.Document()
    for text in [
        "ĐẢNG BỘ KHỐI",
        "Số 93-KH/ĐUK",
        "Hà Nội, ngày 15 tháng 3 năm 2023",
        "KẾ HOẠCH",
        "Về thử nghiệm",
        *BODY_PAYLOADS,
    ]:
        document.add_paragraph(text)
    document.save(source)
    imported = import_file(source, repo_copy, "duk-hanoi-dh")
    (repo_copy / imported.path).write_text(imported.text, encoding="utf-8")
    view = run_checks(load_repository(repo_copy), dt.date(2023, 3, 20)).view
    entry = next(e for e in view.repo.entries if e.path == imported.path.as_posix())
    html = to_html(document_page(entry, view))
    assert dangers(html) == []
    assert "window.__ran" in visible_text(html) or "window.\\_\\_ran" in visible_text(html)


def test_a_title_cannot_break_out_of_the_relationship_diagram(tmp_path):
    """A document without a number is named by its title in the diagram: its text is XML text, nothing more."""
    root = make_repo(tmp_path / "repo")
    write_doc(root, "resolutions", "tw/nq-1-2022", {"type": "NQ", "number": "1", "issuer": "tw", "date": "2022-01-01"})
    title = 'Không số\n```\n<script>window.__ran=1</script>\n~~~mermaid\n</svg><a href="javascript:x">"x" {: .y }'
    front = {
        "type": "KH",
        "issuer": "duk-a",
        "title": title,
        "relations": [{"type": "implements", "target": "1-NQ/TW"}],
    }
    write_doc(root, "plans", "duk-a/kh-khong-so", front, "Thực hiện Nghị quyết số 1-NQ/TW.")
    view = run_checks(load_repository(root), dt.date(2023, 3, 1)).view
    for entry in view.repo.entries:
        html = to_html(document_page(entry, view))
        # the diagram is the page's one active element: no script, no Mermaid, its one link to the other page
        assert dangers(html) == ["<svg>"], html
        assert re.findall(r"<script[^>]*>", html) == [] and 'class="mermaid"' not in html
        diagram = html.split("<svg", 1)[1].split("</svg>", 1)[0]
        assert "<script" not in diagram and '<a href="javascript' not in diagram  # the title stayed text
        assert "&lt;script&gt;window.__ran=1&lt;/script&gt;" in diagram
        assert re.findall(r'<a href="([^"]*)"', diagram) in (["../../tw/nq-1-2022/"], ["../../duk-a/kh-khong-so/"])
        assert "<h1" not in html.split("</h1>", 1)[1]  # the title stays on its heading's line
