"""The official text laid out as the paper (kehoach/site/paper.py): the body's own header block and closing
placed in two columns with every character kept, and the parts a body lacks drawn from the front matter,
marked editorial, outside the official text, escaped."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import ROOT
from minirepo import make_repo, write_doc
from rendering import dangers, to_html, visible_text

from kehoach.checks import run_checks
from kehoach.model.load import load_repository
from kehoach.site.document import document_page
from kehoach.site.official_text import linked_body
from kehoach.site.paper import DRAWN_NOTE, find_paper


@pytest.fixture(scope="module")
def view():
    return run_checks(load_repository(ROOT), dt.date(2023, 3, 1)).view


def entry_of(view, path):
    return next(e for e in view.repo.entries if e.path == path)


def official_part(html: str) -> str:
    """The HTML of the official text: from its block to the page's history (or the end of the page)."""
    return html.split('<div class="kh-official">', 1)[1].split('<h2 id="lich-su"', 1)[0]


def words(html: str) -> list[str]:
    return sorted(visible_text(html).split())


SEEDS = sorted(
    p.relative_to(ROOT).as_posix() for folder in ("plans", "outlines") for p in (ROOT / folder).rglob("*.md")
)


@pytest.mark.parametrize("path", SEEDS)
def test_the_laid_out_text_shows_every_word_of_the_body_and_no_other(view, path):
    entry = entry_of(view, path)
    page = to_html(document_page(entry, view))
    official = official_part(page).split('<div class="kh-paper kh-paper-drawn', 1)[0]
    as_written = to_html(linked_body(entry, view.refs_of(entry), entry.page_path))
    assert words(official) == words(as_written)
    assert DRAWN_NOTE not in official


def test_a_seed_holding_its_header_and_closing_is_laid_out_from_its_own_lines(view):
    entry = entry_of(view, "plans/duk-gialai-cqdn/kh-69-2023.md")
    paper = find_paper(entry.body)
    lines = entry.body.split("\n")
    text = lambda blocks: " ".join(" ".join(lines[a:b]) for a, b in blocks)  # noqa: E731
    assert "ĐẢNG ỦY KHỐI CÁC CƠ QUAN" in text(paper.head_left) and "Số 69-KH/ĐUK" in text(paper.head_left)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text(paper.head_right) and "Gia Lai, ngày 13" in text(paper.head_right)
    assert "KẾ HOẠCH" in text(paper.title)
    assert "Nơi nhận" in text(paper.close_left) and "Lưu Văn phòng" in text(paper.close_left)
    assert "T/M BAN THƯỜNG VỤ" in text(paper.close_right) and "Dương Dã" in text(paper.close_right)
    page = to_html(document_page(entry, view))
    assert DRAWN_NOTE not in page  # nothing drawn: the paper holds it all


def test_a_seed_without_a_header_gets_one_drawn_from_its_front_matter_outside_the_official_text(view):
    entry = entry_of(view, "outlines/duk-phutho/dc-kh-41-2023.md")
    page = to_html(document_page(entry, view))
    before, official = page.split('<div class="kh-official">', 1)
    drawn = before.split("kh-paper-drawn kh-editorial", 1)[1]
    assert DRAWN_NOTE in drawn and "ĐẢNG CỘNG SẢN VIỆT NAM" in drawn and "ngày 21 tháng 3 năm 2023" in drawn
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in official


def test_a_drawn_date_follows_hd36_and_the_number_stands_under_the_issuer(tmp_path):
    root = make_repo(tmp_path / "repo")
    front = {"type": "KH", "number": "5", "issuer": "duk-a", "place": "Hà Nội", "date": "2023-02-05", "title": "Về x"}
    write_doc(root, "plans", "duk-a/kh-5-2023", front, "Nội dung kế hoạch.")
    view = run_checks(load_repository(root), dt.date(2023, 3, 1)).view
    page = to_html(document_page(view.repo.entries[0], view))
    assert '<p class="kh-paper-dateline">Hà Nội, ngày 05 tháng 02 năm 2023</p>' in page
    left = page.split('<div class="kh-paper-left">', 1)[1].split("</div>", 1)[0]
    assert left.index("*") < left.index("Số 5-KH/") and '<p class="kh-paper-type">KẾ HOẠCH</p>' in page


HOSTILE = {
    "title": 'Kế hoạch <script>window.__ran=1</script> **đậm** {: onclick="x" }',
    "place": '<img src=x onerror="window.__ran=1">',
    "signer": {
        "on_behalf": "T/M <b>BAN</b>",
        "position": "BÍ THƯ {#id .lop onclick=x}",
        "name": '[Nguyễn *Văn* A](javascript:alert(1)){onmouseover="x"}',
    },
    "recipients": [{"name": '<a href="javascript:x">Ban</a> ![x](http://ngoai.example/a.png)', "purpose": "b/c"}],
}


def test_hostile_front_matter_in_the_drawn_header_and_signature_is_only_text(tmp_path):
    root = make_repo(tmp_path / "repo")
    front = {"type": "KH", "number": "7", "issuer": "duk-a", "date": "2023-06-16"} | HOSTILE
    write_doc(root, "plans", "duk-a/kh-7-2023", front, "Nội dung kế hoạch, không có phần đầu hay chữ ký.")
    view = run_checks(load_repository(root), dt.date(2023, 3, 1)).view
    page = to_html(document_page(view.repo.entries[0], view))
    assert dangers(page) == []
    assert re.findall(r"<(?:script|img|a|b)\b", page) == []
    shown = visible_text(page)
    for value in (HOSTILE["title"], HOSTILE["signer"]["name"], HOSTILE["signer"]["position"], HOSTILE["place"]):
        assert " ".join(value.split()) in shown, value
    assert "ngày 16 tháng 6 năm 2023" in shown


@pytest.mark.parametrize(
    "closing",
    [
        "Nơi nhận:\n- Ban Thường vụ,\n- Lưu VP.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn Ba",
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn Ba\n\nNơi nhận:\n- Ban Thường vụ,\n- Lưu VP.",
    ],
    ids=["signature after «Nơi nhận»", "signature above it"],
)
def test_the_closing_is_found_where_the_paper_puts_it_and_a_capital_heading_stays_in_the_body(closing):
    body = "I. MỤC ĐÍCH\n\nNội dung.\n\nIV. TỔ CHỨC THỰC HIỆN\n\nCác ban thực hiện./.\n\n" + closing + "\n"
    paper = find_paper(body)
    lines = body.split("\n")
    text = lambda blocks: "\n".join("\n".join(lines[a:b]) for a, b in blocks)  # noqa: E731
    assert text(paper.close_right) == "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn Ba"
    assert text(paper.close_left) == "Nơi nhận:\n- Ban Thường vụ,\n- Lưu VP."
    assert not paper.has_header and not paper.title


def test_a_diagram_of_a_much_implemented_document_stays_small(tmp_path):
    """A resolution implemented by many plans: ten boxes, the rest counted (the lists above name them all)."""
    root = make_repo(tmp_path / "repo")
    write_doc(root, "resolutions", "tw/nq-1-2022", {"type": "NQ", "number": "1", "issuer": "tw", "date": "2022-01-01"})
    for n in range(1, 26):
        front = {"type": "KH", "number": str(n), "issuer": "duk-a", "date": "2022-03-01"}
        write_doc(
            root, "plans", f"duk-a/kh-{n}-2022", front | {"relations": [{"type": "implements", "target": "1-NQ/TW"}]}
        )
    view = run_checks(load_repository(root), dt.date(2023, 3, 1)).view
    entry = next(e for e in view.repo.entries if e.doc.type == "NQ")
    page = document_page(entry, view)
    diagram = next(line for line in page.split("\n") if "kh-diagram" in line)
    assert diagram.count("<a href=") == 10 and "… và 15 văn bản khác" in diagram
    assert page.count("](../duk-a/kh-") == 25  # the list names every one
