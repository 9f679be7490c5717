"""The publishing build (`make site`) refuses a repository with errors and names each one; a preview build
and `mkdocs serve` keep building and show every broken document with its findings. Nothing is dropped silently."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from helpers import PREVIEW_CONFIG, build_copy, findings, line_containing

UNREADABLE = "plans/duk-hanoi-dh/kh-98-2023.md"  # a YAML syntax error (S001): no page is possible
CITING = "plans/duk-hanoi-dh/kh-90-2023.md"  # loads, but cites a document the repository does not have (R101)
MISSING = "999-KH/TU"


def break_two_documents(root):
    (root / UNREADABLE).write_text("---\ntype: [KH\n---\nThân bài.\n", encoding="utf-8")
    path = root / CITING
    path.write_text(
        path.read_text(encoding="utf-8") + f"\nThực hiện Kế hoạch số {MISSING} ngày 01/01/2023 của Thành ủy.\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gate")
    env = {"KEHOACH_AS_OF": "2023-03-01"}
    public = build_copy(tmp, break_two_documents, env=env, name="public")
    preview = build_copy(tmp, break_two_documents, env=env, name="preview", config=PREVIEW_CONFIG)
    return tmp / "proj", public, preview


def unreadable_at(root) -> str:
    """Where the checker reports the YAML error, as file:line."""
    (found,) = [f for f in findings(root, dt.date(2023, 3, 1)) if f.path == UNREADABLE]
    assert found.code == "S001"
    return found.location


def test_the_publishing_build_fails_and_names_every_error_with_file_and_line(builds):
    root, (code, err, _), _ = builds
    assert code != 0
    assert "Traceback" not in err
    assert unreadable_at(root) in err and "S001" in err
    assert f"{CITING}:{line_containing(root / CITING, MISSING)}" in err and MISSING in err and "R101" in err


def test_a_preview_shows_a_broken_document_with_a_banner_listing_its_findings(builds):
    root, _, (code, err, site) = builds
    assert code == 0, err[-3000:]
    page = (site / "van-ban" / "duk-hanoi-dh" / "kh-90-2023" / "index.html").read_text(encoding="utf-8")
    assert "Văn bản còn 1 lỗi" in page
    assert f"{CITING}:{line_containing(root / CITING, MISSING)}" in page and "R101" in page
    assert "kh-98-2023" in err and MISSING in err  # and the log says it too


def test_a_preview_lists_a_document_that_has_no_page_and_every_page_points_to_the_list(builds):
    root, _, (code, err, site) = builds
    assert code == 0, err[-3000:]
    listing = (site / "loi" / "index.html").read_text(encoding="utf-8")
    assert unreadable_at(root) in listing and "S001" in listing and "Lỗi cú pháp YAML" in listing
    for page in ("index.html", "nhiem-vu/index.html", "van-ban/duk-hanoi-dh/kh-74-2022/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert "Bản xem trước: kho còn 2 lỗi" in text and 'loi/index.html"' in text, page


def test_a_repository_without_errors_has_no_error_banner(tmp_path):
    code, err, site = build_copy(tmp_path, lambda root: None, name="preview", config=PREVIEW_CONFIG)
    assert code == 0, err[-3000:]
    assert "Bản xem trước: kho còn" not in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "loi").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mkdocs_serve_shows_the_broken_document_instead_of_a_404(builds):
    root, _, _ = builds
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", KEHOACH_AS_OF="2023-03-01"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/van-ban/duk-hanoi-dh/kh-90-2023/"
        deadline, page = time.monotonic() + 90, None
        while page is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    page = response.read().decode("utf-8")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert page is not None, "mkdocs serve did not serve the page"
        assert "Văn bản còn 1 lỗi" in page and MISSING in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/loi/", timeout=5) as response:
            assert UNREADABLE in response.read().decode("utf-8")
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "kh-98-2023" in err and MISSING in err


def test_builds_running_at_once_all_succeed_and_leave_one_whole_site(tmp_path):
    """Several `make site` at once into the same folder: none fails on a file another removed, and the folder
    ends as one complete build, with nothing left over beside it."""
    code, err, single = build_copy(tmp_path, lambda root: None, name="site")
    assert code == 0, err[-2000:]
    expected = sorted(p.relative_to(single).as_posix() for p in single.rglob("*") if p.is_file())
    root = tmp_path / "proj"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for _ in range(2):
        builds = [
            subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(single)],
                cwd=root,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        outcomes = [(b.wait(timeout=300), b.stderr.read()) for b in builds]
        assert [code for code, _ in outcomes] == [0] * 4, [err[-1500:] for code, err in outcomes if code]
        assert sorted(p.relative_to(single).as_posix() for p in single.rglob("*") if p.is_file()) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proj", "site"]
