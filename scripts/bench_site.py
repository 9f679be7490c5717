"""Site build benchmark: kehoach's build beside a plain mkdocs-material build of the same Markdown.

For each N: our build (hook + checks + pages) and a plain build of the very pages our engine
generates, written as files, with the same theme, plugins and pruned navigation but no hook and
no macros. Prints times, their ratio (target ≤ 1.2), site bytes per document, and what a first
search downloads. Usage: python scripts/bench_site.py [N ...]  (default 1000 5000)
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(project: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KEHOACH_AS_OF="2023-01-01")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=project, env=env, check=True)
    return time.perf_counter() - start


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_search_bytes(site: Path) -> tuple[int, int]:
    """Raw and gzip bytes a first search downloads with Material's search: the index and its worker."""
    files = [site / "search" / "search_index.json", *site.glob("assets/javascripts/workers/search.*.min.js")]
    raw = sum(f.stat().st_size for f in files if f.exists())
    zipped = sum(len(gzip.compress(f.read_bytes())) for f in files if f.exists())
    return raw, zipped


def measure(n: int) -> dict:
    from kehoach.loader import load_repository
    from kehoach.site import build_pages
    from kehoach.synthetic import generate

    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "ours"
        generate(ours, n)
        for name in ("mkdocs.yml", "docs", "macros"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, ours / name)
        # The macro guide names the real seeds, which a synthetic repository does not hold.
        (ours / "docs" / "huong-dan-macro.md").write_text("# Hướng dẫn macro\n", encoding="utf-8")
        t_ours = build(ours, Path(tmp) / "site-ours")

        plain = Path(tmp) / "plain"
        shutil.copytree(ROOT / "docs", plain / "docs")
        for path, text in build_pages(load_repository(ours)).items():
            target = plain / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        text = text.replace("hooks:\n  - macros/hooks.py\n", "")
        text = text.replace("  - macros:\n      module_name: macros\n      # Official text may contain \"{{\": only pages that ask for macros get them.\n      render_by_default: false\n      on_undefined: strict\n      on_error_fail: true\n", "")
        (plain / "mkdocs.yml").write_text(text, encoding="utf-8")
        for page in (plain / "docs").rglob("*.md"):  # hand-written pages use macros: drop the calls
            body = page.read_text(encoding="utf-8")
            if "render_macros: true" in body:
                page.write_text("# Trang\n", encoding="utf-8")
        t_plain = build(plain, Path(tmp) / "site-plain")
        site = Path(tmp) / "site-ours"
        raw, zipped = first_search_bytes(site)
        return {"ours": t_ours, "plain": t_plain, "bytes_per_doc": tree_bytes(site) / n,
                "pages": sum(1 for _ in site.rglob("*.html")), "search_raw": raw, "search_gzip": zipped}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000]
    print(f"{'N':>6} {'pages':>6} {'kehoach s':>9} {'plain s':>8} {'ratio':>6} {'KB/doc':>7} {'1st search KB':>14} {'(gzip)':>7}")
    for n in sizes:
        f = measure(n)
        print(f"{n:>6} {f['pages']:>6} {f['ours']:>9.1f} {f['plain']:>8.1f} {f['ours'] / f['plain']:>6.2f} "
              f"{f['bytes_per_doc'] / 1024:>7.1f} {f['search_raw'] / 1024:>14.0f} {f['search_gzip'] / 1024:>7.0f}")
    print("targets: ratio ≤ 1.2; first search ≤ 300 KB at 5,000 documents")


if __name__ == "__main__":
    main()
