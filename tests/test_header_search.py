"""Search in the header of every page (docs/assets/kehoach.js mounts it, docs/assets/tim-kiem.js searches),
on a desktop and a phone: the keys that focus it, the passage found with its words highlighted, the link to
the section it is in, and the filters by organisation, type and year."""

from __future__ import annotations

import os
import unicodedata

import pytest
from conftest import CHROMIUM, NO_CHROMIUM
from screens import SCREENS

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=NO_CHROMIUM)
PLAN = "van-ban/duk-hanoi-dh/kh-74-2022/"
RESULTS = "#kh-hsearch-panel .kh-results > li"


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(viewport=SCREENS[request.param])
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == []


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower().replace("đ", "d")) if c.isascii())


def header_search(pg, query: str) -> None:
    pg.keyboard.press("/")
    pg.keyboard.type(query)
    # the results of what was typed, not of a part of it shown while the search code was still loading
    pg.wait_for_function(
        "q => { const l = document.querySelector('#kh-hsearch-panel .kh-results');"
        " return l && l.dataset.query === q && l.children.length > 0; }",
        arg=query,
        timeout=15000,
    )


def test_slash_and_s_focus_the_header_box_but_not_while_typing_in_a_field(screen, site_url):
    for path in ("", PLAN, "nhiem-vu/lich/"):  # pages at every depth
        screen.goto(site_url + path)
        for key in ("/", "s"):
            screen.locator("article").click(position={"x": 5, "y": 5})
            assert screen.evaluate("document.activeElement.id") != "kh-hsearch"
            screen.keyboard.press(key)
            assert screen.evaluate("document.activeElement.id") == "kh-hsearch"
            assert screen.input_value("#kh-hsearch") == ""  # the key focused the box, it typed nothing
    screen.goto(site_url + "tim-kiem/")
    screen.focus("#kh-search")
    screen.keyboard.type("so ket")
    assert screen.evaluate("document.activeElement.id") == "kh-search"
    assert screen.input_value("#kh-search") == "so ket"


def test_header_search_on_a_document_page_shows_the_passage_highlighted_and_links_its_section(screen, site_url):
    screen.goto(site_url + PLAN)
    header_search(screen, "hội nghị sơ kết")
    first = screen.locator(RESULTS).first
    assert "sơ kết giữa nhiệm kỳ" in first.locator(".kh-result-title").inner_text()
    marks = {folded(m) for m in first.locator(".kh-result-excerpt mark").all_inner_texts()}
    assert {"hoi", "nghi", "ket"} & marks, marks
    assert screen.locator("#kh-hsearch-panel").is_visible()
    section = first.locator("a.kh-result-section").first
    href, title = section.get_attribute("href"), section.inner_text()
    assert "#" in href and href.split("#")[0].endswith("/van-ban/duk-chua-ro-cqdn/kh-so-ket-giua-nhiem-ky/")
    section.click()
    screen.wait_for_url("**/kh-so-ket-giua-nhiem-ky/#*")
    anchor = screen.url.split("#")[1]
    assert title.strip() in screen.locator(f"[id='{anchor}']").inner_text()


def test_the_filters_narrow_the_results(screen, site_url):
    screen.goto(site_url + PLAN)
    header_search(screen, "nghị quyết")
    status = screen.locator("#kh-hsearch-panel .kh-hsearch__status")
    screen.wait_for_function("document.querySelector('#kh-hsearch-panel .kh-hsearch__status').textContent")
    everything = int(status.inner_text().split()[0])
    titles = screen.locator(f"{RESULTS} .kh-result-title")
    assert not all(t.startswith("Kế hoạch") for t in titles.all_inner_texts())
    screen.select_option("#kh-hsearch-panel select[name=loai]", "Kế hoạch")
    screen.wait_for_function(
        "() => [...document.querySelectorAll('#kh-hsearch-panel .kh-result-title')]"
        ".every(a => a.textContent.startsWith('Kế hoạch'))",
        timeout=15000,
    )
    plans = int(status.inner_text().split()[0])
    assert 0 < plans < everything
    screen.select_option("#kh-hsearch-panel select[name=nam]", "2023")
    screen.wait_for_function(
        f"parseInt(document.querySelector('#kh-hsearch-panel .kh-hsearch__status').textContent) < {plans}"
    )
    kept = titles.all_inner_texts()
    assert kept and all(t.startswith("Kế hoạch") for t in kept)
    assert "Kế hoạch 74-KH/ĐUK" not in kept  # issued in 2022
    more = screen.locator("#kh-hsearch-panel .kh-hsearch__more")
    if more.is_visible():  # the search page opens with the same query and filters
        assert "loai=" in more.get_attribute("href") and "nam=2023" in more.get_attribute("href")


def test_the_search_page_reads_query_and_filters_from_its_address(page, site_url):
    page.goto(site_url + "tim-kiem/?q=ngh%E1%BB%8B+quy%E1%BA%BFt&loai=K%E1%BA%BF+ho%E1%BA%A1ch")
    page.wait_for_function("document.getElementById('kh-search-status').textContent.length > 0", timeout=15000)
    assert page.input_value("select[name=loai]") == "Kế hoạch"
    titles = page.locator("#kh-results li > a.kh-result-title").all_inner_texts()
    assert titles and all(t.startswith("Kế hoạch") for t in titles)


def test_each_filter_value_offered_keeps_exactly_its_documents(page, site_url):
    page.goto(site_url + "tim-kiem/")
    offered, found = page.evaluate(
        """async () => {
          const words = await (await fetch('../assets/tim-kiem-tu-vung.json')).json();
          const pf = await import('../pagefind/pagefind.js');
          const found = {};
          for (const values of Object.values(words.filters))
            for (const [, , token] of values) found[token] = (await pf.search(token)).results.length;
          return [words.filters, found];
        }"""
    )
    assert set(offered) == {"issuer", "type", "year", "effect"}
    assert len(offered["issuer"]) >= 5 and any(v == "Kế hoạch" for v, _, _ in offered["type"])
    for values in offered.values():
        assert sum(n for _, n, _ in values) == sum(found[t] for _, _, t in values) > 20
        assert all(found[token] == n for _, n, token in values), values
