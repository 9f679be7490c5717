"""The exported JSON Schema and the command line, as editors and CI use them."""

from __future__ import annotations

import json

import jsonschema
import pytest
from helpers import ROOT, cli

from kehoach.model.frontmatter import load_yaml, split
from kehoach.model.jsonschema import SCHEMAS, render


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name):
    model, title = SCHEMAS[name]
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == render(model, title), "run `make schema` and commit schema/"


def test_every_document_validates_against_the_exported_schema():
    schema = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(p for d in ("plans", "outlines", "resolutions") for p in (ROOT / d).rglob("*.md"))
    assert files
    for path in files:
        data = load_yaml(split(path.read_text(encoding="utf-8")).front)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"


def test_schema_rejects_a_misspelt_field():
    schema = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"type": "KH", "issuer": "tw", "onwer": "x"}, schema)


def test_organizations_file_validates_against_its_schema():
    schema = json.loads((ROOT / "schema" / "organizations.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(load_yaml((ROOT / "organizations.yml").read_text(encoding="utf-8")), schema)


def test_cli_messages_are_vietnamese_and_exit_codes_are_meaningful(tmp_path):
    out = cli("check", "--as-of", "2023-02-30")
    assert out.returncode == 2 and "không hợp lệ" in out.stderr and "Traceback" not in out.stderr
    out = cli("check", "--root", str(tmp_path))
    assert out.returncode == 2 and "organizations.yml" in out.stderr


def test_fail_on_overdue_turns_past_due_into_failure(repo_copy):
    common = ("check", "--root", str(repo_copy), "--as-of", "2023-03-16")
    assert cli(*common).returncode == 0
    failing = cli(*common, "--fail-on", "overdue")
    assert failing.returncode == 1 and "D205" in failing.stdout


def test_github_annotations_point_at_file_and_line(repo_copy):
    out = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-16", "--format", "github")
    lines = out.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(
        line.startswith("::warning file=plans/duk-hanoi-dh/kh-90-2023.md,line=") and "D205" in line for line in lines
    )


def test_normalize_rewrites_nfd_as_nfc_without_changing_the_words(tmp_path):
    import unicodedata

    text = "Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội — Số 90 -KH/ĐUK\n"
    path = tmp_path / "a.md"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert cli("normalize", "--check", str(path)).returncode == 1
    assert cli("normalize", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8") == text
    assert cli("normalize", "--check", str(path)).returncode == 0
