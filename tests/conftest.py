"""Shared fixtures: the real repository, and disposable copies of it to break on purpose."""

from __future__ import annotations

import datetime as dt  # noqa: F401
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # synthetic.py: the benchmark's repository generator, used by tests too
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # the five source documents, as received
CONTENT = ("organizations.yml", "plans", "outlines", "resolutions")


@pytest.fixture(autouse=True, scope="session")
def private_load_cache(tmp_path_factory):
    """The checker's load cache (and that of every kehoach or mkdocs the tests start) stays out of $HOME."""
    os.environ["KEHOACH_CACHE_DIR"] = str(tmp_path_factory.mktemp("kehoach-cache"))


@pytest.fixture()
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository's content that a test may edit freely."""
    for name in CONTENT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name)
        elif src.exists():
            shutil.copy2(src, tmp_path / name)
    return tmp_path


# --- the built site in headless Chromium, shared by the browser tests ----------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NO_CHROMIUM = "Không có Chromium (/usr/bin/chromium): cài bằng «apt-get install chromium»."
BUILD_DAY = "2023-03-01"  # before the seeds' deadlines, so the dashboard has open tasks
SUBPATH = "/kho/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """A local web server for `folder`, in the background; shut it down when done."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    served = tmp_path_factory.mktemp("www")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KEHOACH_AS_OF=BUILD_DAY)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(served / SUBPATH.strip("/"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    server = serve(served)
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.requests = requests
    yield pg
    context.close()
