"""`kehoach import` on the import corpus laid out otherwise than its files: the forms real documents arrive in.

Each variant is made from the corpus by a rule that changes the layout, not the content, and the expected
front matter is changed by the same rule where it shows the layout. The importer must stay accurate and,
above all, never be wrong without saying so.

- text copied from a PDF: the columns run together with single spaces («TỈNH ỦY X ĐẢNG CỘNG SẢN VIỆT NAM»);
- signatures in the style of Decree 30 («TM. BAN THƯỜNG VỤ», «KT. BÍ THƯ», «TL. …»);
- Word documents whose header block and signature are paragraphs one after another instead of tables.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_import_corpus import BUILD, CORPUS, HEADER_FIELDS, expected_of, review_fields, same, value_of

from kehoach.importer.build import import_file

VARIANT_ACCURACY_MIN = 0.90


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kho")
    shutil.copy(CORPUS / "organizations.yml", root / "organizations.yml")
    return root


def score(cases: list[tuple[str, Path, dict[str, object]]], root: Path) -> tuple[int, int, list[str]]:
    """(right, total, silent errors) over (name, input file, expected front matter) cases."""
    right = total = 0
    silent: list[str] = []
    for name, path, expected in cases:
        imported = import_file(path, root)
        reviewed = review_fields(imported)
        for field in HEADER_FIELDS:
            ok = same(field, value_of(imported, field), expected.get(field))
            right, total = right + ok, total + 1
            if not ok and field not in reviewed:
                silent.append(f"{name} {field}: {value_of(imported, field)!r} ≠ {expected.get(field)!r}")
    return right, total, silent


def text_cases(tmp: Path, change) -> list[tuple[str, Path, dict[str, object]]]:
    cases = []
    for source in sorted((CORPUS / "docs").glob("*.txt")):
        stem = source.name[: -len(".txt")]
        text = source.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        path = tmp / source.name
        path.write_text(change(text), encoding="utf-8")
        expected = expected_of(stem, "txt")
        if expected.get("symbol_as_written"):
            expected["symbol_as_written"] = change(str(expected["symbol_as_written"])).strip()
        signer = expected.get("signer")
        if isinstance(signer, dict) and signer.get("on_behalf"):
            expected["signer"] = dict(signer, on_behalf=change(signer["on_behalf"]).strip())
        cases.append((stem, path, expected))
    return cases


def run_together(text: str) -> str:
    """What copying from a PDF makes of a page: every run of blanks one space, no indentation."""
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))


def decree_30(text: str) -> str:
    return re.sub(r"\b(T|K)/(M|T|L)\b", lambda m: f"{m[1]}{m[2]}.", text.replace("T/L", "TL."))


@pytest.mark.parametrize("change", [run_together, decree_30], ids=["pdf-copy", "tm-kt"])
def test_plain_text_variants_are_read_and_every_mistake_is_flagged(repository, tmp_path, change):
    right, total, silent = score(text_cases(tmp_path, change), repository)
    assert silent == []
    assert right / total >= VARIANT_ACCURACY_MIN, f"{right}/{total}"


def without_tables(spec: dict) -> dict:
    """The same Word document with its header block and signature as paragraphs (left cell, then right)."""
    changed = dict(spec)
    head, sign = changed.pop("header_table", None) or [], changed.pop("signature_table", None) or []
    changed["paragraphs"] = [*_paragraphs(head), *(spec.get("paragraphs") or []), "", *_paragraphs(sign)]
    return changed


def _paragraphs(rows: list) -> list:
    """The paragraphs of a table's cells in reading order (a cell is a string, a paragraph or a list of them)."""
    out: list = []
    for row in rows:
        for cell in row:
            out += cell if isinstance(cell, list) else [cell]
    return out


def test_word_documents_without_layout_tables_are_read_too(repository, tmp_path):
    cases = []
    for spec_path in sorted((CORPUS / "docs").glob("*.docx.yml")):
        stem = spec_path.name[: -len(".docx.yml")]
        path = BUILD.build(without_tables(BUILD.load_spec(spec_path)), tmp_path / f"{stem}.docx")
        cases.append((stem, path, expected_of(stem, "docx")))
    right, total, silent = score(cases, repository)
    assert silent == []
    assert right / total >= VARIANT_ACCURACY_MIN, f"{right}/{total}"
