"""Zero axe-core violations of WCAG 2.0 and 2.1, levels A and AA, on every view, on a desktop and a phone.
axe-core comes from a PyPI package (axe-playwright-python bundles axe.min.js) and is injected from disk:
nothing is fetched. A new kind of page is checked by adding its address to VIEWS (tests/screens.py)."""

from __future__ import annotations

import os
from pathlib import Path

import axe_playwright_python
import pytest
from conftest import CHROMIUM, NO_CHROMIUM
from screens import SCREENS, VIEWS

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=NO_CHROMIUM)
AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}"""


def violations(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN, TAGS)


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(viewport=SCREENS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", VIEWS)
def test_no_accessibility_violation(screen, site_url, path):
    screen.goto(site_url + path)
    if path.startswith("tim-kiem/"):
        screen.wait_for_selector("#kh-results li", timeout=15000)
    assert violations(screen) == []


def test_no_accessibility_violation_with_the_header_search_open(screen, site_url):
    screen.goto(site_url + VIEWS[1])
    screen.keyboard.press("/")
    screen.keyboard.type("so ket")
    screen.wait_for_selector("#kh-hsearch-panel .kh-results li", timeout=15000)
    assert screen.locator("#kh-hsearch-panel").is_visible()
    assert violations(screen) == []
