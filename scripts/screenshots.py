"""Screenshots of the home page, a plan page and the dashboard, for reviewers: build/screenshots/*.png.

The site is built for 1 March 2023 (KEHOACH_AS_OF) so the dashboard shows the seeds' open tasks.
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

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "screenshots"
PAGES = {"trang-chu": "", "ke-hoach-74-kh-duk": "van-ban/duk-hanoi-dh/kh-74-2022/", "bang-theo-doi": "nhiem-vu/"}


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
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", tmp],
            cwd=ROOT,
            env=env,
            check=True,
        )
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
