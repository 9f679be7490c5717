"""Screenshots of the home page, a plan page, the dashboard and a plain-text document, for reviewers:
build/screenshots/*.png.

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
OUT = ROOT / "build" / "screenshots"
CORPUS = ROOT / "tests" / "corpus" / "import"
SAMPLE = CORPUS / "docs" / "05-tthue-btgtu-hd-ky-niem-95-nam.txt"  # a space-aligned .txt, hard-wrapped
SAMPLE_ORG = "tu-thuathienhue"
PLAIN = "mau-chu-thuan"  # where the copy's site is served, beside the project's
PAGES = {
    "trang-chu": "",
    "ke-hoach-74-kh-duk": "van-ban/duk-hanoi-dh/kh-74-2022/",
    "bang-theo-doi": "nhiem-vu/",
    "van-ban-chu-thuan": f"{PLAIN}/van-ban/{SAMPLE_ORG}/hd-27-2024/",
}


def build(root: Path, site: Path, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
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
    return copy


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
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KEHOACH_AS_OF=os.environ.get("KEHOACH_AS_OF", "2023-03-01"))
        build(ROOT, Path(tmp), env)
        with tempfile.TemporaryDirectory() as scratch:
            build(plain_text_copy(Path(scratch)), Path(tmp) / PLAIN, env)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.clock.set_fixed_time("2023-03-16T09:00:00")
            for name, path in PAGES.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(f"Đã chụp {target.relative_to(ROOT)}")
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
