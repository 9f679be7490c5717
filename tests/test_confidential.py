"""Confidential documents never reach a public build; an internal build shows them with a banner."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re
from pathlib import Path

import pytest
from fixtures.confidential import DELIVERABLE, KEY, SENTENCES, SYMBOL, TITLE, add_confidential_plan
from helpers import ROOT, build_copy, findings
from minirepo import commit

from kehoach.exports import export_view
from kehoach.text.unicode import fold

AS_OF = {"KEHOACH_AS_OF": "2023-03-20"}  # the confidential task is then open and due in ten days


def output_texts(site: Path):
    """(path, text) of every file the build wrote, compressed ones (sitemap, search index) opened."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield path, data.decode("utf-8", errors="replace")


def leaks(site: Path) -> list[str]:
    """Where the confidential document shows through: its title, text, task, page or link, in any form."""
    secrets = [TITLE, DELIVERABLE, *SENTENCES, KEY]
    forms = {s for secret in secrets for s in (secret, html.escape(secret), fold(secret))}
    found = []
    for path, text in output_texts(site):
        folded = fold(text)
        found += [f"{path.relative_to(site)}: {s}" for s in forms if s in text or fold(s) in folded]
    return found


def prepare(root: Path) -> None:
    """The repository with git history: the confidential plan added in a commit whose message names it, with
    the public plan citing it, which a later commit then corrects (pages' «Lịch sử» and the feeds show both)."""
    commit(root, "Kho ban đầu", "2023-03-01")
    add_confidential_plan(root)
    commit(root, f"Thêm {TITLE} và kế hoạch tuyên truyền", "2023-03-10")
    citing = root / "plans" / "duk-hanoi-dh" / "kh-96-2023.md"
    text = citing.read_text(encoding="utf-8")
    citing.write_text(text.replace("Ban Tuyên giáo tổ chức", "Ban Tuyên giáo chủ trì tổ chức"), encoding="utf-8")
    commit(root, "Sửa lời văn kế hoạch tuyên truyền", "2023-03-12")


SITE_URL = {
    "KEHOACH_SITE_URL": "https://kho.example.invalid/"
}  # a site URL makes MkDocs list every page in sitemap.xml


# What a shell export or a CI variable may leave in the environment of `make site`: it must change nothing.
INHERITED = {"KEHOACH_INTERNAL": "1"}
INTERNAL_BANNER = "BẢN NỘI BỘ"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("confidential")
    public = build_copy(tmp, prepare, env=AS_OF | INHERITED | SITE_URL, name="public")
    internal = build_copy(tmp, prepare, env=AS_OF | SITE_URL, name="internal", config="mkdocs-internal.yml")
    return tmp / "proj", public, internal


def test_the_fixture_is_a_valid_document_the_checker_accepts(builds):
    root, _, _ = builds
    errors = [f for f in findings(root, dt.date(2023, 3, 20)) if f.severity == "error" and "kh-9" in f.path]
    assert errors == []


def test_public_build_holds_no_byte_of_the_confidential_document(builds):
    _, (code, err, site), _ = builds
    assert code == 0, err[-2000:]
    assert leaks(site) == []
    assert not (site / "van-ban" / "duk-hanoi-dh" / KEY).exists()


def test_the_leak_test_fails_when_exclusion_is_disabled(builds):
    """The internal build skips the exclusion: the same scan must then find the document everywhere."""
    _, _, (code, err, site) = builds
    assert code == 0, err[-2000:]
    found = leaks(site)
    for where in (
        f"van-ban/duk-hanoi-dh/{KEY}/index.html",
        "nhiem-vu/index.html",
        "sitemap.xml",
        "pagefind/",
        "du-lieu/thay-doi.atom",
        "du-lieu/to-chuc/duk-hanoi-dh.atom",
    ):
        assert any(f.startswith(where) for f in found), (where, found[:20])


def test_the_history_of_a_public_document_shows_its_changes_and_not_a_message_naming_a_withheld_one(builds):
    _, (_, _, public), (_, _, internal) = builds
    page = (public / "van-ban" / "duk-hanoi-dh" / "kh-96-2023" / "index.html").read_text(encoding="utf-8")
    history = page[page.index('id="lich-su"') :]
    assert history.count('class="kh-change"') == 2
    assert "Sửa lời văn kế hoạch tuyên truyền" in history and "<ins>chủ trì</ins>" in history
    assert "10/03/2023" in history and "và kế hoạch tuyên truyền" not in history  # that commit added the secret
    inside = (internal / "van-ban" / "duk-hanoi-dh" / "kh-96-2023" / "index.html").read_text(encoding="utf-8")
    assert f"Thêm {TITLE} và kế hoạch tuyên truyền" in inside  # the internal site may say it


def test_internal_pages_of_restricted_documents_carry_a_banner(builds):
    _, _, (_, _, site) = builds
    page = (site / "van-ban" / "duk-hanoi-dh" / KEY / "index.html").read_text(encoding="utf-8")
    assert "MẬT — chỉ lưu hành nội bộ" in page
    public_page = (site / "van-ban" / "duk-hanoi-dh" / "kh-90-2023" / "index.html").read_text(encoding="utf-8")
    assert "chỉ lưu hành nội bộ" not in public_page


def test_a_public_document_citing_it_shows_the_citation_as_plain_text(builds):
    _, (_, _, public), (_, _, internal) = builds
    citing = (public / "van-ban" / "duk-hanoi-dh" / "kh-96-2023" / "index.html").read_text(encoding="utf-8")
    official = citing[citing.index('class="kh-official"') :]
    assert f"Kế hoạch số {SYMBOL} ngày 05/3/2023" in official  # the wording stays, unlinked and unmarked
    assert "kh-unresolved" not in official and "Trích dẫn chưa có trong kho" not in citing
    linked = (internal / "van-ban" / "duk-hanoi-dh" / "kh-96-2023" / "index.html").read_text(encoding="utf-8")
    assert f'{KEY}/"' in linked  # the same citation is a link where the document may be read


@pytest.mark.parametrize(
    "marking",
    [
        "confidentiality: MẬT\nconfidentiality:\n",  # a duplicated key: YAML keeps the empty second one
        "confidentiality: MẬT\nconfidentiality: null\n",
        "confidentiality: MẬT\nconfidentiality: ~\n",
        "internal: true\ninternal: false\n",
        "internal: yes\ninternal: false\n",
        "confidentiality:\n  MẬT\nconfidentiality:\n",  # the marking on the line after its key
    ],
)
def test_a_marking_anywhere_in_the_front_matter_withholds_the_document(repo_copy, marking):
    """Fail closed: whatever value the parser ends up with, a marking written in the front matter withholds."""
    add_confidential_plan(repo_copy)
    path = repo_copy / "plans" / "duk-hanoi-dh" / f"{KEY}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("confidentiality: MẬT\n", marking), encoding="utf-8")
    everything = export_view(repo_copy, dt.date(2023, 3, 20), internal=True)
    assert f"duk-hanoi-dh/{KEY}" in everything.by_key  # the document loads (S009 says why it is wrong)
    public = export_view(repo_copy, dt.date(2023, 3, 20))
    assert f"duk-hanoi-dh/{KEY}" not in public.by_key
    assert all(TITLE not in (e.doc.title or "") for e in public.repo.entries)


def test_a_commented_out_marking_is_not_a_marking(repo_copy):
    """A YAML comment is not data: «# confidentiality: MẬT» is how an editor records a lifted marking."""
    add_confidential_plan(repo_copy)
    path = repo_copy / "plans" / "duk-hanoi-dh" / f"{KEY}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("confidentiality: MẬT\n", "# confidentiality: MẬT (giải mật)\n"), encoding="utf-8")
    assert f"duk-hanoi-dh/{KEY}" in export_view(repo_copy, dt.date(2023, 3, 20)).by_key


def test_an_inherited_internal_variable_does_not_switch_the_public_build(builds):
    """The public build ran with KEHOACH_INTERNAL=1 in its environment: still public, and it says nothing internal."""
    _, (code, err, site), _ = builds
    assert code == 0, err[-2000:]
    assert leaks(site) == []
    assert INTERNAL_BANNER not in err
    assert not any(INTERNAL_BANNER in text for path, text in output_texts(site) if path.suffix == ".html")


def test_the_internal_build_says_so_in_its_log_and_on_every_page(builds):
    _, _, (code, err, site) = builds
    assert code == 0, err[-2000:]
    assert INTERNAL_BANNER in err and "mkdocs-internal.yml" in err
    pages = [path for path in site.rglob("*.html") if path.name != "404.html"]
    assert len(pages) > 40
    unmarked = [p.relative_to(site).as_posix() for p in pages if INTERNAL_BANNER not in p.read_text(encoding="utf-8")]
    assert unmarked == []


def test_make_site_is_public_and_site_internal_is_its_own_explicit_configuration():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = dict(re.findall(r"^([a-z-]+):[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M))
    assert "mkdocs build" in recipe["site"] and "-f" not in recipe["site"].split() and "INTERNAL" not in recipe["site"]
    assert "-f mkdocs-internal.yml" in recipe["site-internal"] and "INTERNAL" not in recipe["site-internal"]
    config = (ROOT / "mkdocs-internal.yml").read_text(encoding="utf-8")
    assert "INHERIT: mkdocs.yml" in config
    assert "audience" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # the public configuration stays public
