"""The load cache saves time and nothing else: a warm run reports exactly what a cold one does."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import stat
from pathlib import Path

import pytest
from helpers import cli, cli_json, line_containing
from synthetic import generate

from kehoach.checks import run_checks
from kehoach.model import load_cache
from kehoach.model.load import PARALLEL_THRESHOLD, load_repository
from kehoach.model.load_cache import LoadCache

AS_OF = dt.date(2023, 3, 16)


@pytest.fixture()
def cache_dir(tmp_path_factory, monkeypatch) -> Path:
    where = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(where))
    return where


def outcome(root: Path, **load) -> tuple:
    """Everything a run reports and everything the site is built from, in order."""
    result = run_checks(load_repository(root, **load), AS_OF)
    entries = [
        (
            e.key,
            e.path,
            e.doc.model_dump_json(),
            e.body,
            e.plain.text,
            [(c.symbol, c.start, c.end) for c in e.citations],
            e.deadline_phrases,
            [(d.text, d.start, d.day, d.month, d.year) for d in e.written_dates],
            [(c.citation.symbol, c.citation.start, c.verb) for c in e.opening_clauses],
            e.placeholders,
            e.dateline,
        )
        for e in result.view.repo.entries
    ]
    return [(f.code, f.path, f.line, f.message, f.acknowledged) for f in result.findings], entries


def test_warm_run_equals_cold_run_on_the_repository(repo_copy, cache_dir):
    cold = outcome(repo_copy)
    first = outcome(repo_copy, cache=True)
    files = list(cache_dir.glob("load-*" + load_cache.SUFFIX))
    assert len(files) == 1, "the first cached run writes one cache file, in the cache directory"
    assert not list(repo_copy.rglob("*" + load_cache.SUFFIX)), "nothing is cached inside the repository"
    warm = outcome(repo_copy, cache=True)
    assert cold == first == warm
    assert len(LoadCache(repo_copy).old) == len(cold[1]) > 0


def test_warm_run_keeps_what_the_consistency_checks_read_off_the_text(repo_copy, cache_dir):
    """Opening clauses, template blanks and the dateline travel through the cache like citations do."""
    plan = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("**I. MỤC ĐÍCH", "Ngày … tháng … năm [tên đơn vị]\n\n**I. MỤC ĐÍCH", 1), encoding="utf-8"
    )
    cold = outcome(repo_copy)
    warm = outcome(repo_copy, cache=True), outcome(repo_copy, cache=True)
    assert cold == warm[0] == warm[1]
    entry = next(e for e in cold[1] if e[0] == "duk-hanoi-dh/kh-90-2023")
    clauses, blanks, dateline = entry[-3:]
    assert clauses and dateline is not None, "the plan's opening clause and dateline are read"
    assert [words for _, words in blanks] == ["Ngày … tháng … năm", "[tên đơn vị]"]
    assert sum(f[0] == "S011" for f in cold[0]) == 2


def test_an_edited_file_is_read_again(repo_copy, cache_dir):
    outcome(repo_copy, cache=True)
    plan = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("trước ngày 10/3/2023", "trước ngày 30/02/2023", 1), encoding="utf-8")
    edited = outcome(repo_copy, cache=True)
    assert edited == outcome(repo_copy)
    line = line_containing(plan, "30/02/2023")
    assert any(code == "D201" and path.endswith("kh-90-2023.md") and at == line for code, path, at, *_ in edited[0])


def test_a_broken_cache_file_is_ignored(repo_copy, cache_dir):
    cold = outcome(repo_copy)
    outcome(repo_copy, cache=True)
    cached = LoadCache(repo_copy).file
    for garbage in (
        b"",
        b"not marshal data",
        marshal.dumps(("fingerprint", ["wrong shape"])),
        marshal.dumps((load_cache.code_fingerprint(), {"plans/x.md": "wrong shape", "plans/y.md": 7})),
        marshal.dumps(
            (
                load_cache.code_fingerprint(),
                {path: (digest, ("wrong", "shape")) for path, (digest, _) in LoadCache(repo_copy).old.items()},
            )
        ),
    ):
        cached.write_bytes(garbage)
        assert outcome(repo_copy, cache=True) == cold


def test_records_from_other_code_are_dropped(repo_copy, cache_dir, monkeypatch):
    outcome(repo_copy, cache=True)
    assert LoadCache(repo_copy)
    monkeypatch.setattr(load_cache, "code_fingerprint", lambda: "another version of kehoach")
    assert not LoadCache(repo_copy), "a cache written by other code is not used"


def test_partial_cache_with_worker_pool_keeps_file_order(tmp_path, cache_dir):
    root = generate(tmp_path / "repo", PARALLEL_THRESHOLD + 200)
    outcome(root, cache=True, jobs=2)
    changed = sorted(root.glob("plans/**/*.md"))[: PARALLEL_THRESHOLD + 5]  # enough misses to use the pool
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8").replace("hoàn thành", "hoàn thành xong", 1), encoding="utf-8")
    (sorted(root.glob("plans/**/*.md"))[-1]).unlink()
    assert outcome(root, cache=True, jobs=2) == outcome(root, jobs=1)


def test_cli_uses_the_cache_and_can_skip_it(repo_copy, cache_dir):
    first = cli_json(repo_copy, "2023-03-16")
    assert list(cache_dir.glob("load-*" + load_cache.SUFFIX))
    assert cli_json(repo_copy, "2023-03-16") == first
    LoadCache(repo_copy).file.unlink()
    out = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-16", "--no-cache", "--format", "json")
    assert out.returncode in (0, 1) and not list(cache_dir.glob("load-*" + load_cache.SUFFIX))


def test_an_unwritable_cache_directory_costs_only_speed(repo_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file-not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(blocker / "cache"))
    assert outcome(repo_copy, cache=True) == outcome(repo_copy)
    assert blocker.read_text() == "x"


def test_caches_of_repositories_unused_for_a_month_are_removed(repo_copy, cache_dir):
    import os
    import time

    old, recent = (
        cache_dir / f"load-0000000000old{load_cache.SUFFIX}",
        cache_dir / f"load-000000recent{load_cache.SUFFIX}",
    )
    for path, days in ((old, load_cache.STALE_AFTER_DAYS + 1), (recent, 1)):
        path.write_bytes(b"x")
        os.utime(path, (time.time() - days * 86400,) * 2)
    outcome(repo_copy, cache=True)
    assert not old.exists() and recent.exists() and LoadCache(repo_copy).file.exists()


def test_front_matter_marshal_cannot_hold_is_left_out_of_the_cache(repo_copy, cache_dir):
    odd = repo_copy / "plans" / "duk-hanoi-dh" / "kh-95-2023.md"
    odd.write_text(
        "---\ntype: KH\nnumber: '95'\nissuer: duk-hanoi-dh\ndate: !!timestamp 2023-03-01 10:00:00\n---\nVăn bản.\n",
        encoding="utf-8",
    )
    cold = outcome(repo_copy)
    assert outcome(repo_copy, cache=True) == cold == outcome(repo_copy, cache=True)
    cached = LoadCache(repo_copy).old
    assert "plans/duk-hanoi-dh/kh-95-2023.md" not in cached and "plans/duk-hanoi-dh/kh-90-2023.md" in cached


PLANTED = "Trích yếu do người khác cài vào bộ nhớ đệm"


def plant(repo_copy) -> Path:
    """Fill the cache, then rewrite one record as another user on a shared machine could: a changed title."""
    outcome(repo_copy, cache=True)
    cache = LoadCache(repo_copy).file
    fingerprint, records = marshal.loads(cache.read_bytes())
    digest, (data, analysis, duplicates) = records["plans/duk-hanoi-dh/kh-90-2023.md"]
    records["plans/duk-hanoi-dh/kh-90-2023.md"] = (digest, (data | {"title": PLANTED}, analysis, duplicates))
    cache.write_bytes(marshal.dumps((fingerprint, records)))
    cache.chmod(0o600)
    return cache


def titles(root) -> set:
    return {e.doc.title for e in load_repository(root, cache=True).entries}


def test_a_cache_file_others_may_write_is_ignored(repo_copy, cache_dir):
    cache = plant(repo_copy)
    assert PLANTED in titles(repo_copy)  # the test can fail: a file only we may write is trusted
    plant(repo_copy)
    for mode in (0o620, 0o602, 0o666):
        cache.chmod(mode)
        assert PLANTED not in titles(repo_copy), oct(mode)


def test_a_cache_file_of_another_user_is_ignored(repo_copy, cache_dir, monkeypatch):
    plant(repo_copy)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_dir).st_uid + 1)
    assert PLANTED not in titles(repo_copy)


def test_a_cache_directory_others_may_write_is_neither_read_nor_written(repo_copy, cache_dir):
    cache = plant(repo_copy)
    cache_dir.chmod(0o777)
    planted = cache.read_bytes()
    assert PLANTED not in titles(repo_copy)
    (repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md").write_text("---\ntype: KH\n---\n", encoding="utf-8")
    titles(repo_copy)
    assert cache.read_bytes() == planted  # nothing written into a directory others can write


def test_a_new_cache_directory_is_private(repo_copy, tmp_path, monkeypatch):
    where = tmp_path / "rieng" / "kehoach"
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(where))
    outcome(repo_copy, cache=True)
    assert list(where.glob("load-*")) and stat.S_IMODE(where.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in where.iterdir())
