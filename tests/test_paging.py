"""Long views cut into pages a slow link can load (kehoach/site/paging.py): nothing lost, nothing twice,
tables closed and opened again, links to rows that moved still lead to them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import ROOT

from kehoach.checks import run_checks
from kehoach.model.load import load_repository
from kehoach.site.paging import page_name, paginate
from kehoach.site.views import calendar_pages, organization_pages, unit_pages

BUILD = dt.date(2023, 3, 1)


@pytest.fixture(scope="module")
def view():
    return run_checks(load_repository(ROOT), BUILD).view


def rows(text: str) -> list[str]:
    return re.findall(r"<tr[^>]*data-org[^>]*>.*?</tr>", text)


def items(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("- ")]


def test_a_long_task_view_is_cut_between_rows_with_every_row_once_and_every_table_whole(view):
    pages = calendar_pages(view, BUILD) | unit_pages(view, BUILD)
    path, text = max(pages.items(), key=lambda p: len(rows(p[1])))
    assert len(rows(text)) >= 6
    cut = paginate(path, text, budget=len(text) // 3)
    assert len(cut) >= 3 and list(cut)[0] == path and page_name(path, 2) in cut
    assert sorted(r for t in cut.values() for r in rows(t)) == sorted(rows(text))
    for number, page in enumerate(cut.values(), 1):
        assert page.count("<table") == page.count("</table>") and page.count("<tbody>") == page.count("</tbody>")
        assert page.startswith("# ") and ("(trang" in page.split("\n")[0]) == (number > 1)
        assert page.count('class="kh-pages"') == 2 and f"**{number}**" in page


def test_a_link_to_a_row_on_another_page_goes_to_that_page(view):
    path, text = max(calendar_pages(view, BUILD).items(), key=lambda p: len(rows(p[1])))
    cut = paginate(path, text, budget=len(text) // 3)
    where = {a: p for p, t in cut.items() for a in re.findall(r'id="(nv-[^"]+)"', t)}
    for page, body in cut.items():
        for target, anchor in re.findall(r'href="([^"#]*)#(nv-[^"]+)"', body):
            assert (target == "") == (where[anchor] == page), (page, target, anchor)


def test_a_listing_is_cut_between_items_and_an_index_page_never(view):
    pages = organization_pages(view)
    path, text = max(((p, t) for p, t in pages.items() if not p.endswith("index.md")), key=lambda p: len(items(p[1])))
    cut = paginate(path, text, budget=len(text) // 2)
    assert len(cut) >= 2
    assert sorted(i for t in cut.values() for i in items(t)) == sorted(items(text))
    index = "van-ban/index.md"
    assert paginate(index, pages[index], budget=10) == {index: pages[index]}


def test_a_small_view_stays_one_page(view):
    path, text = next(iter(organization_pages(view).items()))
    assert paginate(path, text) == {path: text}
