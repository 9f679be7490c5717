"""The checker on a corpus of the mistakes staff make (tests/corpus/checker): each case applies one mistake
to a copy of the repository and expects one finding, with its code, file and line; each control is correct
but unusual text that must not be reported as an error. Prints recall per class and the false errors."""

from __future__ import annotations

import base64
import datetime as dt
import multiprocessing
import os
import shutil
import tempfile
import traceback
from collections import Counter
from pathlib import Path

import yaml
from conftest import CONTENT
from helpers import ROOT

from kehoach.checks import run_checks
from kehoach.findings import Severity
from kehoach.model.load import load_repository

CORPUS = ROOT / "tests" / "corpus" / "checker"
DEFAULT_AS_OF = dt.date(2023, 3, 1)
RECALL_TARGET = 0.97


def load(kind: str) -> list[dict]:
    items = []
    for path in sorted((CORPUS / kind).glob("*.yml")):
        items += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return items


def as_of(item: dict) -> dt.date:
    value = item.get("as_of", DEFAULT_AS_OF)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def apply(root: Path, edits: list[dict]) -> None:
    for edit in edits:
        if "file" in edit:
            path = root / edit["file"]
            text = path.read_text(encoding="utf-8")
            assert text.count(edit["find"]) == 1, (edit["file"], edit["find"])
            path.write_bytes(text.replace(edit["find"], edit["replace"]).encode("utf-8"))
        elif "create" in edit:
            path = root / edit["create"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit["text"].encode("utf-8"))
        elif "create_bytes_b64" in edit:
            path = root / edit["create_bytes_b64"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(edit["data"]))
        elif "symlink" in edit:
            path = root / edit["symlink"]
            path.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(edit["to"], path)
        elif "mkdir" in edit:
            (root / edit["mkdir"]).mkdir(parents=True, exist_ok=True)
        elif "delete" in edit:
            (root / edit["delete"]).unlink()
        else:
            raise AssertionError(f"unknown edit {edit}")


def expected_line(root: Path, expect: dict) -> int | None:
    line = expect.get("line")
    if line is None or isinstance(line, int):
        return line
    text = (root / expect["file"]).read_text(encoding="utf-8", errors="replace")
    at = text.index(line)
    return text.count("\n", 0, at) + 1


def copy_content(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in CONTENT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, symlinks=True)
        elif src.exists():
            shutil.copy2(src, target / name)
    return target


def findings_of(root: Path, day: dt.date) -> list[tuple]:
    return [
        (f.code.value, f.path, f.line, f.message, f.severity, f.acknowledged is not None)
        for f in run_checks(load_repository(root, jobs=1), day).findings
    ]


def run_item(item: dict) -> dict:
    """(status, details) of one case or control; never raises: a traceback is itself a result."""
    day = as_of(item)
    with tempfile.TemporaryDirectory(prefix="kehoach-corpus-") as tmp:
        base = copy_content(Path(tmp) / "base")
        mutated = copy_content(Path(tmp) / "mutated")
        try:
            apply(mutated, item["edits"])
        except Exception:  # noqa: BLE001 - a case that does not apply is reported, not hidden
            return {"id": item["id"], "status": "broken", "detail": traceback.format_exc(limit=2)}
        try:
            before = {f[:4] for f in findings_of(base, day) if not f[5]}
            after = [f for f in findings_of(mutated, day) if not f[5]]
        except Exception:  # noqa: BLE001
            return {"id": item["id"], "status": "traceback", "detail": traceback.format_exc()}
        new = [f for f in after if f[:4] not in before]
        new_errors = [f for f in new if f[4] == Severity.ERROR]
        expect = item["expect"]
        if expect == "none" or expect is None:
            return {
                "id": item["id"],
                "status": "false-error" if new_errors else "ok",
                "detail": [f[:4] for f in new_errors],
            }
        want = (expect["code"], expect["file"], expected_line(mutated, expect))
        hit = any((f[0], f[1], f[2]) == want for f in new)
        too_many = "max_new_errors" in item and len(new_errors) > item["max_new_errors"]
        return {
            "id": item["id"],
            "class": item.get("class"),
            "status": "caught" if hit and not too_many else "missed",
            "detail": {"want": want, "new": [f[:3] for f in new][:8]},
        }


def run_all(items: list[dict]) -> list[dict]:
    workers = os.cpu_count() or 1
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(run_item, items, chunksize=4)
    return [run_item(item) for item in items]


def test_the_checker_catches_the_mistakes_staff_make_and_spares_correct_text(capsys):
    cases, controls = load("cases"), load("controls")
    assert len(cases) >= 150 and len(controls) >= 30
    case_results, control_results = run_all(cases), run_all(controls)
    by_class: dict[str, Counter] = {}
    for item, result in zip(cases, case_results):
        by_class.setdefault(item.get("class", "?"), Counter())[result["status"]] += 1
    caught = sum(r["status"] == "caught" for r in case_results)
    false_errors = [r for r in control_results if r["status"] == "false-error"]
    tracebacks = [r for r in case_results + control_results if r["status"] == "traceback"]
    broken = [r for r in case_results + control_results if r["status"] == "broken"]
    with capsys.disabled():
        print(
            f"\nchecker corpus: recall {caught}/{len(cases)} = {caught / len(cases):.1%} (exact code, file and line); "
            f"false errors on controls {len(false_errors)}/{len(controls)}; tracebacks {len(tracebacks)}"
        )
        for name, counts in sorted(by_class.items()):
            total = sum(counts.values())
            print(f"  {name:22} {counts['caught']:>3}/{total:<3} caught")
        for r in [r for r in case_results if r["status"] == "missed"] + false_errors + tracebacks + broken:
            print(f"  {r['status']}: {r['id']}: {r['detail']}")
    assert broken == [] and tracebacks == []
    assert false_errors == []
    assert caught / len(cases) >= RECALL_TARGET
