"""Site build benchmark: kehoach's build beside a plain mkdocs-material build of the same Markdown, and the
time from saving one edited document to its page served again by `make serve` (mkdocs serve --dirty).
The synthetic repository has git history (three rounds of edits to a fifth of its plans each), so the
build reads it and every document page has its «Lịch sử».

For each N: our build (hook + checks + pages) and a plain build of the very pages our engine
generates, written as files, with the same theme, plugins and pruned navigation but no hook and
no macros. Prints times, their ratio (target ≤ 1.2), site bytes per document, and what a first
search downloads and what a first visit to each kind of page transfers (home, plan, registry entry,
dashboard), both measured in Chromium when it is installed. Usage: python scripts/bench_site.py [N ...]  (default 1000 5000)
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# mkdocs run in a wrapper that reports its peak memory, the Pagefind binary it starts included.
BUILD = r"""
import json, resource, runpy, sys
sys.argv = ["mkdocs", "build", "--strict", "--quiet", "--site-dir", sys.argv[1]]
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as e:
    if e.code:
        raise
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"peak_mb": peak / 1024}))
"""


def build(project: Path, site: Path) -> tuple[float, float]:
    """(seconds, peak MB) of one strict build."""
    # a first build, as on a fresh clone: the load cache starts empty, beside the project, and goes with it
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        KEHOACH_AS_OF="2023-01-01",
        KEHOACH_CACHE_DIR=str(project.parent / f"cache-{site.name}"),
    )
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", BUILD, str(site)], cwd=project, env=env, check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    return seconds, json.loads(run.stdout.strip().splitlines()[-1])["peak_mb"]


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@contextlib.contextmanager
def served_browser(site: Path) -> Iterator[tuple[Any, str] | None]:
    """(Chromium, the site's address) with the site served locally; None without Chromium."""
    import functools
    import http.server
    import threading

    chromium = shutil.which("chromium")
    if not chromium:
        yield None
        return
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            yield browser, f"http://127.0.0.1:{server.server_address[1]}/"
            browser.close()
    finally:
        server.shutdown()


def first_search_bytes(site: Path) -> int | None:
    """Bytes a first search downloads (the larger of two queries), measured in Chromium; None without it."""
    with served_browser(site) as served:
        if served is None:
            return None
        browser, base = served
        worst = 0
        for query in ("so ket", "21-NQ/TW"):
            page = browser.new_page()
            sizes: list[int] = []
            page.on(
                "response", lambda r, sizes=sizes: sizes.append(len(r.body()) if r.ok and "/pagefind/" in r.url else 0)
            )
            page.goto(base + "tim-kiem/?q=" + query)
            page.wait_for_function("document.getElementById('kh-search-status').textContent.length > 0")
            page.wait_for_load_state("networkidle")
            worst = max(worst, sum(sizes))
            page.close()
        return worst


def first_visit_bytes(site: Path, pages: dict[str, str]) -> dict[str, int] | None:
    """Bytes a first visit to each page transfers (the page, its styles, scripts, images: an empty cache; the
    local server does not compress, so these are the sizes before compression); None without Chromium."""
    with served_browser(site) as served:
        if served is None:
            return None
        browser, base = served
        found = {}
        for kind, path in pages.items():
            context = browser.new_context()  # a new context: nothing cached
            page = context.new_page()
            sizes: list[int] = []
            page.on("response", lambda r, sizes=sizes: sizes.append(len(r.body()) if r.ok else 0))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            found[kind] = sum(sizes)
            context.close()
        return found


def largest(site: Path, folder: str) -> str | None:
    """The heaviest page of a view's folder (every page of a listing or of a month is cut to size: the worst
    one is the one to measure)."""
    found = [(p.stat().st_size, p) for p in (site / folder).glob("*/index.html")]
    return max(found)[1].parent.relative_to(site).as_posix() + "/" if found else None


def page_kinds(project: Path, site: Path) -> dict[str, str]:
    """One page of each kind a first visitor lands on: home, a plan, a registry entry, the dashboard, and the
    heaviest page of each long view (a type's listing, the documents in force, a month, a unit, an
    organisation's tasks)."""
    plan = next(p for p in sorted((project / "plans").rglob("*.md")) if "- id: " in p.read_text(encoding="utf-8"))
    registry = min((project / "resolutions").rglob("*.md"))
    key = lambda p, folder: p.relative_to(project / folder).with_suffix("").as_posix()  # noqa: E731
    return {
        "home": "",
        "plan": f"van-ban/{key(plan, 'plans')}/",
        "registry": f"van-ban/{key(registry, 'resolutions')}/",
        "dashboard": "nhiem-vu/",
        "in force": "van-ban/hieu-luc/",
    } | {
        kind: path
        for kind, folder in (
            ("listing", "van-ban/loai"),
            ("month", "nhiem-vu/lich"),
            ("unit", "nhiem-vu/don-vi"),
            ("organisation", "nhiem-vu/to-chuc"),
        )
        if (path := largest(site, folder))
    }


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def edit_to_preview(project: Path, timeout: float = 600) -> dict:
    """`mkdocs serve --dirty` (what `make serve` runs) on the project: seconds of its first build, then, after
    one document's task title is edited and saved, seconds until the served page shows the new words."""
    port = free_port()
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        KEHOACH_AS_OF="2023-01-01",
        KEHOACH_CACHE_DIR=str(project.parent / "cache-serve"),
    )
    log_path = project.parent / "serve.log"
    start = time.perf_counter()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        plan = next(p for p in sorted((project / "plans").rglob("*.md")) if "\n- id: " in p.read_text(encoding="utf-8"))
        key = plan.relative_to(project / "plans").with_suffix("").as_posix()
        url = f"http://127.0.0.1:{port}/van-ban/{key}/"
        while fetch(url) is None:
            if time.perf_counter() - start > timeout or server.poll() is not None:
                raise RuntimeError(log_path.read_text(encoding="utf-8")[-3000:])
            time.sleep(0.2)
        first = time.perf_counter() - start
        time.sleep(2)  # the watcher settles after the first build
        text = plan.read_text(encoding="utf-8")
        marker = "Nhiệm vụ đã sửa lúc xem trước"
        title = text.index("  title: ", text.index("\n- id: ")) + len("  title: ")
        plan.write_text(text[:title] + marker + " " + text[title:], encoding="utf-8")
        saved = time.perf_counter()
        while marker not in (fetch(url) or ""):
            if time.perf_counter() - saved > timeout or server.poll() is not None:
                raise RuntimeError(log_path.read_text(encoding="utf-8")[-3000:])
            time.sleep(0.1)
        return {"serve_first": first, "edit_to_preview": time.perf_counter() - saved}
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure(n: int) -> dict:
    from synthetic import add_history, generate

    from kehoach.site import SiteBuild, build_date

    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "ours"
        generate(ours, n)
        add_history(ours)  # pages show their «Lịch sử» and the feeds their changes, as on a real repository
        for name in ("mkdocs.yml", "docs", "macros"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, ours / name)
        # The macro guide names the real seeds, which a synthetic repository does not hold.
        (ours / "docs" / "huong-dan-macro.md").write_text("# Hướng dẫn macro\n", encoding="utf-8")
        t_ours, peak_ours = build(ours, Path(tmp) / "site-ours")

        plain = Path(tmp) / "plain"
        shutil.copytree(ROOT / "docs", plain / "docs")
        for path, text in SiteBuild(ours, build_date(), internal=False).pages().items():
            target = plain / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        text = text.replace("hooks:\n  - macros/hooks.py\n", "")
        text = text.replace("  custom_dir: macros/theme\n", "")  # our template additions live beside the hook
        text = text.replace(
            '  - macros:\n      module_name: macros\n      # Official text may contain "{{": only pages that ask for macros get them.\n      render_by_default: false\n      on_undefined: strict\n      on_error_fail: true\n',
            "",
        )
        (plain / "mkdocs.yml").write_text(text, encoding="utf-8")
        for page in (plain / "docs").rglob("*.md"):  # hand-written pages use macros: drop the calls
            body = page.read_text(encoding="utf-8")
            if "render_macros: true" in body:
                page.write_text("# Trang\n", encoding="utf-8")
        t_plain, peak_plain = build(plain, Path(tmp) / "site-plain")
        site = Path(tmp) / "site-ours"
        served = edit_to_preview(ours)
        return served | {
            "ours": t_ours,
            "plain": t_plain,
            "bytes_per_doc": tree_bytes(site) / n,
            "peak_ours": peak_ours,
            "peak_plain": peak_plain,
            "pages": sum(1 for _ in site.rglob("*.html")),
            "search": first_search_bytes(site),
            "first_visit": first_visit_bytes(site, page_kinds(ours, site)),
        }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 10000]
    print(
        f"{'N':>6} {'pages':>6} {'kehoach s':>9} {'plain s':>8} {'ratio':>6} {'KB/doc':>7} {'peak MB':>8} "
        f"{'plain MB':>8} {'1st search KB':>14} {'serve 1st s':>11} {'edit→page s':>11}"
    )
    rows = []
    for n in sizes:
        f = measure(n)
        rows.append((n, f))
        search = f"{f['search'] / 1024:.0f}" if f["search"] else "no chromium"
        print(
            f"{n:>6} {f['pages']:>6} {f['ours']:>9.1f} {f['plain']:>8.1f} {f['ours'] / f['plain']:>6.2f} "
            f"{f['bytes_per_doc'] / 1024:>7.1f} {f['peak_ours']:>8.0f} {f['peak_plain']:>8.0f} {search:>14} "
            f"{f['serve_first']:>11.1f} {f['edit_to_preview']:>11.1f}",
            flush=True,
        )
        visits = f["first_visit"]
        if visits:
            shown = ", ".join(f"{kind} {size / 1024:.0f} KB" for kind, size in visits.items())
            print(f"{n:>6} first visit (before compression): {shown}", flush=True)
    for (n0, a), (n1, b) in zip(rows, rows[1:]):
        print(
            f"growth {n0} → {n1} (×{n1 / n0:g} documents): build time ×{b['ours'] / a['ours']:.2f}, "
            f"site bytes ×{b['bytes_per_doc'] * n1 / (a['bytes_per_doc'] * n0):.2f}, peak memory ×{b['peak_ours'] / a['peak_ours']:.2f}"
        )
    print(
        "targets: ratio ≤ 1.2; first search ≤ 300 KB at 5,000 documents; first visit to a generated page ≤ 400 KB; "
        "growth linear; memory < 2 GB; "
        "edit→page ≤ 5 s at 5,000 documents (make serve: one document saved, until its page is served again)"
    )


if __name__ == "__main__":
    main()
