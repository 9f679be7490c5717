"""`kehoach normalize`: a file is rewritten whole or not at all, every message names its file, a skipped file
makes the command fail, and a folder is walked."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import unicodedata

from helpers import ROOT, cli

TEXT = "Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội — Số 90 -KH/ĐUK\n"


def nfd(path, repeat=1):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFD", TEXT * repeat), encoding="utf-8")
    return path


def small_disk():
    """In the child: files may not grow past 4 KB, as on a full disk; the write fails instead of a signal."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_full_disk_leaves_the_file_whole_and_names_it(tmp_path):
    path = nfd(tmp_path / "ke-hoach.md", repeat=500)  # about 45 KB
    before = path.read_bytes()
    run = subprocess.run(
        [sys.executable, "-m", "kehoach.cli", "normalize", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
    )
    assert run.returncode != 0
    assert path.read_bytes() == before  # not truncated, not half-converted
    assert "ke-hoach.md" in run.stderr and "Traceback" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.md"]  # no temporary file left


def test_a_skipped_file_fails_the_command_and_the_others_are_still_done(tmp_path):
    good = nfd(tmp_path / "a.md")
    bad = tmp_path / "b.md"
    bad.write_bytes(b"K\xe0 ho\xe1ch\n")
    missing = tmp_path / "khong-co.md"
    run = cli("normalize", str(bad), str(missing), str(good))
    assert run.returncode == 1
    assert "b.md" in run.stderr and "khong-co.md" in run.stderr and "Traceback" not in run.stderr
    assert good.read_text(encoding="utf-8") == TEXT


def test_a_folder_is_walked(tmp_path):
    first = nfd(tmp_path / "plans" / "duk-a" / "kh-1-2023.md")
    second = nfd(tmp_path / "organizations.yml")
    other = nfd(tmp_path / "plans" / "anh.png")  # not a text file kehoach reads: left alone
    run = cli("normalize", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert first.read_text(encoding="utf-8") == TEXT and second.read_text(encoding="utf-8") == TEXT
    assert other.read_text(encoding="utf-8") != TEXT
    assert cli("normalize", "--check", str(tmp_path / "plans" / "duk-a")).returncode == 0
