"""Deliberately broken inputs: each gets one clear finding with path and line, never a traceback."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from helpers import cli, findings, line_containing, new_findings

AS_OF = dt.date(2023, 3, 1)
PLAN = "plans/duk-hanoi-dh/kh-90-2023.md"


def edit(root, rel, old, new, count=1):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def only_new(root, change, as_of=AS_OF):
    before = findings(root, as_of)
    change()
    added = new_findings(before, findings(root, as_of))
    assert len(added) == 1, [f"{f.location} {f.code} {f.message}" for f in added]
    return added[0]


def test_citation_of_a_document_that_does_not_exist(repo_copy):
    append = "\nThực hiện Kế hoạch số 999-KH/TU ngày 01/01/2023 của Thành ủy Hà Nội.\n"
    path = repo_copy / PLAN
    f = only_new(repo_copy, lambda: path.write_text(path.read_text(encoding="utf-8") + append, encoding="utf-8"))
    assert (f.code, f.severity, f.path) == ("R101", "error", PLAN)
    assert f.line == line_containing(path, "999-KH/TU")
    assert "999-KH/TU" in f.message and "Thành ủy Hà Nội" in f.message


def test_impossible_date_in_the_text(repo_copy):
    f = only_new(
        repo_copy,
        lambda: edit(
            repo_copy, PLAN, "Thông báo số 01-TB/ĐUK ngày 09/9/2020", "Thông báo số 01-TB/ĐUK ngày 30/02/2020"
        ),
    )
    assert f.code == "D201" and "30/02/2020" in f.message
    assert f.line == line_containing(repo_copy / PLAN, "30/02/2020")


@pytest.mark.parametrize(
    "old, new, code, said",
    [
        ("date: 2023-02-28", "date: 2023-02-30", "D201", "2023-02-30"),  # impossible date in front matter
        ("place: Hà Nội\n", "place: Hà Nội: thủ đô\n", "S001", "ngoặc kép"),  # YAML syntax error
    ],
)
def test_broken_front_matter_is_the_documents_only_finding(repo_copy, old, new, code, said):
    edit(repo_copy, PLAN, old, new)
    found = [f for f in findings(repo_copy, AS_OF) if f.path == PLAN]
    assert [(f.code, f.line) for f in found] == [(code, line_containing(repo_copy / PLAN, new.strip()))]
    assert said in found[0].message + (found[0].hint or "")


def test_deadline_before_the_plans_own_date(repo_copy):
    as_of = dt.date(2022, 1, 1)  # before every deadline, so nothing is past due
    f = only_new(
        repo_copy, lambda: edit(repo_copy, PLAN, "trước ngày 20/3/2023", "trước ngày 20/3/2022", count=-1), as_of
    )
    assert f.code == "D202" and "20/03/2022" in f.message
    assert f.line == line_containing(repo_copy / PLAN, "**trước ngày 20/3/2022**")


def test_task_owner_unit_that_does_not_exist(repo_copy):
    f = only_new(
        repo_copy, lambda: edit(repo_copy, PLAN, "    owner: ban-tuyen-giao\n", "    owner: ban-tuyen-giao-x\n")
    )
    assert f.code == "S005" and "ban-tuyen-giao-x" in f.message
    assert f.line == line_containing(repo_copy / PLAN, "owner: ban-tuyen-giao-x")


def test_confusable_eth_in_a_symbol(repo_copy):
    f = only_new(repo_copy, lambda: edit(repo_copy, PLAN, "**Số 90 -KH/ĐUK**", "**Số 90 -KH/\u00d0UK**"))
    assert f.code == "F003" and "U+00D0" in f.message and "U+0110" in f.message
    assert f.line == line_containing(repo_copy / PLAN, "\u00d0UK")


def test_decomposed_nfd_file(repo_copy):
    path = repo_copy / PLAN
    nfd = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
    first_changed = next(
        i for i, (a, b) in enumerate(zip(path.read_text(encoding="utf-8").split("\n"), nfd.split("\n")), 1) if a != b
    )
    f = only_new(repo_copy, lambda: path.write_text(nfd, encoding="utf-8"))
    assert (f.code, f.line) == ("F002", first_changed)


@pytest.mark.parametrize(
    "payload", [b"\xff\xfeK\x00H\x00", b"---\ntitle: K\xe0 ho\xe1ch\n---\n", b"\x00\x01\x02binary"]
)
def test_undecodable_files_are_reported_not_raised(repo_copy, payload):
    (repo_copy / "plans" / "duk-hanoi-dh" / "hong.md").write_bytes(payload)
    found = [f for f in findings(repo_copy, AS_OF) if f.path.endswith("hong.md")]
    assert [f.code for f in found] == ["F001"]


def test_cli_reports_a_broken_file_without_traceback(repo_copy):
    edit(repo_copy, PLAN, "place: Hà Nội\n", "place: [Hà Nội\n")
    out = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-01")
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    assert f"{PLAN}:" in out.stdout and "S001" in out.stdout
