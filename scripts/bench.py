"""Benchmark: check time and peak memory for synthetic repositories of growing size.

Prints figures; it asserts nothing, because timings on shared machines are noisy.
Usage: python scripts/bench.py [N ...]   (default: 1000 5000 10000)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASURE = r"""
import datetime as dt, json, resource, sys, time
t0 = time.perf_counter()
from kehoach.model.load import load_repository
from kehoach.checks import run_checks
t1 = time.perf_counter()
repo = load_repository(sys.argv[1])
t2 = time.perf_counter()
result = run_checks(repo, dt.date(2023, 1, 1))
t3 = time.perf_counter()
errors = sum(1 for f in result.active if f.severity == "error")
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "check": t3 - t2, "documents": len(repo.entries),
                  "errors": errors, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(n: int) -> dict:
    from synthetic import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "repo", n)
        size = sum(p.stat().st_size for p in root.rglob("*.md"))
        out = subprocess.run(
            [sys.executable, "-c", MEASURE, str(root)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        figures = json.loads(out.stdout)
        # the CLI twice: a first run (as in CI, on a fresh clone) fills the load cache; a second one (an editor's
        # pre-commit run, a rebuild) re-reads files but parses none of the unchanged ones
        env = dict(os.environ, KEHOACH_CACHE_DIR=str(Path(tmp) / "cache"))
        for run in ("cli_total", "cli_warm"):
            start = time.perf_counter()
            cli = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kehoach.cli",
                    "check",
                    "--root",
                    str(root),
                    "--as-of",
                    "2023-01-01",
                    "--format",
                    "json",
                ],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env=env,
            )
            figures[run] = time.perf_counter() - start
            figures["cli_exit"] = cli.returncode
        figures["content_mb"] = size / 1e6
        return figures


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 10000]
    print(f"kehoach bench — {dt.date.today()} — Python {sys.version.split()[0]}")
    print(
        f"{'N':>7} {'docs':>7} {'MB':>6} {'load s':>7} {'check s':>8} {'load+check':>10} {'CLI total':>9} {'CLI warm':>8} {'peak MB':>8} {'errors':>6}"
    )
    rows = []
    for n in sizes:
        f = measure(n)
        rows.append((n, f))
        print(
            f"{n:>7} {f['documents']:>7} {f['content_mb']:>6.1f} {f['load']:>7.2f} {f['check']:>8.2f} "
            f"{f['load'] + f['check']:>10.2f} {f['cli_total']:>9.2f} {f['cli_warm']:>8.2f} {f['peak_mb']:>8.0f} {f['errors']:>6}"
        )
    for (n0, a), (n1, b) in zip(rows, rows[1:]):
        ratio = (b["load"] + b["check"]) / (a["load"] + a["check"])
        print(
            f"growth {n0} → {n1}: time ×{ratio:.2f}, peak memory ×{b['peak_mb'] / a['peak_mb']:.2f} "
            f"for ×{n1 / n0:g} documents (linear = ×{n1 / n0:g})"
        )
    print("targets: 10,000 documents loaded and checked in ≤ 3 s on a 2-core machine; growth linear; memory < 2 GB")
    print("(CLI total: first run, nothing cached; CLI warm: the same command again, the load cache filled)")


if __name__ == "__main__":
    main()
