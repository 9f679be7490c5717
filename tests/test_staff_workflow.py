"""What office staff and CI run: workflows, pre-commit, `kehoach new`, and a pull request's annotations."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml
from helpers import ROOT, build_copy, cli, line_containing

from kehoach.cli import build_parser

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
TRIGGERS = {"pull_request", "push", "schedule", "workflow_dispatch"}


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.M))


def commands(run: str) -> list[list[str]]:
    return [shlex.split(line) for line in run.splitlines() if line.strip() and not line.strip().startswith("#")]


def check_make_calls(run: str, where: str) -> int:
    calls = 0
    for words in commands(run):
        if words and words[0] == "make":
            ends = [i for i, w in enumerate(words) if w in (">", "||", "&&", ";", "|")]
            words = words[: ends[0]] if ends else words
            targets = [w for w in words[1:] if "=" not in w and not w.startswith("-")]
            assert targets and set(targets) <= make_targets(), f"{where}: {words}"
            calls += 1
    return calls


def test_there_are_pull_request_deploy_and_daily_workflows():
    names = {p.stem for p in WORKFLOWS}
    assert {"pull-request", "deploy", "daily"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_well_formed_and_calls_existing_make_targets(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = data[True] if True in data else data["on"]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) <= TRIGGERS and triggers
    for entry in (triggers.get("schedule") or []) if isinstance(triggers, dict) else []:
        assert len(entry["cron"].split()) == 5
    jobs = data["jobs"]
    make_calls = 0
    for name, job in jobs.items():
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", name)
        assert "runs-on" in job
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in jobs, f"{path.name}: {name} needs unknown job {need}"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]
            else:
                make_calls += check_make_calls(step["run"], f"{path.name}:{name}")
    assert make_calls, f"{path.name} must run the developer's make targets"


def test_pull_request_workflow_checks_each_document_annotates_previews_and_runs_the_suite_whatever_came_before():
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = [s for job in data["jobs"].values() for s in job["steps"]]
    runs = [s.get("run", "") for s in steps]
    first = runs.index("make test-documents")
    for wanted in ('make check ARGS="--format github"', "make preview", "bash .ci/run"):
        assert wanted in runs, wanted
        step = steps[runs.index(wanted)]
        assert runs.index(wanted) > first and step.get("if") == "always()", f"{wanted} runs whatever came before"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload.get("if") == "always()" and upload["with"]["path"].rstrip("/") == "site-xem-truoc"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_publication_is_gated_on_the_check():
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))["jobs"]
    checking = [name for name, job in jobs.items() if any(s.get("run") == "make check" for s in job["steps"])]
    assert checking, "deploy.yml checks the content"
    building = next(name for name, job in jobs.items() if any(s.get("run") == "make site" for s in job["steps"]))
    needs = jobs[building].get("needs")
    assert checking[0] in ([needs] if isinstance(needs, str) else needs or [])
    publishing = next(
        name for name, job in jobs.items() if any("deploy-pages" in s.get("uses", "") for s in job["steps"])
    )
    assert jobs[publishing]["needs"] == building


def test_daily_report_fails_on_overdue_and_writes_the_job_summary():
    run = " ".join(
        s.get("run", "")
        for job in yaml.safe_load((ROOT / ".github" / "workflows" / "daily.yml").read_text(encoding="utf-8"))[
            "jobs"
        ].values()
        for s in job["steps"]
    )
    assert "make report" in run and "GITHUB_STEP_SUMMARY" in run
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nreport:")[1].split("\n\n")[0]
    assert "--fail-on overdue" in recipe and "--format markdown" in recipe


def test_gitlab_pipeline_mirrors_the_github_one():
    data = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    stages = data["stages"]
    jobs = {k: v for k, v in data.items() if isinstance(v, dict) and "script" in v}
    assert {"kiem-tra", "pages", "qua-han"} <= set(jobs)
    for name, job in jobs.items():
        assert job["stage"] in stages
        assert sum(check_make_calls(line, name) for line in job["script"]) or "bash .ci/run" in job["script"]
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]


def test_pre_commit_hooks_are_valid_kehoach_commands():
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    for hook in hooks:
        words = shlex.split(hook["entry"])
        assert words[0] == ".venv/bin/kehoach"
        build_parser().parse_args(words[1:] + ["plans/duk-hanoi-dh/kh-90-2023.md"])  # argparse exits on a bad entry
        assert re.search(hook["files"], "plans/duk-hanoi-dh/kh-90-2023.md")


def test_a_changed_deadline_is_annotated_on_its_file_and_line(repo_copy):
    """The staff flow: edit a deadline, push, see the finding where the change is."""
    path = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    text = path.read_text(encoding="utf-8")
    old = "    deadline: trước ngày 20/3/2023\n"
    assert old in text
    path.write_text(text.replace(old, "    deadline: trước ngày 25/3/2023\n", 1), encoding="utf-8")
    line = line_containing(path, "deadline: trước ngày 25/3/2023")
    run = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-01", "--format", "github")
    assert run.returncode == 1
    annotations = [a for a in run.stdout.splitlines() if a.startswith("::error ")]
    assert annotations, run.stdout
    assert any(
        a.startswith(f"::error file=plans/duk-hanoi-dh/kh-90-2023.md,line={line},title=D204") for a in annotations
    ), annotations


def test_pre_commit_reports_only_the_changed_file(repo_copy):
    path = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("deadline: trước ngày 20/3/2023", "deadline: 30/02/2023", 1),
        encoding="utf-8",
    )
    changed = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-01", "--files", str(path))
    other = cli(
        "check",
        "--root",
        str(repo_copy),
        "--as-of",
        "2023-03-01",
        "--files",
        str(repo_copy / "plans" / "duk-hanoi-dh" / "kh-74-2022.md"),
    )
    assert changed.returncode == 1 and "kh-90-2023.md" in changed.stdout
    assert other.returncode == 0 and "kh-90-2023.md" not in other.stdout


def test_new_plan_passes_the_checker_and_appears_on_the_site(tmp_path):
    made = {}

    def scaffold(root):
        run = cli(
            "new",
            "plan",
            "--org",
            "duk-hanoi-dh",
            "--root",
            str(root),
            "--date",
            "2023-03-15",
            "--title",
            "Tổ chức Hội nghị tổng kết công tác năm 2023",
        )
        assert run.returncode == 0, run.stderr
        made["path"] = root / "plans" / "duk-hanoi-dh" / "kh-91-2023.md"
        # until the clerk pastes the official text, the template's placeholder is an error at its line
        check = cli("check", "--root", str(root), "--as-of", "2023-03-15", "--files", str(made["path"]))
        placeholder = line_containing(made["path"], "Dán toàn văn")
        assert check.returncode == 1 and f"kh-91-2023.md:{placeholder}: lỗi S011" in check.stdout, check.stdout
        text = made["path"].read_text(encoding="utf-8")
        made["path"].write_text(
            text.replace(
                "Dán toàn văn văn bản vào đây, đúng như bản đã ban hành.",
                "Ban Thường vụ Đảng ủy Khối xây dựng Kế hoạch như sau.",
            ),
            encoding="utf-8",
        )
        check = cli("check", "--root", str(root), "--as-of", "2023-03-15", "--files", str(made["path"]))
        assert check.returncode == 0 and "lỗi" not in check.stdout.split("Tổng cộng")[0], check.stdout
        # the signer's name is left for the editor, and the checker says where it goes
        signer_line = line_containing(made["path"], 'name: ""')
        assert f"kh-91-2023.md:{signer_line}: thông tin M301: Bản văn không cho biết người ký." in check.stdout

    code, err, site = build_copy(tmp_path, scaffold, env={"KEHOACH_AS_OF": "2023-03-15"})
    assert code == 0, err[-2000:]
    assert made["path"].exists()
    page = (site / "van-ban" / "duk-hanoi-dh" / "kh-91-2023" / "index.html").read_text(encoding="utf-8")
    assert "Tổ chức Hội nghị tổng kết công tác năm 2023" in page and "91-KH/ĐUK" in page
    again = cli(
        "new",
        "plan",
        "--org",
        "duk-hanoi-dh",
        "--root",
        str(tmp_path / "proj"),
        "--number",
        "91",
        "--date",
        "2023-03-15",
    )
    assert again.returncode == 2 and "không ghi đè" in again.stderr and "Traceback" not in again.stderr


def test_new_plan_numbers_follow_the_term_and_list_the_units(repo_copy):
    run = cli("new", "plan", "--org", "duk-hanoi-dh", "--root", str(repo_copy), "--date", "2023-04-01")
    assert run.returncode == 0
    text = (repo_copy / "plans" / "duk-hanoi-dh" / "kh-91-2023.md").read_text(encoding="utf-8")
    assert 'number: "91"' in text  # 90-KH/ĐUK is the highest of this term
    assert "#   ban-tuyen-giao: Ban Tuyên giáo Đảng ủy Khối" in text
    assert text.startswith("---\n# yaml-language-server: $schema=../../schema/document.schema.json\n")
    bad = cli("new", "plan", "--org", "khong-co", "--root", str(repo_copy))
    assert bad.returncode == 2 and "Không có tổ chức «khong-co»" in bad.stderr


def test_security_policy_is_linked_and_code_owners_guard_the_code():
    assert "(SECURITY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "CODEOWNERS" in policy and "@ban-ky-thuat" in policy and "site-internal" in policy
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    owned = {line.split()[0] for line in owners.splitlines() if line.strip() and not line.startswith("#")}
    assert {"/kehoach/", "/macros/", "/docs/", "/.github/"} <= owned
    assert not any(p.startswith(("/plans", "/outlines", "/resolutions", "/organizations")) for p in owned)
