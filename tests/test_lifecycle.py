"""The life of guidance on the repository's own documents: effect status, suspect links and their review,
terms that are not a switch, reports that fulfil tasks."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import cli, copy_content, findings

from kehoach.findings import Code
from kehoach.model.load import load_repository
from kehoach.model.view import build_view

PLAN = "plans/duk-hanoi-dh/kh-74-2022.md"  # implements 21-NQ/TW and 105-KH/TU
TODAY = dt.date(2026, 11, 25)


def write(root: Path, path: str, front: dict, body: str = "") -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    target.write_text(text, encoding="utf-8")


def codes_in(root: Path, path: str, as_of: dt.date, code: Code) -> list:
    return [f for f in findings(root, as_of) if f.path == path and f.code == code]


def replacing_21(root: Path, kind: str = "replaces", number: str = "30", date: str = "2026-05-20") -> None:
    write(
        root,
        f"resolutions/tw/nq-{number}-2026.md",
        {
            "type": "NQ",
            "number": number,
            "issuer": "tw",
            "date": date,
            "title": "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng trong giai đoạn mới",
            "relations": [{"type": kind, "target": "21-NQ/TW"}],
        },
    )


def test_effect_status_follows_later_documents_and_dates(tmp_path):
    root = copy_content(tmp_path)
    replacing_21(root, "amends", "31", "2024-03-01")
    replacing_21(root, "replaces", "30", "2026-05-20")
    view = build_view(load_repository(root), TODAY)
    nq21 = next(e for e in view.repo.entries if e.key == "tw/nq-21-2022")
    effect = view.lifecycle.effect(nq21)
    assert effect.state == "replaced" and effect.since == dt.date(2026, 5, 20) and effect.by.key == "tw/nq-30-2026"
    assert [a.by.key for a in effect.amendments] == ["tw/nq-31-2026"]
    before = build_view(load_repository(root), dt.date(2025, 1, 1)).lifecycle.effect(nq21)
    assert before.state == "amended" and before.in_force  # amended, not yet replaced
    earliest = build_view(load_repository(root), dt.date(2023, 1, 1)).lifecycle.effect(nq21)
    assert earliest.state == "in_force"
    # a registry entry nothing acts on is in force
    kl = next(e for e in view.repo.entries if e.key == "tw/kl-21-2021")
    assert view.lifecycle.effect(kl).state == "in_force"


def test_a_replaced_resolution_makes_the_plan_implementing_it_suspect_until_reviewed(tmp_path):
    root = copy_content(tmp_path)
    assert codes_in(root, PLAN, TODAY, Code.R113) == []
    replacing_21(root)
    found = codes_in(root, PLAN, TODAY, Code.R113)
    assert len(found) == 1
    assert "bị thay thế bởi Nghị quyết 30-NQ/TW ngày 20/05/2026" in found[0].message
    assert f"kehoach review {PLAN}" in found[0].hint
    before = (root / PLAN).read_text(encoding="utf-8")

    out = cli(
        "review", PLAN, "--root", str(root), "--note", "Đã đối chiếu với Nghị quyết 30-NQ/TW.", "--on", "2026-11-25"
    )
    assert out.returncode == 0, out.stderr
    assert "đã xem lại theo Nghị quyết 21-NQ/TW" in out.stdout
    assert codes_in(root, PLAN, TODAY, Code.R113) == []
    after = (root / PLAN).read_text(encoding="utf-8")
    # only the `reviewed:` block was added: the official text and every other line are as they were
    assert after.split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]
    assert [line for line in after.splitlines() if line not in before.splitlines()][0] == "reviewed:"
    recorded = yaml.safe_load(after.split("---\n")[1])["reviewed"]
    assert {r["target"] for r in recorded} == {"21-NQ/TW", "105-KH/TU"}
    assert all(r["date"] == dt.date(2026, 11, 25) and len(r["fingerprint"]) == 12 for r in recorded)

    # a further change upstream raises it again: the fingerprint alone decides
    replacing_21(root, "repeals", "32", "2026-09-01")
    again = codes_in(root, PLAN, TODAY, Code.R113)
    assert len(again) == 1 and "bị bãi bỏ bởi Nghị quyết 32-NQ/TW" in again[0].message
    assert "lần xem lại ngày 25/11/2026" in again[0].message


def test_review_refuses_a_document_it_does_not_follow_and_a_file_that_is_not_a_document(tmp_path):
    root = copy_content(tmp_path)
    out = cli("review", PLAN, "--root", str(root), "--target", "99-NQ/TW")
    assert out.returncode == 2 and "không thực hiện, trích dẫn hay kèm theo «99-NQ/TW»" in out.stderr
    out = cli("review", "plans/khong-co.md", "--root", str(root))
    assert out.returncode == 2 and "không phải một văn bản đọc được" in out.stderr
    assert "Traceback" not in out.stderr


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Văn phòng", "-c", "user.email=vp@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


UPSTREAM = "resolutions/tu-hanoi/kh-105-2022.md"  # the city plan 74-KH/ĐUK implements
UPSTREAM_TASK = "tasks:\n  - id: so-ket\n    title: Sơ kết 3 năm thực hiện\n    owner: tu-hanoi\n    deadline: {}\n"


def with_upstream_task(root: Path, deadline: str) -> None:
    path = root / UPSTREAM
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    front = front.split("\ntasks:")[0]
    path.write_text(front + "\n" + UPSTREAM_TASK.format(deadline) + "---\n" + body, encoding="utf-8")


def test_an_upstream_deadline_changed_in_a_later_commit_makes_the_follower_suspect(tmp_path):
    root = copy_content(tmp_path)
    with_upstream_task(root, "trước ngày 30/6/2025")
    lower = root / PLAN  # a task of the district plan under the city plan's task, due the same day
    front, body = lower.read_text(encoding="utf-8").split("\n---\n", 1)
    task = "  - id: so-ket-3-nam\n    title: Sơ kết 3 năm\n    owner: btv\n    deadline: trước ngày 30/6/2025\n"
    task += "    parent: tu-hanoi/kh-105-2022#so-ket\n"
    lower.write_text(front.replace("\ntasks:\n", "\ntasks:\n" + task, 1) + "\n---\n" + body, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Nhập các văn bản")
    as_of = dt.date(2024, 1, 1)
    assert codes_in(root, PLAN, as_of, Code.R113) == [] and codes_in(root, PLAN, as_of, Code.D206) == []
    with_upstream_task(root, "trước ngày 31/3/2025")
    git(root, "commit", "-q", "-am", "Thành ủy đổi thời hạn sơ kết")
    found = codes_in(root, PLAN, as_of, Code.R113)
    assert len(found) == 1
    assert "đổi từ «trước ngày 30/6/2025» thành «trước ngày 31/3/2025»" in found[0].message
    # D206 follows the upstream change: the lower task is now later than the task it implements
    later = codes_in(root, PLAN, as_of, Code.D206)
    assert len(later) == 1 and "so-ket-3-nam" in later[0].message and "31/3/2025" in later[0].message
    assert cli("review", PLAN, "--root", str(root), "--on", "2024-01-01").returncode == 0
    assert codes_in(root, PLAN, as_of, Code.R113) == []
    # recorded in the file: a clone without history agrees, and a later change raises it again
    shutil.rmtree(root / ".git")
    assert codes_in(root, PLAN, as_of, Code.R113) == []
    with_upstream_task(root, "trước ngày 15/3/2025")
    assert len(codes_in(root, PLAN, as_of, Code.R113)) == 1


def test_without_history_a_document_never_reviewed_is_reviewed_from_now_on(tmp_path):
    root = copy_content(tmp_path)  # no git: the upstream as it is now is the baseline
    with_upstream_task(root, "trước ngày 31/3/2025")
    assert codes_in(root, PLAN, dt.date(2024, 1, 1), Code.R113) == []


LATER_PLAN = "plans/duk-hanoi-dh/kh-90-2023.md"  # implements 134-KH/TU; tasks due in 2023


def with_horizon(root: Path, year: int) -> None:
    path = root / "resolutions/tu-hanoi/kh-134-2023.md"
    text = path.read_text(encoding="utf-8")
    extra = f"targets:\n  - id: muc-tieu\n    text: Mục tiêu đến năm {year}\n    period: đến năm {year}\n"
    path.write_text(text.replace("\n---\n", "\n" + extra + "---\n", 1), encoding="utf-8")


def test_a_term_ending_under_an_in_force_resolution_that_reaches_past_it_leaves_the_plan_current(tmp_path):
    root = copy_content(tmp_path)
    view = build_view(load_repository(root), TODAY)
    plan = view.by_key["duk-hanoi-dh/kh-90-2023"]
    # the term ended on 31/12/2025 and nothing the plan implements reaches past it: archived, with one warning
    assert view.archived(plan)
    d212 = codes_in(root, LATER_PLAN, TODAY, Code.D212)
    assert len(d212) == 1 and "Kế hoạch 134-KH/TU" in d212[0].message and "31/12/2025" in d212[0].message
    assert codes_in(root, LATER_PLAN, TODAY, Code.D205) == []

    with_horizon(root, 2030)
    view = build_view(load_repository(root), TODAY)
    assert not view.archived(view.by_key["duk-hanoi-dh/kh-90-2023"])
    assert codes_in(root, LATER_PLAN, TODAY, Code.D212) == []
    assert codes_in(root, LATER_PLAN, TODAY, Code.D205)  # its open work is current: past due is reported again
    # in 2031 the horizon has passed too
    later = build_view(load_repository(root), dt.date(2031, 1, 2))
    assert later.archived(later.by_key["duk-hanoi-dh/kh-90-2023"])


def test_carried_forward_into_a_term_that_does_not_exist_is_an_error(tmp_path):
    root = copy_content(tmp_path)
    path = root / PLAN
    path.write_text(
        path.read_text(encoding="utf-8").replace("\n---\n", "\ncarried_forward: khoa-iv\n---\n", 1), encoding="utf-8"
    )
    found = codes_in(root, PLAN, TODAY, Code.S002)
    assert found and "khoa-iv" in found[0].message and "khoa-iii" in found[0].message


BASES = [
    {"key": "db-cong-ty-a", "name": "Đảng bộ Công ty A", "level": "base", "parent": "duk-hanoi-dh", "codes": ["ĐU"]},
    {"key": "cb-vien-b", "name": "Chi bộ Viện B", "level": "base", "parent": "duk-hanoi-dh", "codes": ["CB"]},
    {
        "key": "db-tong-cong-ty-c",
        "name": "Đảng bộ Tổng công ty C",
        "level": "base",
        "parent": "duk-hanoi-dh",
        "codes": ["ĐU"],
    },
]
TASK = "duk-hanoi-dh/kh-90-2023#co-so-so-ket"  # «trước ngày 20/3/2023», owner tccs


@pytest.fixture
def reporting_repo(tmp_path):
    root = copy_content(tmp_path)
    orgs = yaml.safe_load((root / "organizations.yml").read_text(encoding="utf-8"))
    orgs["organizations"] += BASES
    (root / "organizations.yml").write_text(yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for org, number, date in (("db-cong-ty-a", "15", "2023-03-15"), ("cb-vien-b", "08", "2023-03-28")):
        write(
            root,
            f"resolutions/{org}/bc-{number}-2023.md",
            {
                "type": "BC",
                "number": number,
                "issuer": org,
                "date": date,
                "title": "sơ kết giữa nhiệm kỳ",
                "fulfils": [TASK],
            },
        )
    return root


def report_rows(root: Path, as_of: dt.date):
    view = build_view(load_repository(root), as_of)
    lt = next(lt for lt in view.tasks_of(view.by_key["duk-hanoi-dh/kh-90-2023"]) if lt.task.id == "co-so-so-ket")
    return lt, {r.org.key: r.state for r in view.reports_of(lt)}


def test_three_base_organisations_reporting_at_two_dates(reporting_repo):
    root = reporting_repo
    plan = "plans/duk-hanoi-dh/kh-90-2023.md"
    lt, rows = report_rows(root, dt.date(2023, 3, 18))
    assert rows == {"db-cong-ty-a": "on_time", "cb-vien-b": "pending", "db-tong-cong-ty-c": "pending"}
    assert lt.task.status == "open"
    early = findings(root, dt.date(2023, 3, 18))
    assert [f for f in early if f.code in (Code.D213, Code.D214)] == []

    lt, rows = report_rows(root, dt.date(2023, 4, 5))
    assert rows == {"db-cong-ty-a": "on_time", "cb-vien-b": "late", "db-tong-cong-ty-c": "missing"}
    assert lt.task.status == "open"  # one organisation has not reported
    later = findings(root, dt.date(2023, 4, 5))
    missing = [f for f in later if f.code == Code.D213]
    assert len(missing) == 1 and missing[0].path == plan and "Đảng bộ Tổng công ty C" in missing[0].message
    late = [f for f in later if f.code == Code.D214]
    assert len(late) == 1 and late[0].path == "resolutions/cb-vien-b/bc-08-2023.md"
    assert "28/03/2023" in late[0].message and "«trước ngày 20/3/2023»" in late[0].message
    # the organisations' lateness is said by D213, not a second time by D205
    assert not [f for f in later if f.code == Code.D205 and f.path == plan and "co-so-so-ket" in (f.subject or "")]

    write(
        root,
        "resolutions/db-tong-cong-ty-c/bc-21-2023.md",
        {"type": "BC", "number": "21", "issuer": "db-tong-cong-ty-c", "date": "2023-04-10", "fulfils": [TASK]},
    )
    lt, rows = report_rows(root, dt.date(2023, 4, 12))
    assert rows["db-tong-cong-ty-c"] == "late"
    assert lt.task.status == "done" and lt.task.done_on == dt.date(2023, 4, 10)  # done by evidence


def test_a_report_fulfils_an_ordinary_task_and_a_wrong_address_is_an_error(reporting_repo):
    root = reporting_repo
    write(
        root,
        "resolutions/duk-hanoi-dh/bc-120-2023.md",
        {
            "type": "BC",
            "number": "120",
            "issuer": "duk-hanoi-dh",
            "date": "2023-04-08",
            "fulfils": ["duk-hanoi-dh/kh-90-2023#hoi-nghi-khoi", "duk-hanoi-dh/kh-90-2023#khong-co"],
        },
    )
    view = build_view(load_repository(root), dt.date(2023, 5, 1))
    lt = next(lt for lt in view.tasks_of(view.by_key["duk-hanoi-dh/kh-90-2023"]) if lt.task.id == "hoi-nghi-khoi")
    assert lt.task.status == "done" and lt.task.done_on == dt.date(2023, 4, 8)
    found = [f for f in findings(root, dt.date(2023, 5, 1)) if f.code == Code.S007]
    assert len(found) == 1 and "khong-co" in found[0].message and found[0].line is not None


def test_a_review_note_cannot_write_other_fields(tmp_path):
    root = copy_content(tmp_path)
    note = 'xong"\nconfidentiality: ""\n  - target: x\u2028# «ghi chú»'
    assert cli("review", PLAN, "--root", str(root), "--note", note).returncode == 0
    front = yaml.safe_load((root / PLAN).read_text(encoding="utf-8").split("---\n")[1])
    assert {r["note"] for r in front["reviewed"]} == {note}
    assert "confidentiality" not in front


def test_pages_show_the_suspect_banner_and_the_report_table_and_nothing_confidential(tmp_path):
    from helpers import build_copy

    def edit(root: Path) -> None:
        replacing_21(root)
        write(  # a confidential amendment: the banner says something changed, never what
            root,
            "resolutions/tw/nq-33-2026.md",
            {
                "type": "NQ",
                "number": "33",
                "issuer": "tw",
                "date": "2026-04-02",
                "title": "sửa đổi mật về cán bộ",
                "confidentiality": "MẬT",
                "relations": [{"type": "amends", "target": "21-NQ/TW"}],
            },
        )
        orgs = yaml.safe_load((root / "organizations.yml").read_text(encoding="utf-8"))
        orgs["organizations"] += BASES
        (root / "organizations.yml").write_text(yaml.safe_dump(orgs, allow_unicode=True), encoding="utf-8")
        write(
            root,
            "resolutions/db-cong-ty-a/bc-15-2023.md",
            {"type": "BC", "number": "15", "issuer": "db-cong-ty-a", "date": "2023-03-15", "fulfils": [TASK]},
        )
        write(  # a confidential report: evidence inside, never named on the public site
            root,
            "resolutions/cb-vien-b/bc-08-2023.md",
            {
                "type": "BC",
                "number": "08",
                "issuer": "cb-vien-b",
                "date": "2023-03-28",
                "title": "báo cáo tuyệt mật về nhân sự",
                "confidentiality": "MẬT",
                "fulfils": [TASK],
            },
        )

    code, err, site = build_copy(tmp_path, edit)
    assert code == 0, err
    plan = (site / "van-ban/duk-hanoi-dh/kh-74-2022/index.html").read_text(encoding="utf-8")
    assert "Văn bản cấp trên đã thay đổi" in plan and "bị thay thế bởi Nghị quyết 30-NQ/TW" in plan
    assert "kehoach review plans/duk-hanoi-dh/kh-74-2022.md" in plan
    assert "bị sửa đổi, thay thế hoặc bãi bỏ bởi một văn bản không công khai" in plan
    reports = (site / "van-ban/duk-hanoi-dh/kh-90-2023/index.html").read_text(encoding="utf-8")
    assert "Báo cáo của các tổ chức trực thuộc" in reports
    assert reports.count('class="kh-report"') == 3
    assert "Đảng bộ Công ty A" in reports and "đã báo cáo đúng hạn" in reports
    dashboard = (site / "nhiem-vu/index.html").read_text(encoding="utf-8")
    assert "Tỉ lệ hoàn thành đúng hạn" in dashboard
    matrix = (site / "van-ban/ma-tran/index.html").read_text(encoding="utf-8")
    assert "Báo cáo của các tổ chức trực thuộc" in matrix and matrix.count("✓ đúng hạn") == 1
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    assert "tuyệt mật về nhân sự" not in everything and "bc-08-2023" not in everything
    assert "33-NQ/TW" not in everything and "sửa đổi mật về cán bộ" not in everything


def test_review_keeps_a_windows_file_windows_and_its_comments(tmp_path):
    root = copy_content(tmp_path)
    path = root / PLAN
    text = path.read_text(encoding="utf-8").replace("\ntasks:", "\n# nhiệm vụ do văn phòng ghi\ntasks:", 1)
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert cli("review", PLAN, "--root", str(root)).returncode == 0
    data = path.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")  # every line still ends \r\n
    assert "# nhiệm vụ do văn phòng ghi\r\ntasks:" in data.decode("utf-8")
    assert codes_in(root, PLAN, TODAY, Code.R113) == []
    assert [f for f in findings(root, TODAY) if f.path == PLAN and f.code.value.startswith("S")] == []
