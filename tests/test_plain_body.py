"""A plain-text body (imported from .txt, `body_format: plain`) on the site: the lines of the paper, nothing
interpreted, citations still linked."""

from __future__ import annotations

import datetime as dt
import html
import re

import yaml
from helpers import PREVIEW_CONFIG, ROOT, build_copy, cli

from kehoach.model.load import load_repository
from kehoach.model.view import build_view
from kehoach.site.official_text import linked_body

CORPUS = ROOT / "tests" / "corpus" / "import"
SAMPLE = "05-tthue-btgtu-hd-ky-niem-95-nam"  # space-aligned header over «-----», indented lines, hard wraps
SAMPLE_ORG = "tu-thuathienhue"


def import_sample(root) -> None:
    """Add the sample's issuer to the copy's organizations.yml and import the sample .txt into the copy."""
    ours = yaml.safe_load((root / "organizations.yml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load((CORPUS / "organizations.yml").read_text(encoding="utf-8"))
    ours["organizations"] += [o for o in theirs["organizations"] if o["key"] == SAMPLE_ORG]
    (root / "organizations.yml").write_text(yaml.safe_dump(ours, allow_unicode=True), encoding="utf-8")
    run = cli("import", str(CORPUS / "docs" / f"{SAMPLE}.txt"), "--root", str(root))
    assert "Traceback" not in run.stderr and "Đã nhập" in run.stdout, run.stdout + run.stderr


def official_text(page: str) -> str:
    return page.split('<div class="kh-official">', 1)[1].split('<div class="kh-plain">', 1)[1].split("</div>", 1)[0]


def test_a_plain_body_shows_the_lines_of_the_paper_and_interprets_nothing(tmp_path):
    code, err, site = build_copy(tmp_path, import_sample, config=PREVIEW_CONFIG)
    assert code == 0, err[-3000:]
    page = (site / "van-ban" / SAMPLE_ORG / "hd-27-2024" / "index.html").read_text(encoding="utf-8")
    text = official_text(page)
    source = (CORPUS / "docs" / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    shown = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert shown == source.rstrip("\n")  # every line, every space, in order
    official = page.split('<div class="kh-official">', 1)[1]
    for tag in ("<pre", "<code", "<hr", "<h1", "<h2", "<h3", "<table"):
        assert tag not in official.split("</article>", 1)[0], tag
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in page.split('<div class="kh-official">', 1)[0].split("Toàn văn")[-1]
    # the citations of the body are still marked: not in this copy, so shown as unresolved
    assert 'class="kh-unresolved"' in text and "161-HD/BTGTW" in text


def test_a_plain_body_escapes_everything_and_links_a_citation(repo_copy):
    root = repo_copy
    path = root / "plans" / "duk-hanoi-dh" / "kh-5-2023.md"
    body = (
        "    Số 5-KH/ĐUK\n\nTiêu đề\n-----\n<script>alert(1)</script> & {{ x }} **không đậm**\n"
        "Thực hiện Kế hoạch số 90-KH/ĐUK, ngày 28/02/2023.\n"
    )
    path.write_text(
        "---\ntype: KH\nnumber: '5'\nissuer: duk-hanoi-dh\ndate: 2023-03-01\nbody_format: plain\n---\n" + body,
        encoding="utf-8",
    )
    repo = load_repository(root)
    view = build_view(repo, dt.date(2023, 3, 1))
    entry = next(e for e in repo.entries if e.key == "duk-hanoi-dh/kh-5-2023")
    out = linked_body(entry, view.refs_of(entry), entry.page_path)
    assert out.startswith('<div class="kh-plain">') and out.endswith("</div>")
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert '<a href="../kh-90-2023/"' in out  # the raw HTML link is the served page's URL
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == body.rstrip("\n")
