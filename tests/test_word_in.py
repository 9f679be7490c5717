"""Word in: a .docx placed in nhap/ and pushed in a pull request is converted by the base branch's importer.

The workflow is read from its file and its steps are played on a copy of the project: the inbox files come
from the pull request, the code from the base branch, the results are uploaded as an artifact and the review
items go into the job summary. The inbox never reaches the site or the checker's content.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml
from helpers import ROOT, build_copy, cli
from test_import_corpus import BUILD, CORPUS

WORKFLOW = ROOT / ".github" / "workflows" / "nhap-van-ban.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    (job,) = workflow["jobs"].values()
    return job["steps"]


def test_it_runs_on_pull_requests_touching_the_inbox_with_read_only_rights(workflow):
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert set(triggers) == {"pull_request"}  # never pull_request_target: no write token, no secrets
    assert triggers["pull_request"]["paths"] == ["nhap/**"]
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job


def test_it_runs_the_base_branch_code_and_takes_only_the_inbox_from_the_pull_request(workflow):
    checkouts = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    base, head = checkouts
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}" and "path" not in base["with"]
    assert head["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"
    assert head["with"]["sparse-checkout"].strip() == "/nhap/" and head["with"]["sparse-checkout-cone-mode"] is False
    pr_dir = head["with"]["path"]
    assert all(c["with"]["persist-credentials"] is False for c in checkouts)
    for step in steps(workflow):
        for line in step.get("run", "").splitlines():
            words = line.split()
            # what runs is make, mkdir and the base branch's kehoach; the pull request's folder is only read
            assert words[0] in ("make", "mkdir", ".venv/bin/kehoach"), line
            assert not any(w.startswith(pr_dir) for w in words[1:]) or words[:2] == [".venv/bin/kehoach", "import"]


def test_playing_the_job_converts_the_inbox_and_writes_artifact_and_summary(workflow, tmp_path):
    base = tmp_path / "base"
    base.mkdir()
    for item in ("organizations.yml", "plans", "outlines", "resolutions"):
        (shutil.copytree if (ROOT / item).is_dir() else shutil.copy2)(ROOT / item, base / item)
    (base / ".venv").symlink_to(ROOT / ".venv")  # what `make setup` installs
    inbox = base / "de-xuat" / "nhap"
    inbox.mkdir(parents=True)
    # a Ban Tổ chức Trung ương guidance (its committee «tw» is in the repository's tree), a broken file and a note
    BUILD.build(BUILD.load_spec(CORPUS / "docs" / "02-btctw-hd-phat-trien-dang-vien.docx.yml"), inbox / "hd.docx")
    (inbox / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (inbox / "README.md").write_text("# Hộp thư\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    (run,) = [s["run"] for s in steps(workflow) if "kehoach import" in s.get("run", "")]
    played = subprocess.run(
        ["bash", "-e", "-c", run],
        cwd=base,
        env=dict(os.environ, GITHUB_STEP_SUMMARY=str(summary)),
        capture_output=True,
        text=True,
    )
    assert played.returncode == 2 and "Traceback" not in played.stderr  # the broken file is refused, visibly
    (upload,) = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    artifact = base / upload["with"]["path"]
    assert sorted(p.relative_to(artifact).as_posix() for p in artifact.rglob("*") if p.is_file()) == [
        "plans/tw/hd-18-2025.md"
    ]
    written = (artifact / "plans" / "tw" / "hd-18-2025.md").read_text(encoding="utf-8")
    assert "issuer: tw\n" in written and "issuer_code: BTCTW\n" in written and "body_format: markdown\n" in written
    report = summary.read_text(encoding="utf-8")
    assert report.startswith("## Chuyển văn bản vào kho")
    assert "«hd.docx» → `plans/tw/hd-18-2025.md`" in report and "Cần xem lại" in report
    assert "«hong.docx»: không chuyển được" in report and "không phải tệp Word .docx hợp lệ" in report
    assert "README" not in report  # the inbox's note is not a document
    assert not (base / "plans" / "tw" / "hd-18-2025.md").exists()  # the job writes into the artifact only


def test_the_inbox_never_reaches_the_site_nor_the_checked_content(tmp_path):
    secret = "Văn bản trong hộp thư không được công bố"

    def inbox(root):
        (root / "nhap").mkdir()
        (root / "nhap" / "README.md").write_text(f"# {secret}\n", encoding="utf-8")
        (root / "nhap" / "ke-hoach.docx").write_bytes(b"PK\x03\x04" + secret.encode())

    code, err, site = build_copy(tmp_path, inbox)
    assert code == 0, err[-2000:]
    for page in site.rglob("*"):
        assert "nhap" not in page.relative_to(site).parts
        if page.is_file() and page.suffix in (".html", ".json", ".xml", ".txt"):
            assert secret not in page.read_text(encoding="utf-8", errors="replace"), page
    check = cli("check", "--root", str(tmp_path / "proj"), "--as-of", "2023-03-01")
    assert not re.search(r"nhap/", check.stdout + check.stderr)
