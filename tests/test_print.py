"""Printing (docs/assets/kehoach.css, @media print): a view prints its title and the day the site was built,
a document kept only as registry information prints its card, a document holding the official text prints
as the paper alone; no page prints the site's chrome."""

from __future__ import annotations

import os

import pytest
from conftest import CHROMIUM, NO_CHROMIUM

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=NO_CHROMIUM)
CHROME = (".md-header", ".md-sidebar--primary", ".md-footer", "#kh-hsearch", ".md-tabs")
BUILT = "ngày 01 tháng 3 năm 2023"  # conftest.BUILD_DAY, as the site writes dates (36-HD: month 3 unpadded)


def printed(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    for selector in CHROME:
        assert all(not el.is_visible() for el in page.locator(selector).all()), selector


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("nhiem-vu/", "Bảng theo dõi"),
        ("nhiem-vu/lich/", "Lịch"),
        ("nhiem-vu/don-vi/duk-hanoi-dh-ban-to-chuc/", "Ban Tổ chức"),
        ("van-ban/", "Văn bản"),
    ],
)
def test_a_view_prints_its_title_and_the_day_it_was_built(page, site_url, path, title):
    page.goto(site_url + path)
    assert not page.locator(".kh-printed").is_visible()  # on screen, the line is not there
    printed(page, site_url + path)
    heading = page.locator("article h1").first
    assert heading.is_visible() and title in heading.inner_text()
    assert page.locator(".kh-printed").is_visible() and BUILT in page.locator(".kh-printed").inner_text()


def test_a_registry_only_document_prints_its_card(page, site_url):
    printed(page, site_url + "van-ban/tw/nq-21-2022/")
    assert page.locator("article h1").first.is_visible()
    assert "21-NQ/TW" in page.locator("article h1").first.inner_text()
    card = page.locator(".kh-card")
    assert card.is_visible()
    text = card.inner_text()
    assert "21-NQ/TW" in text and "Nơi, ngày ban hành" in text and "2022" in text
    assert page.locator("p.kh-editorial").first.is_visible()  # the title (trích yếu)


def test_a_document_with_its_official_text_prints_as_the_paper(page, site_url):
    printed(page, site_url + "van-ban/duk-hanoi-dh/kh-74-2022/")
    assert not page.locator("article > h1").first.is_visible()  # the text carries its own heading
    assert page.locator(".kh-official").is_visible()
    assert not page.locator(".kh-card").is_visible() and not page.locator(".kh-printed").is_visible()
