"""The pull-request jobs played on a copy of the repository, step by step as the workflow files list them.

A clerk's change with one content error must give: the failing test named by the document, with the
checker's Vietnamese finding and no Python assertion; the annotation (GitHub) or Code Quality entry
(GitLab) at that line; a preview that opens from disk with working navigation; a failed status. Fixed, the
same steps are green; with a task past due at the real date, green with a warning.

Every `run:` step (every `script:` line) is run as written, in the copy, with the tools of this checkout
(VENV); two are not: the whole suite (`bash .ci/run`, which contains this very test) and the container's
git setting (it changes the machine's global git configuration). Both are checked to be there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import CHROMIUM, NO_CHROMIUM
from helpers import ROOT, line_containing

SUITE = "bash .ci/run"
NOT_PLAYED = (SUITE, "git config --global")
PLAN = "plans/duk-hanoi-dh/kh-90-2023.md"
RIGHT, WRONG = "Kết luận 21-KL/TW, ngày 25/10/2021", "Kết luận 21-KL/TW, ngày 15/10/2021"  # its first citation
TODAY = dt.date.today()
VENV = Path(sys.executable).parent.parent  # the tools this test runs with; the copy installs nothing


@dataclass
class Step:
    name: str
    command: str
    always: bool  # runs whatever the steps before it said


@dataclass
class Played:
    name: str
    code: int | None  # None: skipped
    output: str


def github_steps() -> list[Step]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    (job,) = data["jobs"].values()
    return [Step(s.get("name", s["run"]), s["run"], s.get("if") == "always()") for s in job["steps"] if "run" in s]


def gitlab_jobs() -> dict[str, list[str]]:
    """The merge-request jobs of the test stage and their script lines (jobs of one stage run side by side)."""
    data = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    jobs = {}
    for name, job in data.items():
        if name.startswith(".") or not isinstance(job, dict) or job.get("stage") != "test":
            continue
        if any("merge_request_event" in rule.get("if", "") for rule in job.get("rules", [])):
            jobs[name] = job["script"]
    return jobs


def project_copy(tmp: Path) -> Path:
    """The repository as a clone of this working tree would have it: tracked and new files, not what git ignores."""
    copy = tmp / "kho"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if listed.returncode == 0 and listed.stdout:
        for name in listed.stdout.split("\0"):
            if name and (ROOT / name).is_file():
                (copy / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, copy / name)
    else:  # an export without git: the same by exclusion
        shutil.copytree(
            ROOT,
            copy,
            ignore=shutil.ignore_patterns(".git", ".venv", "site*", ".site*", ".*cache*", "build", "*.egg-info"),
        )
    # the tools are this checkout's: make must see them installed, never install into them from the copy
    os.utime(copy / "pyproject.toml", (0, 0))
    for stamp in (".installed-site", ".installed-test"):
        (VENV / stamp).touch(exist_ok=True)
    return copy


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEHOACH_", "PYTEST_"))}
    return env | {"VENV": str(VENV), "CI": "true", "KEHOACH_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1"}


def play(commands: list[Step], copy: Path, env: dict[str, str]) -> list[Played]:
    """Run the steps as a runner does: one that is not `always` is skipped once a step has failed."""
    played: list[Played] = []
    failed = False
    for step in commands:
        if any(step.command.startswith(p) for p in NOT_PLAYED):
            continue
        if failed and not step.always:
            played.append(Played(step.name, None, ""))
            continue
        run = subprocess.run(
            ["bash", "-e", "-c", step.command], cwd=copy, env=env, capture_output=True, text=True, timeout=600
        )
        played.append(Played(step.name, run.returncode, run.stdout + run.stderr))
        failed = failed or run.returncode != 0
    return played


def by_command(steps: list[Step], played: list[Played], command: str) -> Played:
    names = [s.name for s in steps if s.command.startswith(command)]
    assert names, f"the workflow has no step running «{command}»"
    return next(p for p in played if p.name == names[0])


def set_wording(copy: Path, old: str, new: str) -> int:
    path = copy / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line_containing(path, new)


def add_plan_past_due(copy: Path) -> str:
    """A plan of the current term whose one task fell due ten days ago: past due at the real date."""
    issued, due = TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=10)
    orgs = copy / "organizations.yml"
    text = orgs.read_text(encoding="utf-8")
    last = "      - {id: khoa-iii, label: khóa III, ordinal: 3, start_year: 2020, end_year: 2025}\n"
    assert last in text
    if issued.year > 2025:  # the committee's next term, as organizations.yml will say once it begins
        term = f"      - {{id: khoa-iv, label: khóa IV, ordinal: 4, start_year: {issued.year}, end_year: {issued.year + 5}}}\n"
        orgs.write_text(text.replace(last, last + term, 1), encoding="utf-8")
    words = f"hoàn thành trước ngày {due.day}/{due.month}/{due.year}"
    path = copy / "plans" / "duk-hanoi-dh" / f"kh-05-{issued.year}.md"
    path.write_text(
        f"""---
type: KH
number: "05"
issuer: duk-hanoi-dh
place: Hà Nội
date: {issued.isoformat()}
title: Tổ chức hội nghị sơ kết công tác quý
signer: {{on_behalf: T/M BAN THƯỜNG VỤ, position: BÍ THƯ, name: Nguyễn Văn An}}
recipients:
  - {{name: Các tổ chức cơ sở đảng trực thuộc, purpose: t/h}}
tasks:
  - id: bao-cao
    title: Các tổ chức cơ sở đảng gửi báo cáo sơ kết
    owner: tccs
    deadline: {words}
---

**KẾ HOẠCH**

Các tổ chức cơ sở đảng gửi báo cáo sơ kết về Văn phòng Đảng ủy Khối, {words}.
""",
        encoding="utf-8",
    )
    return path.relative_to(copy).as_posix()


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("pull-request")
    return project_copy(tmp), environment(tmp)


def test_the_workflow_runs_the_suite_and_every_step_after_the_first_whatever_happened():
    steps = github_steps()
    assert [s.command for s in steps if s.command.startswith(SUITE)], "the whole suite runs in the pull request"
    assert all(s.always for s in steps[steps.index(next(s for s in steps if "test-documents" in s.command)) + 1 :])


def test_one_content_error_fails_the_job_names_the_document_annotates_its_line_and_still_previews(copy, browser):
    root, env = copy
    line = set_wording(root, RIGHT, WRONG)
    steps = github_steps()
    try:
        played = play(steps, root, env)
    finally:
        set_wording(root, WRONG, RIGHT)
    documents = by_command(steps, played, "make test-documents")
    assert documents.code != 0
    assert f"FAILED tests/test_documents.py::test_document_is_consistent[{PLAN}]" in documents.output
    assert f"{PLAN}:{line}: lỗi R103: «21-KL/TW» được ghi ngày 15/10/2021" in documents.output
    assert "AssertionError" not in documents.output and "Traceback" not in documents.output
    assert "assert " not in documents.output, "the clerk reads findings, not Python"
    annotations = by_command(steps, played, "make check").output.splitlines()
    assert any(a.startswith(f"::error file={PLAN},line={line},title=R103") for a in annotations), annotations
    preview = by_command(steps, played, "make preview")
    assert preview.code == 0, preview.output[-2000:]
    assert any(p.code for p in played), "the job's status is failed"
    opens_from_disk(browser, root / "site-xem-truoc", broken=PLAN)


def test_the_same_change_fixed_is_green(copy):
    root, env = copy
    played = play(github_steps(), root, env)
    assert all(p.code == 0 for p in played), [(p.name, p.output[-1500:]) for p in played if p.code]


def test_a_task_past_due_at_the_real_date_warns_and_stays_green(copy):
    root, env = copy
    late = add_plan_past_due(root)
    steps = github_steps()
    try:
        played = play(steps, root, env)
    finally:
        (root / late).unlink()
        shutil.copy2(ROOT / "organizations.yml", root / "organizations.yml")
    assert all(p.code == 0 for p in played), [(p.name, p.output[-1500:]) for p in played if p.code]
    annotations = by_command(steps, played, "make check").output
    assert re.search(rf"^::warning file={re.escape(late)},line=\d+,title=D205", annotations, re.M), annotations
    documents = by_command(steps, played, "make test-documents").output
    assert "D205" in documents and "quá hạn" in documents, "the warnings summary names the late task"


def test_the_gitlab_merge_request_jobs_give_a_valid_code_quality_report_and_a_preview(copy):
    root, env = copy
    jobs = gitlab_jobs()
    assert any(SUITE in line for lines in jobs.values() for line in lines), "the whole suite runs there too"
    line = set_wording(root, RIGHT, WRONG)
    try:
        results = {
            name: play([Step(cmd, cmd, False) for cmd in script], root, env)
            for name, script in jobs.items()
            if not any(cmd.startswith(NOT_PLAYED) for cmd in script)
        }
    finally:
        set_wording(root, WRONG, RIGHT)
    assert any(p.code for played in results.values() for p in played), "the pipeline fails"
    schema = json.loads((ROOT / "tests" / "fixtures" / "gitlab-code-quality.schema.json").read_text(encoding="utf-8"))
    reports = [
        job["artifacts"]["reports"]["codequality"]
        for job in yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")).values()
        if isinstance(job, dict) and "codequality" in job.get("artifacts", {}).get("reports", {})
    ]
    assert reports, "a job keeps a Code Quality report"
    issues = json.loads((root / reports[0]).read_text(encoding="utf-8"))
    jsonschema.validate(issues, schema)
    assert {"check_name": "R103", "path": PLAN, "line": line} in [
        {"check_name": i["check_name"], "path": i["location"]["path"], "line": i["location"]["lines"]["begin"]}
        for i in issues
    ]
    assert (root / "site-xem-truoc" / "index.html").is_file()
    documents = next(played for played in results.values() if any("test-documents" in p.name for p in played))
    assert f"[{PLAN}]" in documents[0].output and "lỗi R103" in documents[0].output


def opens_from_disk(browser, site: Path, broken: str) -> None:
    """From file://, the menu and the links lead to pages (never a folder listing) and the broken document's
    page shows its error; the search page says why it cannot search there."""
    if not Path(CHROMIUM).exists():
        pytest.fail(NO_CHROMIUM)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(15000)
    try:
        for label, folder in (("Theo tổ chức", "van-ban"), ("Bảng theo dõi", "nhiem-vu")):
            page.goto((site / "index.html").as_uri())
            # the menu's own link, clicked as a reader does (HTMLElement.click: the link's default action)
            page.locator("nav.md-nav--primary a", has_text=label).first.evaluate("a => a.click()")
            page.wait_for_url(f"**/{folder}/index.html")
            assert page.locator("h1").count() and "Index of" not in page.content()
        key = broken.removeprefix("plans/").removesuffix(".md")
        target = f"{key.split('/')[1]}/index.html"
        listing = next(
            p
            for p in sorted(site.rglob("*.html"))
            if key not in p.as_posix() and target in p.read_text(encoding="utf-8")
        )
        page.goto(listing.as_uri())
        page.locator(f'article a[href$="{target}"]').first.evaluate("a => a.click()")
        page.wait_for_url(f"**/{key}/index.html")
        assert "R103" in page.locator("article").inner_text()
        page.goto((site / "tim-kiem" / "index.html").as_uri())
        page.wait_for_function("document.getElementById('kh-search-status').textContent.length > 0")
        assert "ổ đĩa" in page.locator("#kh-search-status").inner_text()
        page.goto((site / "nhiem-vu" / "index.html").as_uri())  # the header's box says the same on any page
        page.keyboard.press("/")
        page.keyboard.type("so ket")
        assert "ổ đĩa" in page.locator("#kh-hsearch-panel").inner_text()
    finally:
        page.close()
