"""The shape of the code: no import cycles, imports at the top, each stage reads only the stages before it,
and the finding codes the README documents are the ones the registry has."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from helpers import ROOT

from kehoach.findings import CHECKS, SEVERITY_VI, Code, Finding

PACKAGE = ROOT / "kehoach"
# Each stage may import the stages listed for it (and itself); `findings` and the package face are shared.
ALLOWED = {
    "text": set(),
    "model": {"text"},
    "checks": {"text", "model"},
    "exports": {"text", "model", "checks"},
    "site": {"text", "model", "checks", "exports"},
    "importer": {"text", "model"},
    "cli": {"text", "model", "checks", "exports", "importer"},
}
SHARED = {"kehoach", "kehoach.findings"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> list[tuple[int, str, bool]]:
    """(line, imported kehoach module, at module level) for every import of a kehoach module."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from . import checks` imports a module; `from .x import name` imports x
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            if target == "kehoach" or target.startswith("kehoach."):
                found.append((node.lineno, target, id(node) in top_level))
    return found


def graph() -> dict[str, set[str]]:
    return {name: {target for _, target, _ in imports_of(name) if target != name} for name in MODULES}


def test_the_import_graph_has_no_cycle():
    edges, state, cycles = graph(), {}, []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(trail[trail.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize("folder", ["kehoach", "macros"])
def test_imports_are_at_the_top_of_modules(folder):
    """An import inside a function hides a dependency (and, before, hid 26 cycles)."""
    late = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top_level:
                late.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert late == []


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for name in MODULES:
        stage = name.split(".")[1] if name.count(".") else None
        if stage not in ALLOWED:
            continue
        for line, target, _ in imports_of(name):
            other = target.split(".")[1] if target.count(".") else None
            if target in SHARED or other == stage or other in ALLOWED[stage]:
                continue
            wrong.append(f"{name}:{line} imports {target}")
    assert wrong == []


def test_the_engine_knows_nothing_of_mkdocs():
    for path in PACKAGE.rglob("*.py"):
        assert not re.search(r"^\s*(from|import) mkdocs", path.read_text(encoding="utf-8"), re.M), path


def test_the_readme_code_table_is_the_registry():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([FSRDIM]\d{3}) \| ([^|]+?) \|", text, re.M)
    documented = dict(rows)
    assert documented == {code.value: SEVERITY_VI[info.severity] for code, info in CHECKS.items()}


def test_contributing_explains_every_code_as_the_registry_does():
    """The «lỗi thường gặp» table is generated from the registry (scripts/error_table.py), never edited by hand."""
    import error_table

    assert all(info.fix for info in CHECKS.values()), "every code says how a staff member fixes it"
    held = error_table.current((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert held == error_table.render(), "CONTRIBUTING.md is stale: run python scripts/error_table.py"


def test_every_code_is_registered_and_a_finding_with_an_unknown_code_is_refused():
    assert set(CHECKS) == set(Code)
    assert Finding("R101", "x.md", 1, "m").code is Code.R101
    with pytest.raises(ValueError):
        Finding("R999", "x.md", 1, "m")


def test_calendar_codes_are_the_ones_that_depend_on_the_date():
    assert {code for code in Code if code.calendar} == {Code.D205, Code.D210, Code.D212, Code.D213}
