"""The site builds strictly from the repository's own content (the full site is issue #3)."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import ROOT


def test_mkdocs_build_strict_produces_a_page_per_document(tmp_path):
    out = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                         cwd=ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "WARNING" not in run.stderr
    page = (out / "van-ban" / "duk-hanoi-dh" / "kh-74-2022" / "index.html").read_text(encoding="utf-8")
    assert "Nguyễn Thanh Sơn" in page and "tăng cường củng cố, xây dựng tổ chức cơ sở đảng" in page
    stub = (out / "van-ban" / "tw" / "nq-21-2022" / "index.html").read_text(encoding="utf-8")
    assert "Được thực hiện bởi" in stub and "kh-74-2022" in stub
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index
