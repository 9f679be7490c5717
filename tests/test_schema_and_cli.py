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


def _late_done_date(repo_copy):
    """A task marked done on a day after the as-of date: an error only the calendar makes (D210)."""
    path = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    text = path.read_text(encoding="utf-8")
    task = text.index("  - id: ", text.index("tasks:"))
    line_end = text.index("\n", task)
    path.write_text(text[:line_end] + "\n    status: done\n    done_on: 2023-03-20" + text[line_end:], encoding="utf-8")
    return path


def test_findings_only_the_calendar_makes_never_fail_a_pull_request(repo_copy):
    _late_done_date(repo_copy)
    common = ("check", "--root", str(repo_copy), "--as-of", "2023-03-16")
    plain = cli(*common)
    assert "D210" in plain.stdout and plain.returncode == 0
    annotations = cli(*common, "--format", "github").stdout.splitlines()
    late = [line for line in annotations if "D210" in line]
    assert late and all(line.startswith("::warning ") for line in late)
    daily = cli(*common, "--fail-on", "overdue")
    assert daily.returncode == 1


def test_gitlab_code_quality_report_is_valid_and_written_whole(repo_copy, tmp_path):
    schema = json.loads((ROOT / "tests" / "fixtures" / "gitlab-code-quality.schema.json").read_text(encoding="utf-8"))
    report = tmp_path / "bao-cao" / "gl-code-quality-report.json"
    out = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-16", "--format", "gitlab", "--output", str(report))
    assert out.returncode == 0 and "Tổng cộng:" in out.stdout, "the job log still shows the findings as text"
    issues = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(issues, schema)
    assert issues, "the repository at that date has past-due tasks"
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    late = [i for i in issues if i["check_name"] == "D205"]
    assert late and {i["severity"] for i in late} == {"minor"}
    assert all(not i["location"]["path"].startswith("/") for i in issues)
    # an edit above a finding moves its line, not its fingerprint: the merge request does not call it new
    path = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    text = path.read_text(encoding="utf-8")
    body = text.index("\n---\n", 4) + 5
    path.write_text(text[:body] + "\n" + text[body:], encoding="utf-8")
    cli("check", "--root", str(repo_copy), "--as-of", "2023-03-16", "--format", "gitlab", "--output", str(report))
    moved = json.loads(report.read_text(encoding="utf-8"))
    assert sorted(i["fingerprint"] for i in moved) == sorted(fingerprints)
    assert {i["location"]["lines"]["begin"] for i in moved} != {i["location"]["lines"]["begin"] for i in issues}
    unwritable = cli("check", "--root", str(repo_copy), "--format", "gitlab", "--output", str(report / "x.json"))
    assert unwritable.returncode == 2 and "không ghi được" in unwritable.stderr and "Traceback" not in unwritable.stderr


def test_normalize_rewrites_nfd_as_nfc_without_changing_the_words(tmp_path):
    import unicodedata

    text = "Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội — Số 90 -KH/ĐUK\n"
    path = tmp_path / "a.md"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert cli("normalize", "--check", str(path)).returncode == 1
    assert cli("normalize", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8") == text
    assert cli("normalize", "--check", str(path)).returncode == 0
