"""The paper and the phone in a real Chromium: the header block and signature in two columns, task tables
as cards on a phone, no page wider than the phone, the relationship diagram readable there."""

from __future__ import annotations

import os

import pytest
from conftest import CHROMIUM, NO_CHROMIUM

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=NO_CHROMIUM)

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# One page of each kind the site generates: home, plan, outline, registry (a resolution), the views.
PAGES = [
    "",
    "van-ban/duk-hanoi-dh/kh-74-2022/",
    "van-ban/duk-hanoi-dh/kh-90-2023/",
    "van-ban/duk-chua-ro-cqdn/kh-so-ket-giua-nhiem-ky/",
    "van-ban/duk-phutho/dc-kh-41-2023/",
    "van-ban/tw/nq-21-2022/",
    "van-ban/",
    "van-ban/theo-loai/",
    "van-ban/theo-nam/",
    "van-ban/ma-tran/",
    "nhiem-vu/",
    "nhiem-vu/lich/",
    "nhiem-vu/don-vi/",
    "tim-kiem/",
]


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def sized(request, browser):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def box(page, selector, text):
    found = page.locator(selector, has_text=text).first
    found.scroll_into_view_if_needed()
    return found.bounding_box()


def test_a_seeds_own_header_block_and_signature_stand_in_two_columns(sized, site_url):
    sized.goto(site_url + "van-ban/duk-gialai-cqdn/kh-69-2023/")
    issuer = box(sized, ".kh-official .kh-paper-head .kh-paper-left p", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN")
    national = box(sized, ".kh-official .kh-paper-head .kh-paper-right p", "ĐẢNG CỘNG SẢN VIỆT NAM")
    number = box(sized, ".kh-official .kh-paper-head .kh-paper-left p", "Số 69-KH/ĐUK")
    assert issuer["x"] + issuer["width"] <= national["x"]  # issuer left, «ĐẢNG CỘNG SẢN VIỆT NAM» right
    assert abs(issuer["y"] - national["y"]) < 10 and number["y"] > issuer["y"]  # on one band; «Số …» under it
    to = box(sized, ".kh-official .kh-paper-closing .kh-paper-left", "Nơi nhận")
    signer = box(sized, ".kh-official .kh-paper-closing .kh-paper-right p", "Dương Dã")
    assert to["x"] + to["width"] <= signer["x"]  # «Nơi nhận» left, the signature right
    underline = sized.locator(".kh-paper-national p").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert underline == "underline"


def test_a_header_drawn_from_the_front_matter_says_so_and_is_laid_out_the_same(sized, site_url):
    sized.goto(site_url + "van-ban/duk-phutho/dc-kh-41-2023/")
    drawn = sized.locator(".kh-paper-drawn").first
    assert "trình bày lại từ thông tin văn bản" in drawn.inner_text()
    issuer = box(sized, ".kh-paper-drawn .kh-paper-left p", "ĐẢNG ỦY KHỐI")
    national = box(sized, ".kh-paper-drawn .kh-paper-right p", "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert issuer["x"] + issuer["width"] <= national["x"]
    assert sized.locator(".kh-official .kh-paper-drawn").count() == 0  # never inside the official text


def test_a_task_table_is_one_card_per_task_on_a_phone_status_first_and_in_view(phone, site_url):
    phone.goto(site_url + "van-ban/duk-hanoi-dh/kh-90-2023/")
    row = phone.locator(".kh-tasks tbody tr").first
    status, due, task = (row.locator(f"td.kh-col-{c}") for c in ("status", "due", "task"))
    row.scroll_into_view_if_needed()
    boxes = [cell.bounding_box() for cell in (status, due, task)]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # status, deadline, then the task
    for b in boxes:
        assert b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"]  # no sideways scrolling to see them
    assert status.evaluate("e => getComputedStyle(e, '::before').content") == '"Tình trạng: "'
    assert phone.locator(".kh-tasks thead").bounding_box()["height"] <= 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_task_table_stays_a_table_on_the_desktop(sized, site_url):
    sized.goto(site_url + "van-ban/duk-hanoi-dh/kh-90-2023/")
    row = sized.locator(".kh-tasks tbody tr").first
    display = row.evaluate("e => getComputedStyle(e).display")
    assert display == ("table-row" if sized.viewport_size["width"] > 600 else "flex")


@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_wider_than_a_phone(browser, site_url, path):
    # a plain viewport: a mobile one would widen itself to the page and hide the overflow it measures
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("innerWidth") == PHONE["width"]
    wider = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && e.getClientRects().length)
            .slice(0, 3).map(e => e.tagName + '.' + e.className)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wider
    context.close()


def test_the_relationship_diagram_is_readable_on_a_phone(phone, site_url):
    phone.goto(site_url + "van-ban/duk-hanoi-dh/kh-74-2022/")
    sizes = phone.locator(".kh-diagram svg text").evaluate_all(
        "texts => texts.map(t => t.getBoundingClientRect().height)"
    )
    scale = phone.locator(".kh-diagram svg").evaluate("s => s.getBoundingClientRect().width / s.viewBox.baseVal.width")
    assert sizes and scale * 13 >= 12  # letters of 13 units shown at 12 px or more


def test_the_official_text_is_in_the_table_of_contents(sized, site_url):
    sized.goto(site_url + "van-ban/duk-hanoi-dh/kh-74-2022/")
    toc = sized.locator('.md-nav--secondary a[href="#toan-van"]')
    assert toc.count() == 1 and toc.first.get_attribute("href") == "#toan-van"
    assert toc.first.evaluate("e => e.textContent.trim()") == "Toàn văn"


def test_on_paper_the_header_keeps_its_two_columns_in_a_serif(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "van-ban/duk-gialai-cqdn/kh-69-2023/")
    page.emulate_media(media="print")
    issuer = box(page, ".kh-official .kh-paper-head .kh-paper-left p", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN")
    national = box(page, ".kh-official .kh-paper-head .kh-paper-right p", "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert issuer["x"] + issuer["width"] <= national["x"]
    font = page.locator(".kh-official").evaluate("e => getComputedStyle(e).fontFamily")
    assert "Times New Roman" in font
    assert page.locator(".kh-diagram").is_visible() is False  # editorial: the paper prints the text alone
    context.close()
