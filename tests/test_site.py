"""The site builds strictly from the repository's own content (the full site is issue #3)."""

from __future__ import annotations

import html
import os
import subprocess
import sys

import pytest
from helpers import ROOT, build_copy


def test_mkdocs_build_strict_produces_a_page_per_document(tmp_path):
    out = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "WARNING" not in run.stderr
    page = (out / "van-ban" / "duk-hanoi-dh" / "kh-74-2022" / "index.html").read_text(encoding="utf-8")
    assert "Nguyễn Thanh Sơn" in page and "tăng cường củng cố, xây dựng tổ chức cơ sở đảng" in page
    stub = (out / "van-ban" / "tw" / "nq-21-2022" / "index.html").read_text(encoding="utf-8")
    assert "Được thực hiện bởi" in stub and "kh-74-2022" in stub
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index


PAGE_WITH_MACROS = "---\nrender_macros: true\n---\n# Trang\n\n{{ doc_link('21-NQ/TW') }}\n\n%s\n"


def test_a_mistyped_macro_fails_the_build_with_file_line_and_no_traceback(tmp_path):
    def typo(root):
        (root / "docs" / "sai.md").write_text(PAGE_WITH_MACROS % "{{ doc_lnk('21-NQ/TW') }}", encoding="utf-8")

    code, err, _ = build_copy(tmp_path, typo)
    assert code != 0
    assert "docs/sai.md:8: «doc_lnk» không phải macro nào của kho. Có phải «doc_link»?" in err
    offered = err.split("Các macro dùng được:", 1)[1].split(".", 1)[0]
    assert "task_table" in offered and "macros_info" not in offered  # the documented macros, not the plugin's own
    assert "Traceback" not in err and "jinja2" not in err


def test_a_macro_naming_no_document_fails_the_build_with_file_and_line(tmp_path):
    def missing(root):
        (root / "docs" / "sai.md").write_text(PAGE_WITH_MACROS % "{{ doc_link('999-NQ/TW') }}", encoding="utf-8")

    code, err, _ = build_copy(tmp_path, missing)
    assert code != 0
    assert "docs/sai.md:8: doc_link: không có văn bản «999-NQ/TW»." in err
    assert "Traceback" not in err


def test_braces_in_official_text_are_printed_as_written(tmp_path):
    literal = "{{ không phải macro }} và {% cũng không %}"

    def braces(root):
        path = root / "plans" / "duk-hanoi-dh" / "kh-74-2022.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + literal + "\n", encoding="utf-8")

    code, err, out = build_copy(tmp_path, braces)
    assert code == 0, err[-2000:]
    page = (out / "van-ban" / "duk-hanoi-dh" / "kh-74-2022" / "index.html").read_text(encoding="utf-8")
    assert literal in html.unescape(page)  # written as character references, shown as the characters


def test_every_asset_a_page_loads_is_local_and_exists(tmp_path):
    """The intranet has no internet: scripts, styles, images and fonts must come from the site itself."""
    import re
    from urllib.parse import urljoin, urlparse

    def hand_written_diagram(root):
        (root / "docs" / "so-do.md").write_text("# Sơ đồ\n\n```mermaid\ngraph LR\n  A --> B\n```\n", encoding="utf-8")

    code, err, out = build_copy(tmp_path, hand_written_diagram)
    assert code == 0, err[-2000:]
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 40
    loads = re.compile(r'<(?:script|img|source|iframe)[^>]*\ssrc="([^"]+)"|<link[^>]*\shref="([^"]+)"')
    checked = 0
    for page in pages:
        base = "http://site.local/" + page.relative_to(out).as_posix()
        for m in loads.finditer(page.read_text(encoding="utf-8")):
            url = urljoin(base, m.group(1) or m.group(2))
            parsed = urlparse(url)
            assert parsed.netloc == "site.local", f"{page}: {url} is outside the site"
            target = out / parsed.path.lstrip("/")
            assert target.exists() or (target / "index.html").exists(), f"{page}: {url} does not exist"
            checked += 1
    # a generated page draws its relationship diagram as SVG and loads no Mermaid (3.5 MB) ...
    document = (out / "van-ban" / "duk-hanoi-dh" / "kh-74-2022" / "index.html").read_text(encoding="utf-8")
    assert '<div class="kh-diagram"><svg' in document and "mermaid" not in document
    # ... and only a hand-written page that draws one with Mermaid loads the site's own copy (never a CDN's)
    loading = [
        p.relative_to(out).as_posix() for p in pages if "mermaid-11.17.2.min.js" in p.read_text(encoding="utf-8")
    ]
    assert loading == ["so-do/index.html"]
    assert checked > 100


def test_implementation_matrix_lists_who_has_and_has_not_implemented():
    import datetime as dt

    from kehoach.checks import run_checks
    from kehoach.model.load import load_repository
    from kehoach.site.views import matrix

    text = matrix(run_checks(load_repository(ROOT), dt.date(2023, 3, 1)).view)
    section = text.split("## [Nghị quyết 21-NQ/TW]")[1].split("\n## ")[0]
    assert "| Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội | ✓ [Kế hoạch 74-KH/ĐUK]" in section
    assert "| Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Gia Lai | — chưa có |" in section
    gialai = text.split("## [Nghị quyết 02-NQ/ĐUK](duk-gialai-cqdn")[1].split("\n## ")[0]
    assert "✓ [Kế hoạch 69-KH/ĐUK]" in gialai  # the bloc implementing its own committee's resolution


def test_a_page_reaching_for_python_fails_the_build_and_runs_nothing(tmp_path):
    marker = tmp_path / "da-chay"
    payload = f"{{{{ doc_link.__globals__['__builtins__']['__import__']('os').system('touch {marker}') }}}}"

    def hostile(root):
        (root / "docs" / "sai.md").write_text(PAGE_WITH_MACROS % payload, encoding="utf-8")

    code, err, _ = build_copy(tmp_path, hostile)
    assert not marker.exists()
    assert code != 0 and "docs/sai.md:8:" in err and "__globals__" in err
    assert "Traceback" not in err


def test_a_macro_page_cannot_show_a_confidential_title(tmp_path):
    from fixtures.confidential import SYMBOL, TITLE, add_confidential_plan

    def pages(root):
        add_confidential_plan(root)
        (root / "docs" / "cong-khai.md").write_text(
            PAGE_WITH_MACROS
            % f"{{{{ doc_link('{SYMBOL}') }}}}\n\n{{{{ task_table(org='duk-hanoi-dh', status=None) }}}}",
            encoding="utf-8",
        )

    code, err, site = build_copy(tmp_path, pages, env={"KEHOACH_AS_OF": "2023-03-20"})
    assert code == 0, err[-2000:]
    page = (site / "cong-khai" / "index.html").read_text(encoding="utf-8")
    assert SYMBOL in page and TITLE not in page and "Zeta" not in page
    # and the build's own objects, which hold every document, are out of reach
    (tmp_path / "proj" / "docs" / "cong-khai.md").write_text(
        PAGE_WITH_MACROS % "{% for e in config.kehoach_site.result.view.repo.entries %}{{ e.doc.title }}{% endfor %}",
        encoding="utf-8",
    )
    code, err, site = build_copy(tmp_path, pages, env={"KEHOACH_AS_OF": "2023-03-20"}, name="again")
    assert code != 0 and "«config» không phải macro" in err
    assert not (site / "cong-khai" / "index.html").exists() or TITLE not in (
        site / "cong-khai" / "index.html"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "target, start",
    [
        ("van-ban/tw/nq-21-2022.md", "van-ban/duk-hanoi-dh"),
        ("van-ban/tw/nq-21-2022.md", "van-ban/tw"),
        ("nhiem-vu/index.md", ""),
        ("assets/kehoach.js", "van-ban/duk-hanoi-dh/kh-90-2023"),
        ("van-ban/duk-hanoi-dh", "van-ban/duk-hanoi-dh"),
        ("a/b/c.md", "a/bb/c"),
        ("du-lieu/lich/tat-ca.ics", "."),
    ],
)
def test_relative_links_are_what_posixpath_makes(target, start):
    import posixpath

    from kehoach.site.format import relative

    assert relative(target, start) == posixpath.relpath(target, start or ".")
