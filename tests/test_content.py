"""Content checks on the real repository: the seeds held faithfully, references and dates consistent."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import yaml
from conftest import SEEDS
from helpers import ROOT, cli_json, findings

from kehoach.checks import run_checks
from kehoach.model.frontmatter import split
from kehoach.model.load import load_repository
from kehoach.text.unicode import is_nfc

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)


def by_source(repo):
    return {e.doc.source.rsplit("/", 1)[-1]: e for e in repo.entries if e.doc.source}


def test_every_seed_is_held_word_for_word(repo):
    held = by_source(repo)
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 5
    for seed in seeds:
        assert seed.name in held, f"{seed.name} chưa có văn bản trong kho"
        entry = held[seed.name]
        original = seed.read_text(encoding="utf-8")
        assert entry.body.strip() == original.strip(), f"{entry.path} khác bản gốc {seed.name}"


def test_all_content_files_are_nfc_utf8():
    for path in [
        ROOT / "organizations.yml",
        *sorted(p for d in ("plans", "outlines", "resolutions") for p in (ROOT / d).rglob("*.md")),
    ]:
        assert is_nfc(path.read_bytes().decode("utf-8")), path


def test_every_deadline_phrase_in_a_seed_is_a_task_with_an_understood_deadline(repo):
    from kehoach.model.tasks import locate

    for e in repo.entries:
        for lt in locate(e):
            assert lt.problems == [], (e.path, lt.task.id, lt.problems)
            if lt.task.deadline:
                assert lt.deadline is not None and lt.span is not None
        spans = [lt.span for lt in locate(e) if lt.span]
        for start, end, words in e.deadline_phrases:
            assert any(s < end and start < t for s, t in spans), (e.path, words)


def test_metadata_unknown_stays_unknown(repo):
    held = by_source(repo)
    seed001 = held["001_da501f4e28ab0118.txt"].doc
    assert seed001.number is None and seed001.date is None and seed001.place is None
    assert repo.orgs.get(held["001_da501f4e28ab0118.txt"].doc.issuer).known is False
    outline = held["004_acdcf208d89be239.txt"]
    assert outline.kind == "outline"
    assert [(r.type, r.target) for r in outline.doc.relations] == [("attached_to", "41-KH/ĐUK")]


def test_the_two_02_nq_duk_are_different_documents(repo):
    ctx = run_checks(repo, dt.date(2023, 3, 1)).view
    targets = {
        (r.source.key.split("/")[0], r.target.key) for r in ctx.refs if r.symbol == "02-NQ/ĐUK" and r.status == "ok"
    }
    assert targets == {("duk-gialai-cqdn", "duk-gialai-cqdn/nq-02-2021"), ("duk-phutho", "duk-phutho/nq-02-2021")}


def test_21_nq_tw_is_implemented_by_seed_002(repo):
    graph = run_checks(repo, dt.date(2023, 3, 1)).view.graph
    assert "duk-hanoi-dh/kh-74-2022" in graph.sources("tw/nq-21-2022", "implements")


def strip_acknowledgements(root):
    for path in root.rglob("*.md"):
        parts = split(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(parts.front) if parts else None
        if data and data.pop("acknowledgements", None) is not None:
            text = path.read_text(encoding="utf-8")
            # Rewrite only the front matter: the body stays byte for byte.
            body_start = text.index("\n---\n", 3) + 5
            front = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"
            path.write_text(front + text[body_start:], encoding="utf-8")


def test_seeds_real_problems_without_acknowledgements(repo_copy):
    strip_acknowledgements(repo_copy)
    report = cli_json(repo_copy, "2023-03-01")
    problems = Counter((f["code"], f["document"], f["subject"]) for f in report["findings"] if f["severity"] != "info")
    assert problems == Counter(
        {
            ("R103", "duk-phutho/dc-kh-41-2023", "21-KL/TW"): 1,  # 15/10/2021, the registry (000, 002) says 25/10/2021
            ("R107", "duk-phutho/dc-kh-41-2023", "05-QĐ/TW"): 1,  # a /TW symbol attributed to a provincial body
            ("R105", "duk-hanoi-dh/kh-74-2022", "64-KH/ĐUK"): 1,  # "64-Kh/ĐUK"
            ("R105", "duk-hanoi-dh/kh-74-2022", "54-KH/ĐUK"): 1,  # "54- KH/ĐUK"
            ("R106", "duk-hanoi-dh/kh-90-2023", "21-KL/TW"): 2,  # "(khóa III)" for the XIII Central Committee
            ("R106", "duk-hanoi-dh/kh-90-2023", "01-KL/TW"): 2,
            (
                "D207",
                "duk-chua-ro-cqdn/kh-so-ket-giua-nhiem-ky",
                "bao-cao-khoi",
            ): 1,  # draft due before its data cut-off
        }
    )
    r103 = next(f for f in report["findings"] if f["code"] == "R103")
    assert "15/10/2021" in r103["message"] and "25/10/2021" in r103["message"]
    assert r103["path"] == "outlines/duk-phutho/dc-kh-41-2023.md" and r103["line"]
    assert not any("02-NQ/ĐUK" in (f["subject"] or "") for f in report["findings"])


def test_past_due_depends_on_the_date_asked():
    overdue = lambda as_of: sorted(  # noqa: E731
        (f.document, f.subject) for f in findings(ROOT, as_of) if f.code == "D205"
    )
    assert overdue(dt.date(2023, 3, 1)) == []
    mid_march = overdue(dt.date(2023, 3, 16))
    seed000 = [s for d, s in mid_march if d == "duk-hanoi-dh/kh-90-2023"]
    assert seed000 == ["bao-cao-chung", "bao-cao-de-an", "bao-cao-don-vi", "bao-cao-kiem-diem"]
    assert ("duk-gialai-cqdn/kh-69-2023", "co-so-bao-cao") in mid_march  # due before 10/3 in Gia Lai too
    assert overdue(TODAY) == []  # the seeds' 2020–2025 term is over: archived, no alarms
