"""Who must do what by when, in a real Chromium on a desktop and a phone: organisation and chủ trì on every
task list, filters without a server, unit pages with their calendar, archived work archived on every page
(built after the term, and built before it but read after), and the home page's «what must we do now»."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from conftest import CHROMIUM, NO_CHROMIUM, serve
from helpers import build_copy

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=NO_CHROMIUM)

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
CHUNG = "Tham mưu xây dựng dự thảo Báo cáo chung của Đảng ủy Khối"  # 90-KH/ĐUK, Hà Nội, last day 14/3/2023
GIALAI = "Tham mưu xây dựng báo cáo sơ kết cấp Đảng ủy Khối theo lĩnh vực"  # 69-KH/ĐUK, Gia Lai
AFTER_TERM = "2026-02-01"  # the blocs' 2020–2025 terms have ended: every seed plan is archived


@pytest.fixture(params=sorted(SCREENS))
def screen(request):
    return request.param


@pytest.fixture()
def open_page(browser, screen):
    """A page on the chosen screen, the reader's clock set to a day; JavaScript errors collected."""
    contexts = []

    def make(url: str, today: dt.datetime | None = None, **options):
        context = browser.new_context(viewport=SCREENS[screen], **options)
        contexts.append(context)
        pg = context.new_page()
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.requests = []
        pg.on("request", lambda r: pg.requests.append(r.url))
        if today is not None:
            pg.clock.set_fixed_time(today)
        pg.goto(url)
        return pg

    yield make
    for context in contexts:
        context.close()


def visible_rows(pg):
    return pg.locator(".kh-tasks tbody tr:visible")


def test_dashboard_rows_show_the_organisation_and_the_lead_unit(open_page, site_url):
    pg = open_page(site_url + "nhiem-vu/", dt.datetime(2023, 3, 1, 9))
    chung = pg.locator("tr", has_text=CHUNG)
    assert chung.locator(".kh-col-org").inner_text() == "Đảng ủy Khối Hà Nội"
    assert chung.locator(".kh-col-lead").inner_text() == "Ban Tuyên giáo Đảng ủy Khối"
    assert chung.locator(".kh-col-org").is_visible() and chung.locator(".kh-col-lead").is_visible()
    gialai = pg.locator("tr", has_text=GIALAI)
    assert gialai.locator(".kh-col-org").inner_text() == "Đảng ủy Khối Gia Lai"  # 69-KH and 90-KH told apart
    assert "Đoàn Khối" in gialai.locator(".kh-col-lead").inner_text()
    assert pg.errors == []


def test_filters_by_organisation_unit_and_status_narrow_the_rows_without_a_server(open_page, site_url):
    pg = open_page(site_url + "nhiem-vu/", dt.datetime(2023, 3, 16, 9))
    pg.wait_for_load_state("networkidle")
    everything = visible_rows(pg).count()
    asked = len(pg.requests)
    pg.select_option(".kh-filters select[data-filter=org]", "duk-gialai-cqdn")
    gialai = visible_rows(pg)
    assert 0 < gialai.count() < everything
    assert set(gialai.evaluate_all("rows => rows.map(r => r.dataset.org)")) == {"duk-gialai-cqdn"}
    assert "to-chuc=duk-gialai-cqdn" in pg.url
    pg.select_option(".kh-filters select[data-filter=org]", "")
    pg.select_option(".kh-filters select[data-filter=unit]", "duk-hanoi-dh:ban-tuyen-giao")
    unit = visible_rows(pg)
    assert 0 < unit.count() < everything
    units = (
        "rows => rows.map(r => [...r.querySelectorAll('.kh-col-lead a, .kh-col-support a')].map(a => a.dataset.unit))"
    )
    for who in unit.evaluate_all(units):
        assert "duk-hanoi-dh:ban-tuyen-giao" in who
    pg.select_option(".kh-filters select[data-filter=unit]", "")
    pg.select_option(".kh-filters select[data-filter=status]", "overdue")
    late = visible_rows(pg)
    assert late.count() >= 1 and all(t.startswith("quá hạn") for t in late.locator(".kh-status").all_inner_texts())
    assert pg.locator("tr", has_text=CHUNG).is_visible()  # two days late on 16/3
    pg.wait_for_load_state("networkidle")
    # the filters ask no server (Chromium asks for the icon again when the address's #… changes)
    assert [u for u in pg.requests[asked:] if not u.endswith("/favicon.png")] == []
    assert pg.locator(".kh-filter-count").inner_text() == f"Hiện {late.count()}/{everything} nhiệm vụ"
    # the choice is in the address: a link opens the list filtered the same way
    again = open_page(pg.url, dt.datetime(2023, 3, 16, 9))
    assert visible_rows(again).count() == late.count()
    assert pg.errors == [] and again.errors == []


def test_without_javascript_the_whole_list_shows(open_page, site_url):
    pg = open_page(site_url + "nhiem-vu/", java_script_enabled=False)
    assert pg.locator(".kh-filters").count() == 0
    assert visible_rows(pg).count() == pg.locator(".kh-tasks tbody tr").count() > 0


def test_a_unit_page_separates_lead_and_support_and_its_calendar_downloads(open_page, site_url):
    pg = open_page(site_url + "nhiem-vu/don-vi/", dt.datetime(2023, 3, 1, 9))
    section = pg.locator("h2", has_text="Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội")
    assert section.count() == 1
    pg.locator("a", has_text="Ban Tuyên giáo Đảng ủy Khối").last.click()
    pg.wait_for_load_state()
    assert pg.url.endswith("/nhiem-vu/don-vi/duk-hanoi-dh-ban-tuyen-giao/")
    headings = pg.locator("h2").all_inner_texts()
    assert any(h.startswith("Chủ trì") for h in headings) and any(h.startswith("Phối hợp") for h in headings)
    section = "xpath=//h2[starts-with(., '{}')]/following-sibling::div[contains(@class, 'kh-tasks')][1]//tbody/tr"
    lead, support = pg.locator(section.format("Chủ trì")), pg.locator(section.format("Phối hợp"))
    assert lead.count() >= 1 and support.count() >= 1
    assert CHUNG in " ".join(lead.all_inner_texts())
    link = pg.locator(".kh-unit-calendar a")
    assert link.count() == 1 and link.is_visible()
    response = pg.request.get(link.evaluate("a => a.href"))
    body = response.text()
    assert response.ok and body.startswith("BEGIN:VCALENDAR")
    assert "Tham mưu xây dựng dự thảo Báo cáo chung" in body.replace("\r\n ", "")
    assert pg.errors == []


def test_the_calendar_is_a_month_grid_and_a_list_on_the_phone(open_page, site_url, screen):
    pg = open_page(site_url + "nhiem-vu/lich/2023-03/", dt.datetime(2023, 3, 1, 9))
    grid = pg.locator(".kh-month")
    day = grid.locator('td[data-date="2023-03-14"]')
    assert day.locator("a", has_text="Tham mưu xây dựng dự thảo").count() >= 1
    empty = grid.locator('td[data-date="2023-03-15"]')
    if screen == "desktop":
        assert grid.locator("thead th").count() == 7 and empty.is_visible()
        assert grid.locator("thead th").first.inner_text() == "T2"
    else:  # a list of the days with tasks, each named, no sideways scrolling
        assert not empty.is_visible() and not grid.locator("thead").is_visible()
        assert day.locator(".kh-day-name").first.is_visible()
        assert grid.bounding_box()["width"] <= SCREENS["phone"]["width"]
    day.locator("a").first.click()
    assert pg.url.endswith("#nv-duk-hanoi-dh-kh-90-2023-bao-cao-chung")
    assert pg.locator("#nv-duk-hanoi-dh-kh-90-2023-bao-cao-chung").is_visible()


def test_the_home_page_lists_what_is_due_by_the_readers_today(open_page, site_url):
    later = "Tổ chức Hội nghị sơ kết công tác giữa nhiệm kỳ của Đảng bộ Khối"  # last day 9/4/2023
    pg = open_page(site_url, dt.datetime(2023, 3, 1, 9))
    box = pg.locator(".kh-due-now")
    assert box.locator("tr", has_text=CHUNG).is_visible()
    assert not box.locator("tr", has_text=later).is_visible()  # 39 days away on 1/3
    assert pg.locator("form.kh-search-form[action='tim-kiem/'] input[name=q]").is_visible()
    pg = open_page(site_url, dt.datetime(2023, 3, 16, 9))
    box = pg.locator(".kh-due-now")
    row = box.locator("tr", has_text=CHUNG)
    assert row.locator(".kh-status").inner_text() == "quá hạn 2 ngày"
    assert row.locator(".kh-col-org").inner_text() == "Đảng ủy Khối Hà Nội"
    assert row.locator(".kh-col-lead").inner_text() == "Ban Tuyên giáo Đảng ủy Khối"
    assert box.locator("tr", has_text=later).is_visible()  # 24 days away on 16/3
    assert pg.locator("h2", has_text="Văn bản mới").is_visible()
    latest = pg.locator("h2:has-text('Văn bản mới') + ul > li")
    assert latest.count() == 8 and "41-KH/ĐUK" in latest.first.inner_text()
    assert pg.locator("a[href$='nhiem-vu/to-chuc/duk-hanoi-dh/']").count() >= 1
    assert pg.errors == []


# Where the task of 90-KH/ĐUK shows: the plan, the calendar, its lead unit's page, and (while current) the
# dashboard and the home page.
PAGES = ("van-ban/duk-hanoi-dh/kh-90-2023/", "nhiem-vu/lich/2023-03/", "nhiem-vu/don-vi/duk-hanoi-dh-ban-tuyen-giao/")


def assert_archived_everywhere(open_page, base: str, today: dt.datetime) -> None:
    for path in PAGES:
        pg = open_page(base + path, today)
        statuses = pg.locator(".kh-status").all_inner_texts()
        assert statuses and not any(s.startswith("quá hạn") for s in statuses), path
        assert pg.locator("tr", has_text=CHUNG).locator(".kh-status").first.inner_text() == "lưu trữ", path
        assert pg.locator(".kh-overdue").count() == 0, path
        assert pg.errors == []
    home = open_page(base, today)
    assert home.locator(".kh-due-now tr", has_text=CHUNG).filter(visible=True).count() == 0
    dashboard = open_page(base + "nhiem-vu/", today)
    assert dashboard.locator(".kh-overdue").count() == 0


@pytest.fixture(scope="module")
def after_term_site_url(tmp_path_factory):
    """The site built at a date after the seeds' terms ended."""
    code, err, site = build_copy(
        tmp_path_factory.mktemp("after-term"), lambda root: None, {"KEHOACH_AS_OF": AFTER_TERM}
    )
    assert code == 0, err[-3000:]
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_task_archived_by_the_checker_is_archived_on_every_page(open_page, after_term_site_url):
    assert_archived_everywhere(open_page, after_term_site_url, dt.datetime(2026, 2, 1, 9))


def test_a_page_built_before_the_term_ended_read_after_it_shows_archived(open_page, site_url):
    # built on 1/3/2023 (site_url), read on 1/2/2026: the browser applies the same rule with the archive day
    assert_archived_everywhere(open_page, site_url, dt.datetime(2026, 2, 1, 9))
    pg = open_page(site_url + "nhiem-vu/", dt.datetime(2025, 12, 31, 9))  # the term's last day: still late
    assert pg.locator("tr", has_text=CHUNG).locator(".kh-status").inner_text().startswith("quá hạn")
