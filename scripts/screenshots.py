"""Screenshots for reviewers, build/screenshots/: every view of the site (tests/screens.py VIEWS, the list the
accessibility tests check) on a desktop and a phone (build/screenshots/desktop/, .../phone/), the header's
search open with results on both, a view as printed, and a plain-text document. Also a plan page's «Sửa văn
bản này» / «Báo sai sót» actions, and a page of the pull request's preview opened from disk (file://), as a
clerk sees it after unzipping.

The site is built for 1 March 2023 (KEHOACH_AS_OF) so the dashboard shows the seeds' open tasks. The
plain-text page comes from a copy of the project into which one .txt of the import corpus is imported
(`body_format: plain`): its header block, body and signature must read as the paper lays them out.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from screens import SCREENS, VIEWS  # noqa: E402  (the tests' list of views, so a view added there is photographed)

OUT = ROOT / "build" / "screenshots"
CORPUS = ROOT / "tests" / "corpus" / "import"
SAMPLE = CORPUS / "docs" / "05-tthue-btgtu-hd-ky-niem-95-nam.txt"  # a space-aligned .txt, hard-wrapped
SAMPLE_ORG = "tu-thuathienhue"
PLAIN = "mau-chu-thuan"  # where the copy's site is served, beside the project's
PLAN = "van-ban/duk-hanoi-dh/kh-74-2022/"
PLAIN_PAGE = f"{PLAIN}/van-ban/{SAMPLE_ORG}/hd-27-2024/"


def shot_name(path: str) -> str:
    """A view's address as a file name: «nhiem-vu/lich/2023-03/» -> «nhiem-vu-lich-2023-03»."""
    name = path.strip("/").replace("/?q=", "-").replace("+", "-").replace("/", "-")
    return name or "trang-chu"


COPY_CONFIG = "mkdocs-ban-sao.yml"
FORGE = "https://github.com/ban-ky-thuat/kho-ke-hoach"  # an example address: the workflows set the real one


def build(root: Path, site: Path, env: dict[str, str], config: str = "mkdocs.yml") -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "--site-dir", str(site)],
        cwd=root,
        env=env,
        check=True,
    )


def plain_text_copy(tmp: Path) -> Path:
    """A copy of the project with the sample .txt imported, its issuer added from the corpus's tree."""
    copy = tmp / "ban-sao"
    copy.mkdir()
    for item in ("mkdocs.yml", "docs", "macros", "organizations.yml", "plans", "outlines", "resolutions"):
        (shutil.copytree if (ROOT / item).is_dir() else shutil.copy2)(ROOT / item, copy / item)
    ours = yaml.safe_load((copy / "organizations.yml").read_text(encoding="utf-8"))
    corpus = yaml.safe_load((CORPUS / "organizations.yml").read_text(encoding="utf-8"))
    ours["organizations"] += [o for o in corpus["organizations"] if o["key"] == SAMPLE_ORG]
    (copy / "organizations.yml").write_text(yaml.safe_dump(ours, allow_unicode=True), encoding="utf-8")
    # The import reports the sample's citations this copy does not hold (exit 1); the file is written all the same.
    subprocess.run([sys.executable, "-m", "kehoach.cli", "import", str(SAMPLE), "--root", str(copy)], check=False)
    # ... and so the copy is built as a preview: the publishing build stops on those citations
    (copy / COPY_CONFIG).write_text("INHERIT: mkdocs.yml\nextra:\n  kehoach:\n    preview: true\n", encoding="utf-8")
    return copy


def shot(page, name: str, clip: dict | None = None) -> None:
    target = OUT / f"{name}.png"
    if clip:
        page.screenshot(path=str(target), clip={**clip, "height": min(clip["height"], 420)})
    else:
        page.screenshot(path=str(target), full_page=True)
    print(f"Đã chụp {target.relative_to(ROOT)}")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    chromium = shutil.which("chromium")
    if not chromium:
        print("Cần Chromium của Debian: apt-get install chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            NO_MKDOCS_2_WARNING="1",
            KEHOACH_AS_OF=os.environ.get("KEHOACH_AS_OF", "2023-03-01"),
            KEHOACH_FORGE_URL=FORGE,
        )
        build(ROOT, Path(tmp), env)
        preview = Path(tmp) / "xem-truoc"
        build(ROOT, preview, env, config="mkdocs-preview.yml")
        with tempfile.TemporaryDirectory() as scratch:
            build(plain_text_copy(Path(scratch)), Path(tmp) / PLAIN, env, config=COPY_CONFIG)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for screen, viewport in SCREENS.items():
                page = browser.new_page(viewport=viewport)
                page.clock.set_fixed_time("2023-03-16T09:00:00")
                (OUT / screen).mkdir(exist_ok=True)
                for path in [*VIEWS, PLAIN_PAGE]:
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    shot(page, f"{screen}/{shot_name(path)}")
                page.goto(base + PLAN)  # the header's search, open on its results
                page.keyboard.press("/")
                page.keyboard.type("hội nghị sơ kết")
                page.wait_for_selector("#kh-hsearch-panel .kh-results li")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(OUT / screen / "tim-kiem-dau-trang.png"))
                print(f"Đã chụp build/screenshots/{screen}/tim-kiem-dau-trang.png")
                page.close()
            page = browser.new_page(viewport=SCREENS["desktop"])
            page.clock.set_fixed_time("2023-03-16T09:00:00")
            page.goto(base + "nhiem-vu/")
            page.emulate_media(media="print")
            shot(page, "in-bang-theo-doi")
            page.emulate_media(media="screen")
            page.goto(base + PLAN)
            page.wait_for_load_state("networkidle")
            page.locator("a.kh-edit").hover()
            shot(page, "sua-van-ban-nay", clip=page.locator("article").bounding_box())
            page.goto((preview / "index.html").as_uri())
            page.locator("nav.md-nav--primary a", has_text="Theo tổ chức").first.evaluate("a => a.click()")
            page.wait_for_url("**/van-ban/index.html")
            shot(page, "xem-truoc-mo-tu-o-dia")
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
