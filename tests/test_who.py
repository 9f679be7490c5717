"""Who must do what by when: every task list names the organisation, chủ trì and phối hợp, and shows a task of
an archived document as archived on every page (kehoach/site/tasklist.py, views.py, home.py, month.py)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from helpers import ROOT, copy_content
from minirepo import make_repo, write_doc

from kehoach.checks import run_checks
from kehoach.model.load import load_repository
from kehoach.site.home import due_now
from kehoach.site.month import month_grid
from kehoach.site.pages import build_pages
from kehoach.site.tasklist import nearest, task_line, unit_of
from kehoach.site.views import dashboard_pages, unit_pages

BUILD = dt.date(2023, 3, 1)
AFTER_TERM = dt.date(2026, 2, 1)  # the seeds' blocs' 2020–2025 terms have ended


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)


def view_at(repo, day: dt.date):
    return run_checks(repo, day).view


def located(view, key: str, task_id: str):
    return next(lt for lt in view.tasks_of(view.by_key[key]) if lt.task.id == task_id)


class Rows(HTMLParser):
    """The task rows of a page: attributes, each cell's text and label by its column class, the units linked
    in each cell (data-unit), the status span's attributes and the document link."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.cell: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-org" in a:
            self.rows.append({"attrs": a, "cells": {}, "labels": {}, "units": {}})
        elif tag == "td" and self.rows and a.get("class", "").startswith("kh-col-"):
            self.cell = a["class"]
            self.rows[-1]["cells"][self.cell] = ""
            self.rows[-1]["labels"][self.cell] = a.get("data-label")
        elif tag == "a" and self.cell == "kh-col-doc":
            self.rows[-1]["doc"] = a.get("href", "")
        elif tag == "a" and "data-unit" in a and self.cell:
            self.rows[-1]["units"].setdefault(self.cell, []).append(a["data-unit"])
        elif tag == "span" and a.get("class") == "kh-status" and self.rows:
            self.rows[-1]["status"] = a

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.cell:
            self.rows[-1]["cells"][self.cell] += data


def rows_of(markdown: str) -> list[dict]:
    parser = Rows()
    parser.feed(markdown)
    return parser.rows


def test_organisations_are_told_apart_by_a_short_name(repo):
    tree = repo.orgs
    assert tree.short_label("duk-gialai-cqdn") == "Đảng ủy Khối Gia Lai"
    assert tree.short_label("duk-hanoi-dh") == "Đảng ủy Khối Hà Nội"
    assert tree.short_label("tu-hanoi") == "Thành ủy Hà Nội"
    # no place known, and its short name shared: the full name, never a guessed place
    assert tree.short_label("tu-chua-ro") == "Tỉnh ủy (chưa xác định tỉnh)"
    labels = [tree.short_label(k) for k in tree.by_key]
    assert len(labels) == len(set(labels))


def test_a_row_names_the_organisation_lead_and_supporting_units(repo):
    view = view_at(repo, BUILD)
    line = task_line(view, located(view, "duk-hanoi-dh/kh-90-2023", "bao-cao-chung"))
    assert (line.org, line.org_label) == ("duk-hanoi-dh", "Đảng ủy Khối Hà Nội")
    assert [w.name for w in line.lead] == ["Ban Tuyên giáo Đảng ủy Khối"]
    assert "Ban Tổ chức Đảng ủy Khối" in [w.name for w in line.support]
    assert line.state == "open" and line.archive == dt.date(2026, 1, 1)  # the day after the bloc's term
    row = next(
        r
        for r in rows_of(dashboard_pages(view, BUILD)["nhiem-vu/index.md"])
        if "báo cáo chung" in str(r["cells"]).lower()
    )
    assert row["cells"]["kh-col-org"] == "Đảng ủy Khối Hà Nội"
    assert row["cells"]["kh-col-lead"] == "Ban Tuyên giáo Đảng ủy Khối"
    assert "Ban Tổ chức Đảng ủy Khối" in row["cells"]["kh-col-support"]
    assert row["units"]["kh-col-lead"] == ["duk-hanoi-dh:ban-tuyen-giao"]  # what the browser filters on
    assert "duk-hanoi-dh:ban-to-chuc" in row["units"]["kh-col-support"]
    assert row["labels"]["kh-col-lead"] == "Chủ trì" and row["labels"]["kh-col-status"] == "Tình trạng"
    assert row["status"]["data-archive"] == "2026-01-01" and row["status"]["data-due"] == "2023-03-14"


def test_every_task_list_is_built_by_the_one_row_builder(repo):
    """Dashboard, organisation, calendar, unit and document pages: each task row has the who columns."""
    view = view_at(repo, BUILD)
    pages = build_pages(view)
    kinds = {"nhiem-vu/index.md", "nhiem-vu/to-chuc/", "nhiem-vu/lich/2023-03.md", "nhiem-vu/don-vi/", "van-ban/"}
    seen = set()
    for path, text in pages.items():
        for row in rows_of(text):
            seen |= {k for k in kinds if path.startswith(k)}
            assert {"kh-col-lead", "kh-col-support", "kh-col-status", "kh-col-task", "kh-col-due"} <= set(row["cells"])
            assert all(label for label in row["labels"].values())
        assert "| Thời hạn | Nhiệm vụ |" not in text  # no Markdown task table left
    assert seen == kinds


def test_an_archived_documents_task_is_archived_on_every_page_never_overdue(repo):
    view = view_at(repo, AFTER_TERM)
    plan = view.by_key["duk-hanoi-dh/kh-90-2023"]
    assert view.archived(plan)
    pages = build_pages(view)
    found = 0
    for path, text in pages.items():
        for row in rows_of(text):
            status = row["status"]
            assert "quá hạn" not in row["cells"]["kh-col-status"], path
            ours = path == plan.page_path or "kh-90-2023/" in row.get("doc", "")
            if ours and status["data-state"] != "done":
                assert status["data-state"] == "archived" and row["cells"]["kh-col-status"] == "lưu trữ"
                found += 1
    assert found >= 10  # the plan page, the calendar and the unit pages
    assert rows_of(pages["nhiem-vu/index.md"]) == []  # nothing open on the dashboard


def test_the_archive_day_is_the_rule_applied_later(tmp_path):
    root = make_repo(tmp_path / "repo")
    front = {
        "type": "KH",
        "number": "5",
        "issuer": "duk-a",
        "date": "2024-03-01",
        "tasks": [{"id": "a", "title": "Báo cáo", "owner": "van-phong", "deadline": "trước ngày 30/6/2024"}],
    }
    write_doc(root, "plans", "duk-a/kh-5-2024", front, "Văn phòng báo cáo trước ngày 30/6/2024.\n")
    write_doc(root, "plans", "duk-a/kh-6-2024", front | {"number": "6", "carried_forward": "nk"}, "Văn bản.\n")
    repo = load_repository(root)
    view = view_at(repo, dt.date(2024, 7, 1))
    plan, carried = view.by_key["duk-a/kh-5-2024"], view.by_key["duk-a/kh-6-2024"]
    day = view.archive_day(plan)
    assert day == dt.date(2026, 1, 1)
    assert not view_at(repo, day - dt.timedelta(days=1)).archived(plan)
    assert view_at(repo, day).archived(plan)
    assert view_at(repo, day).archive_day(plan) is None  # already archived: nothing for the browser to do
    # carried forward into the same term: its end is still the day the rule archives it
    assert view.archive_day(carried) == dt.date(2026, 1, 1)


def test_a_document_valid_past_its_term_is_archived_the_day_after_valid_until(tmp_path):
    root = make_repo(tmp_path / "repo")
    front = {"type": "KH", "number": "7", "issuer": "duk-a", "date": "2024-03-01", "valid_until": "2026-06-30"}
    write_doc(root, "plans", "duk-a/kh-7-2024", front, "Văn bản.\n")
    repo = load_repository(root)
    plan = repo.entries[0]
    assert view_at(repo, dt.date(2024, 7, 1)).archive_day(plan) == dt.date(2026, 7, 1)
    assert not view_at(repo, dt.date(2026, 6, 30)).archived(plan)
    assert view_at(repo, dt.date(2026, 7, 1)).archived(plan)


def test_a_unit_page_separates_lead_and_support_and_links_its_calendar(repo):
    view = view_at(repo, BUILD)
    pages = unit_pages(view, BUILD)
    page = pages["nhiem-vu/don-vi/duk-hanoi-dh-ban-tuyen-giao.md"]
    lead, support = page.split("## Chủ trì")[1].split("## Phối hợp")
    assert all("duk-hanoi-dh:ban-tuyen-giao" in r["units"]["kh-col-lead"] for r in rows_of(lead))
    assert rows_of(support) and all(
        "duk-hanoi-dh:ban-tuyen-giao" in r["units"].get("kh-col-support", []) for r in rows_of(support)
    )
    assert '../../../du-lieu/lich/duk-hanoi-dh/ban-tuyen-giao.ics"' in page


def test_the_unit_list_names_each_unit_once_per_organisation(repo):
    view = view_at(repo, BUILD)
    index = unit_pages(view, BUILD)["nhiem-vu/don-vi/index.md"]
    for section in index.split("\n## ")[1:]:
        names = re.findall(r"^- \[([^\]]+)\]", section, re.M)
        assert names and len(names) == len(set(names)), section
    # an organisation and its unit of the same name («Ban Chấp hành Trung ương Đảng») are one unit
    assert unit_of(view, "tw", "tw") is unit_of(view, "tw", "bch") is not None
    assert unit_of(view, "tw", "bct") is not unit_of(view, "tw", "bch")


def test_the_month_grid_puts_each_task_on_its_day_monday_first(repo):
    view = view_at(repo, BUILD)
    tasks = [lt for lt in view.all_tasks() if lt.due and (lt.due.year, lt.due.month) == (2023, 3)]
    grid = "\n".join(month_grid(2023, 3, tasks, view))
    weeks = re.findall(r"<tr>(.*?)</tr>", grid)
    assert re.findall(r"<abbr title=\"([^\"]+)\"", grid)[:7][0] == "Thứ Hai"
    body = [w for w in weeks if "data-date" in w]
    assert all(w.count("<td") == 7 for w in body)
    assert 'data-date="2023-02-27"' in body[0]  # 1 March 2023 is a Wednesday
    day14 = re.search(r'data-date="2023-03-14">(.*?)</td>', grid)
    assert day14 and "#nv-duk-hanoi-dh-kh-90-2023-bao-cao-chung" in day14.group(1)


def test_the_home_page_sends_the_nearest_tasks_and_the_browser_picks_the_window(repo):
    view = view_at(repo, BUILD)
    text = due_now(view, "index.md", BUILD)
    rows = rows_of(text)
    assert rows and all(r["attrs"]["data-org"] for r in rows)
    assert {"kh-col-org", "kh-col-lead"} <= set(rows[0]["cells"])
    assert 'data-days="30"' in text
    assert "Tham mưu xây dựng dự thảo Báo cáo chung" in text
    later = view_at(repo, AFTER_TERM)
    assert rows_of(due_now(later, "index.md", AFTER_TERM)) == []  # archived work is not «to do now»


def test_the_home_page_keeps_the_next_due_and_the_latest_late_when_capped():
    dues = [dt.date(2023, m, d) for m, d in ((1, 1), (2, 1), (3, 1), (3, 10), (4, 1))]
    tasks = [SimpleNamespace(due=d) for d in dues]
    as_of = dt.date(2023, 3, 5)
    assert [t.due for t in nearest(tasks, as_of, 3)] == dues[2:]  # both next ones, and the latest late one
    assert [t.due for t in nearest(tasks, as_of, 1)] == [dt.date(2023, 3, 10)]
    assert [t.due for t in nearest(tasks, as_of, 9)] == dues


def test_a_rebuild_shows_what_changed_in_a_row_and_reuses_only_rows_that_did_not(tmp_path):
    """A serving session remembers rows between builds: an edited task, and a task whose document another
    document archived, must show as they are now."""
    root = copy_content(tmp_path)
    before = dashboard_pages(view_at(load_repository(root), BUILD), BUILD)
    plan = root / "plans/duk-hanoi-dh/kh-90-2023.md"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("    title: ", "    title: Đã sửa lúc xem trước — ", 1), encoding="utf-8")
    after = dashboard_pages(view_at(load_repository(root), BUILD), BUILD)
    assert "Đã sửa lúc xem trước" not in "".join(before.values())
    assert "Đã sửa lúc xem trước" in "".join(after.values())
    # the same repository a term later: every row of the plan is archived, none reused from before
    from kehoach.site.tasklist import task_table

    here = "nhiem-vu/to-chuc/duk-hanoi-dh.md"
    now = view_at(load_repository(root), BUILD)
    rows_now = "".join(task_table(here, now.tasks_of(now.by_key["duk-hanoi-dh/kh-90-2023"]), now, BUILD))
    later = view_at(load_repository(root), AFTER_TERM)
    rows_later = "".join(task_table(here, later.tasks_of(later.by_key["duk-hanoi-dh/kh-90-2023"]), later, BUILD))
    assert 'data-state="open"' in rows_now and 'data-state="archived"' not in rows_now
    assert 'data-state="archived"' in rows_later and 'data-state="open"' not in rows_later
