"""A huge value in a file never makes a huge message: every value a message quotes is cut short."""

from __future__ import annotations

import json

import yaml
from helpers import cli
from minirepo import make_repo, write_doc

HUGE = "x" * 1_000_000
LIMIT = 2_000  # characters a finding's message and hint may take, whatever the file holds


def test_findings_quoting_a_huge_value_stay_short(tmp_path):
    root = make_repo(tmp_path / "repo")
    tasks = [{"id": "t" + HUGE[:5000], "title": "Báo cáo", "owner": HUGE, "depends_on": [HUGE]}]
    front = {
        "type": "KH",
        "number": "1",
        "issuer": "duk-a",
        "date": "2023-03-01",
        "tasks": tasks,
        "review": [{"field": HUGE, "candidate": HUGE, "reason": HUGE}],
        "acknowledgements": [{"code": "R101", "reason": "x", "match": HUGE}],
    }
    write_doc(root, "plans", "duk-a/kh-1-2023", front, "Văn bản.\n")
    write_doc(root, "plans", "duk-a/kh-2-2023", {"type": HUGE, "number": "2", "issuer": "duk-a"}, "Văn bản.\n")
    (root / "kehoach.yml").write_text(
        yaml.safe_dump({"federation": [{"name": HUGE, "registry": "khong-co/" + HUGE[:200] + ".json"}]}),
        encoding="utf-8",
    )
    run = cli("check", "--root", str(root), "--as-of", "2023-03-01", "--format", "json")
    found = json.loads(run.stdout)["findings"]
    assert {f["code"] for f in found} >= {"S005", "S007", "I401", "M302", "R109"}
    for f in found:
        assert len(f["message"]) + len(f["hint"] or "") < LIMIT, (f["code"], len(f["message"]))
    assert len(run.stdout) < 60_000


def test_command_refusals_quoting_an_argument_stay_short(repo_copy, tmp_path):
    source = tmp_path / "van-ban.txt"
    source.write_text("KẾ HOẠCH\nVề việc thử\n", encoding="utf-8")
    for run in (
        cli("new", "plan", "--org", HUGE[:100_000], "--root", str(repo_copy)),
        cli("import", str(source), "--org", HUGE[:100_000], "--root", str(repo_copy)),
    ):
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert len(run.stderr) < LIMIT, len(run.stderr)
