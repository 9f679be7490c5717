"""«Sửa văn bản này» and «Báo sai sót»: written from a configured forge address, never from Material's
repo_url (which makes every page ask the forge's API for repository facts, a request outside the site)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import serve
from helpers import ROOT, build_copy

from kehoach.site.forge import ForgeError, forge_from

PLAN = "plans/duk-hanoi-dh/kh-90-2023.md"
PAGE = "van-ban/duk-hanoi-dh/kh-90-2023/index.html"
FORGE = {"KEHOACH_FORGE_URL": "https://github.com/ban-ky-thuat/kho-ke-hoach", "KEHOACH_AS_OF": "2023-03-01"}


def links(html: str) -> dict[str, str]:
    """The page's actions by their title: {"Sửa văn bản này": address, …}."""
    found = re.findall(r'<a href="([^"]+)" title="([^"]+)" class="md-content__button', html)
    return {title: href.replace("&amp;", "&") for href, title in found}


def test_github_and_gitlab_addresses():
    github = forge_from({"url": "https://github.com/to-chuc/kho/", "branch": "main"})
    assert github is not None and github.kind == "github"
    assert github.edit_url("plans/a b.md") == "https://github.com/to-chuc/kho/edit/main/plans/a%20b.md"
    query = parse_qs(urlsplit(github.report_url("Báo sai sót: 90-KH/ĐUK", "Văn bản: …")).query)
    assert query == {"title": ["Báo sai sót: 90-KH/ĐUK"], "body": ["Văn bản: …"]}
    gitlab = forge_from({"url": "https://git.tinhuy.vn/van-phong/kho", "branch": "chinh"})
    assert gitlab is not None and gitlab.kind == "gitlab"
    assert gitlab.edit_url("plans/x.md") == "https://git.tinhuy.vn/van-phong/kho/-/edit/chinh/plans/x.md"
    assert parse_qs(urlsplit(gitlab.report_url("T", "B")).query) == {"issue[title]": ["T"], "issue[description]": ["B"]}
    assert forge_from({"url": ""}) is None and forge_from(None) is None


@pytest.mark.parametrize(
    "raw",
    [
        {"url": "javascript:alert(1)"},
        {"url": "https://github.com/x/y?next=evil"},
        {"url": "file:///etc/passwd"},
        {"url": "https://github.com/x/y", "branch": "main?x"},
        {"url": "https://github.com/x/y", "kind": "bitbucket"},
        {"url": "https://github.com/x/y", "edit": "z"},
        "https://github.com/x/y",
    ],
)
def test_a_wrong_forge_setting_is_refused_in_vietnamese(raw):
    with pytest.raises(ForgeError) as e:
        forge_from(raw)
    assert "«extra: kehoach: forge" in str(e.value)


def test_material_never_asks_the_forge_for_repository_facts():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "repo_url" not in config and "edit_uri" not in config


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    code, err, out = build_copy(tmp_path_factory.mktemp("forge"), lambda root: None, env=FORGE)
    assert code == 0, err[-3000:]
    return out


def test_every_document_page_can_be_edited_and_reported(site):
    actions = links((site / PAGE).read_text(encoding="utf-8"))
    assert actions["Sửa văn bản này"] == f"https://github.com/ban-ky-thuat/kho-ke-hoach/edit/main/{PLAN}"
    report = parse_qs(urlsplit(actions["Báo sai sót"]).query)
    assert report["title"] == ["Báo sai sót: Kế hoạch 90-KH/ĐUK"]
    assert f"Tệp: {PLAN}" in report["body"][0] and "van-ban/duk-hanoi-dh/kh-90-2023/" in report["body"][0]
    from kehoach.model.load import load_repository

    for entry in load_repository(site.parent / "proj").entries:
        page = site / entry.page_path.removesuffix(".md") / "index.html"
        assert links(page.read_text(encoding="utf-8"))["Sửa văn bản này"].endswith(entry.path), entry.path
    assert "Sửa văn bản này" not in (site / "index.html").read_text(encoding="utf-8"), "only documents have them"


def test_without_a_forge_address_there_are_no_such_links(tmp_path):
    code, err, out = build_copy(tmp_path, lambda root: None, env={"KEHOACH_AS_OF": "2023-03-01"})
    assert code == 0, err[-3000:]
    assert "md-content__button" not in (out / PAGE).read_text(encoding="utf-8")


def test_the_actions_sit_in_the_content_header_and_the_page_asks_nothing_outside(site, browser):
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(base + PAGE)
        page.wait_for_load_state("networkidle")
        edit = page.locator("a.kh-edit")
        title = page.locator("article h1").first
        box, heading = edit.bounding_box(), title.bounding_box()
        assert box and heading and box["x"] > heading["x"] + heading["width"] / 2, "on the right, as Material's"
        assert abs(box["y"] - heading["y"]) < 40, "level with the title"
    finally:
        page.close()
        server.shutdown()
    outside = [u for u in requests if not u.startswith(base) and not u.startswith("data:")]
    assert outside == [], outside
