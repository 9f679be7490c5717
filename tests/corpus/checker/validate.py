"""Validate the checker mutation corpus; optionally run `kehoach check` on every case.

    python tests/corpus/checker/validate.py            # every case applies cleanly (no checker run)
    python tests/corpus/checker/validate.py --run      # also run the checker: caught / missed per class
    python tests/corpus/checker/validate.py --run --only sym- -v   # some cases, with their new findings

Structural checks (see README.md for the format): ids unique, classes and codes known, every edit
applies to a fresh copy of the repository content (each `find` occurs exactly once in its file at the
moment it is applied), every line needle occurs exactly once in the edited file, and every created
Markdown document has front matter that YAML can read (except where the case is about exactly that).
"""

from __future__ import annotations

import argparse
import base64
import collections
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CONTENT = ("organizations.yml", "plans", "outlines", "resolutions")
CLASSES = {
    "symbol-variant",
    "new-year",
    "deadline-wording",
    "duplicate-key",
    "frontmatter-vs-text",
    "unseen-files",
    "organizations",
    "messages",
    "markup",
    "classic",
}
CODES = {
    "F001",
    "F002",
    "F003",
    "S001",
    "S002",
    "S003",
    "S004",
    "S005",
    "S006",
    "S007",
    "S008",
    "S009",
    "S010",
    "S011",
    "R101",
    "R102",
    "R103",
    "R104",
    "R105",
    "R106",
    "R107",
    "R108",
    "R111",
    "R112",
    "D201",
    "D202",
    "D203",
    "D204",
    "D205",
    "D206",
    "D207",
    "D208",
    "D209",
    "D210",
    "D211",
    "I401",
    "M301",
    "M302",
}
# Cases whose expected finding is about a file YAML cannot (or must not) read as a document.
UNREADABLE = {"S001", "F001", "F002", "S010"}
DEFAULT_AS_OF = dt.date(2023, 3, 1)
EDIT_KINDS = ("file", "create", "create_bytes_b64", "symlink", "mkdir", "delete")


class CaseError(Exception):
    pass


def load_corpus() -> list[tuple[str, dict]]:
    items = []
    for kind in ("cases", "controls"):
        for path in sorted((HERE / kind).glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(data, list):
                raise SystemExit(f"{path}: must be a YAML list of cases")
            items += [(f"{kind}/{path.name}", case) for case in data]
    return items


def check_shape(where: str, case: dict, seen: set[str]) -> list[str]:
    errs = []
    cid = case.get("id")
    if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cid):
        errs.append(f"bad id {cid!r}")
    elif cid in seen:
        errs.append("duplicate id")
    seen.add(str(cid))
    if case.get("class") not in CLASSES:
        errs.append(f"unknown class {case.get('class')!r}")
    if not case.get("note"):
        errs.append("missing note")
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if not isinstance(as_of, dt.date):
        errs.append(f"as_of must be a date, got {as_of!r}")
    edits = case.get("edits")
    if not isinstance(edits, list) or not edits:
        errs.append("edits must be a non-empty list")
    else:
        for e in edits:
            kinds = [k for k in EDIT_KINDS if k in e]
            if len(kinds) != 1:
                errs.append(f"edit must have exactly one of {EDIT_KINDS}: {sorted(e)}")
                continue
            allowed = {
                "file": {"file", "find", "replace"},
                "create": {"create", "text"},
                "create_bytes_b64": {"create_bytes_b64", "data"},
                "symlink": {"symlink", "to"},
                "mkdir": {"mkdir"},
                "delete": {"delete"},
            }[kinds[0]]
            if set(e) != allowed:
                errs.append(f"edit {kinds[0]} must have keys {sorted(allowed)}, has {sorted(e)}")
            target = e[kinds[0]]
            parts = Path(target).parts if isinstance(target, str) else ()
            inside = target == CONTENT[0] or (len(parts) > 1 and parts[0] in CONTENT[1:])
            if not inside or ".." in parts:
                errs.append(f"edit path outside the content folders: {target!r}")
    expect = case.get("expect")
    if where.startswith("controls/"):
        if expect != "none":
            errs.append("a control must have expect: none")
        if "max_new_errors" in case:
            errs.append("max_new_errors is for cases")
    else:
        if not isinstance(expect, dict) or set(expect) != {"code", "file", "line"}:
            errs.append("expect must have code, file, line")
        else:
            if expect["code"] not in CODES:
                errs.append(f"unknown code {expect['code']!r}")
            if not isinstance(expect["line"], (str, int, type(None))) or isinstance(expect["line"], bool):
                errs.append("line must be a needle string, an integer or null")
        if "max_new_errors" in case and not isinstance(case["max_new_errors"], int):
            errs.append("max_new_errors must be an integer")
    extra = set(case) - {"id", "class", "note", "as_of", "edits", "expect", "max_new_errors"}
    if extra:
        errs.append(f"unknown keys {sorted(extra)}")
    return errs


def fresh_copy(dest: Path) -> None:
    for name in CONTENT:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, symlinks=True)
        elif src.exists():
            shutil.copy2(src, dest / name)


def apply_edits(root: Path, edits: list[dict]) -> list[str]:
    """Apply in order; return the relative paths of Markdown documents created from text."""
    created = []
    for e in edits:
        if "file" in e:
            path = root / e["file"]
            if not path.is_file():
                raise CaseError(f"{e['file']}: no such file to edit")
            text = path.read_bytes().decode("utf-8")
            n = text.count(e["find"])
            if n != 1:
                raise CaseError(f"{e['file']}: find occurs {n} times: {e['find'][:80]!r}")
            path.write_bytes(text.replace(e["find"], e["replace"]).encode("utf-8"))
        elif "create" in e:
            path = root / e["create"]
            if os.path.lexists(path):
                raise CaseError(f"{e['create']}: already exists")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(e["text"].encode("utf-8"))
            if path.suffix == ".md" and path.name.lower() not in ("readme.md", "index.md"):
                created.append(e["create"])
        elif "create_bytes_b64" in e:
            path = root / e["create_bytes_b64"]
            if os.path.lexists(path):
                raise CaseError(f"{e['create_bytes_b64']}: already exists")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(e["data"], validate=True))
        elif "symlink" in e:
            path = root / e["symlink"]
            if os.path.lexists(path):
                raise CaseError(f"{e['symlink']}: already exists")
            path.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(e["to"], path)
        elif "mkdir" in e:
            path = root / e["mkdir"]
            if os.path.lexists(path):
                raise CaseError(f"{e['mkdir']}: already exists")
            path.mkdir(parents=True)
        elif "delete" in e:
            path = root / e["delete"]
            if not path.is_file():
                raise CaseError(f"{e['delete']}: no such file to delete")
            path.unlink()
    return created


def front_matter(text: str):
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise CaseError("no opening ---")
    for i, line in enumerate(lines[1:], 1):
        if re.fullmatch(r"---[ \t]*", line):
            return yaml.load("\n".join(lines[1:i]), Loader=yaml.BaseLoader)  # syntax only: values stay text
    raise CaseError("no closing ---")


def expected_line(root: Path, expect: dict) -> int | None:
    line = expect["line"]
    if line is None or isinstance(line, int):
        return line
    path = root / expect["file"]
    if not path.is_file():
        raise CaseError(f"line needle given but {expect['file']} is not a readable file")
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n").lstrip("\ufeff")
    n = text.count(line)
    if n != 1:
        raise CaseError(f"line needle occurs {n} times in {expect['file']}: {line!r}")
    return text[: text.index(line)].count("\n") + 1


def check_case(where: str, case: dict, workdir: Path) -> tuple[Path, int | None]:
    root = workdir / case["id"]
    root.mkdir()
    fresh_copy(root)
    created = apply_edits(root, case["edits"])
    expect = case["expect"]
    code = expect["code"] if isinstance(expect, dict) else None
    for rel in created:
        if code in UNREADABLE and expect["file"] == rel:
            continue
        try:
            data = front_matter((root / rel).read_text(encoding="utf-8"))
        except (CaseError, yaml.YAMLError) as err:
            raise CaseError(f"created {rel}: front matter does not parse: {str(err).splitlines()[0]}") from None
        if not isinstance(data, dict):
            raise CaseError(f"created {rel}: front matter is not a mapping")
    line = None
    if isinstance(expect, dict):
        if not os.path.lexists(root / expect["file"]):
            raise CaseError(f"expected file {expect['file']} does not exist after the edits")
        line = expected_line(root, expect)
    return root, line


# --- running the checker ----------------------------------------------------------------------


def run_checker(cmd: list[str], root: Path, as_of: dt.date) -> list[dict]:
    r = subprocess.run(
        cmd + ["check", "--root", str(root), "--as-of", as_of.isoformat(), "--format", "json", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    try:
        return [f for f in json.loads(r.stdout)["findings"] if not f.get("acknowledged")]
    except (json.JSONDecodeError, KeyError):
        tail = (r.stderr or r.stdout).strip().splitlines()
        return [
            {
                "code": "CRASH",
                "severity": "error",
                "path": "-",
                "line": None,
                "message": tail[-1] if tail else "no output",
            }
        ]


def key(f: dict) -> tuple:
    return f["code"], f["path"], f["line"], f["message"]


def new_findings(found: list[dict], base: list[dict]) -> list[dict]:
    left = collections.Counter(key(f) for f in base)
    out = []
    for f in found:
        if left[key(f)]:
            left[key(f)] -= 1
        else:
            out.append(f)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", action="store_true", help="run kehoach check on every case and report what it catches")
    ap.add_argument("--kehoach", default=None, help="checker command (default: REPO/.venv/bin/kehoach)")
    ap.add_argument("--only", default=None, help="only cases whose id contains this text")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the new findings of missed cases")
    args = ap.parse_args()
    cmd = args.kehoach.split() if args.kehoach else [str(REPO / ".venv/bin/kehoach")]

    corpus = load_corpus()
    seen: set[str] = set()
    problems = 0
    for where, case in corpus:
        for err in check_shape(where, case, seen):
            print(f"{where}: {case.get('id')}: {err}")
            problems += 1
    if problems:
        print(f"{problems} problem(s) in the shape of the corpus")
        return 1

    baselines: dict[dt.date, list[dict]] = {}
    tally: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    with tempfile.TemporaryDirectory(prefix="kehoach-corpus-") as tmp:
        tmp = Path(tmp)
        for where, case in corpus:
            if args.only and args.only not in case["id"]:
                continue
            try:
                root, line = check_case(where, case, tmp)
            except CaseError as err:
                print(f"{where}: {case['id']}: {err}")
                problems += 1
                continue
            if not args.run:
                shutil.rmtree(root)
                continue
            as_of = case.get("as_of", DEFAULT_AS_OF)
            if as_of not in baselines:
                base_root = tmp / f"_baseline-{as_of}"
                base_root.mkdir()
                fresh_copy(base_root)
                baselines[as_of] = run_checker(cmd, base_root, as_of)
            new = new_findings(run_checker(cmd, root, as_of), baselines[as_of])
            errors = [f for f in new if f["severity"] == "error"]
            label = ("control " if where.startswith("controls/") else "") + case["class"]
            if case["expect"] == "none":
                ok = not errors
            else:
                exp = case["expect"]
                ok = any(f["code"] == exp["code"] and f["path"] == exp["file"] and f["line"] == line for f in new)
                ok = ok and len(errors) <= case.get("max_new_errors", len(errors))
            tally[label][0 if ok else 1] += 1
            if not ok:
                want = (
                    "no new error"
                    if case["expect"] == "none"
                    else f"{case['expect']['code']} {case['expect']['file']}:{line}"
                )
                print(f"MISS {case['id']} (want {want})")
                if args.verbose:
                    for f in new:
                        print(f"     {f['code']} {f['severity']} {f['path']}:{f['line']} {f['message'][:110]}")
            shutil.rmtree(root)
    print(f"{len(corpus)} items, {problems} problem(s)")
    if args.run:
        for label in sorted(tally):
            ok, miss = tally[label]
            print(f"  {label:34} {ok:4} pass  {miss:4} miss")
        ok = sum(v[0] for v in tally.values())
        print(f"  {'total':34} {ok:4} pass  {sum(v[1] for v in tally.values()):4} miss")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
