"""Tasks, deadlines and past-due rules on small purpose-built repositories."""

from __future__ import annotations

import datetime as dt

from helpers import findings
from minirepo import make_repo, write_doc

BODY = (
    "1. Văn phòng chủ trì xây dựng báo cáo, hoàn thành **trước ngày 15/3/2023**.\n\n"
    "2. Các cơ sở gửi báo cáo **trước ngày 10/3/2023**.\n\n"
    "3. Số liệu tính đến hết ngày 30/5/2023.\n"
)


def plan(root, tasks, body=BODY, date="2023-02-28", **extra):
    front = {
        "type": "KH",
        "number": "9",
        "issuer": "duk-a",
        "date": date,
        "signer": {"name": "A"},
        "tasks": tasks,
    } | extra
    return write_doc(root, "plans", f"duk-a/kh-9-{date[:4]}", front, body)


TASKS = [
    {
        "id": "bao-cao",
        "title": "Báo cáo",
        "owner": "van-phong",
        "deadline": "hoàn thành trước ngày 15/3/2023",
        "depends_on": ["co-so"],
    },
    {
        "id": "co-so",
        "title": "Cơ sở gửi báo cáo",
        "owner": "tccs",
        "deadline": "trước ngày 10/3/2023",
        "quote": "Các cơ sở gửi báo cáo trước ngày 10/3/2023",
    },
    {"id": "so-lieu", "title": "Mốc số liệu", "owner": "duk-a", "deadline": "đến hết ngày 30/5/2023"},
]


def codes(root, as_of):
    return sorted(f.code for f in findings(root, as_of))


def test_all_captured_is_clean_and_past_due_follows_the_date(tmp_path):
    root = make_repo(tmp_path)
    plan(root, TASKS)
    assert codes(root, dt.date(2023, 3, 1)) == []
    late = findings(root, dt.date(2023, 3, 16))
    assert sorted((f.code, f.subject) for f in late) == [("D205", "bao-cao"), ("D205", "co-so")]
    # "trước ngày 15/3" leaves 14/3 as the last day: late on 15/3 by one day, on 16/3 by two
    assert "quá hạn 2 ngày" in next(f.message for f in late if f.subject == "bao-cao")
    assert [f.subject for f in findings(root, dt.date(2023, 3, 15)) if f.subject == "bao-cao"] == ["bao-cao"]
    assert [f.subject for f in findings(root, dt.date(2023, 3, 14)) if f.subject == "bao-cao"] == []


def test_done_tasks_are_not_past_due(tmp_path):
    root = make_repo(tmp_path)
    plan(root, [dict(t, status="done", done_on="2023-03-09") for t in TASKS])
    assert codes(root, dt.date(2023, 6, 30)) == []


def test_archived_after_the_term_ends_so_ci_stays_green(tmp_path):
    root = make_repo(tmp_path)
    plan(root, TASKS)
    assert codes(root, dt.date(2025, 12, 31)) == ["D205", "D205", "D205"]
    assert codes(root, dt.date(2026, 1, 1)) == []  # the 2020–2025 term is over


def test_deadline_in_text_not_captured(tmp_path):
    root = make_repo(tmp_path)
    plan(root, TASKS[:2])
    (f,) = findings(root, dt.date(2023, 3, 1))
    assert f.code == "D203" and "đến hết ngày 30/5/2023" in f.message


def test_task_not_in_text_and_ambiguous_location(tmp_path):
    root = make_repo(tmp_path)
    wrong = [dict(TASKS[0], deadline="trước ngày 16/3/2023"), dict(TASKS[1], quote=None), TASKS[2]]
    plan(root, wrong, body=BODY + "\nNhắc lại: gửi trước ngày 10/3/2023.\n")
    found = findings(root, dt.date(2023, 3, 1))
    messages = {f.subject: (f.code, f.message) for f in found if f.code == "D204"}
    assert "không có nguyên văn" in messages["bao-cao"][1]
    assert "xuất hiện nhiều lần" in messages["co-so"][1]


def test_dependency_due_after_the_task_that_needs_it(tmp_path):
    root = make_repo(tmp_path)
    plan(root, [dict(TASKS[0], depends_on=["so-lieu"]), TASKS[1], TASKS[2]])
    (f,) = findings(root, dt.date(2023, 3, 1))
    assert f.code == "D207" and f.subject == "bao-cao"


def test_lower_plan_later_than_the_higher_plan(tmp_path):
    root = make_repo(tmp_path)
    write_doc(
        root,
        "resolutions",
        "tu-a/kh-5-2023",
        {
            "type": "KH",
            "number": "5",
            "issuer": "tu-a",
            "date": "2023-02-01",
            "tasks": [{"id": "bc", "title": "Báo cáo", "owner": "tu-a", "deadline": "trước ngày 12/3/2023"}],
        },
        "Các Đảng ủy Khối báo cáo trước ngày 12/3/2023.\n",
    )
    plan(root, [dict(TASKS[0], parent="tu-a/kh-5-2023#bc"), TASKS[1], TASKS[2]])
    (f,) = findings(root, dt.date(2023, 3, 1))
    assert f.code == "D206" and "tu-a/kh-5-2023#bc" in f.message


def test_impossible_deadline_and_deadline_before_issue_date(tmp_path):
    root = make_repo(tmp_path)
    body = BODY.replace("15/3/2023", "30/02/2023")
    plan(root, [dict(TASKS[0], deadline="hoàn thành trước ngày 30/02/2023"), TASKS[1], TASKS[2]], body=body)
    assert "D201" in codes(root, dt.date(2023, 1, 1))
    root2 = make_repo(tmp_path / "b")
    plan(root2, TASKS, date="2023-03-12")
    assert codes(root2, dt.date(2023, 1, 1)) == ["D202"]  # 10/3 is before the plan's own date 12/3


def test_acknowledgement_silences_one_finding_and_stale_ones_are_reported(tmp_path):
    root = make_repo(tmp_path)
    plan(
        root,
        TASKS[:2],
        acknowledgements=[
            {"code": "D203", "match": "30/5/2023", "reason": "Mốc số liệu, không phải nhiệm vụ."},
            {"code": "R103", "reason": "Không còn đúng."},
        ],
    )
    found = findings(root, dt.date(2023, 3, 1), include_acknowledged=True)
    assert sorted((f.code, bool(f.acknowledged)) for f in found) == [("D203", True), ("M302", False)]


def test_unknown_unit_and_duplicate_task_ids(tmp_path):
    root = make_repo(tmp_path)
    plan(root, [dict(TASKS[0], owner="ban-khong-co"), TASKS[1], dict(TASKS[2], id="bao-cao")])
    assert codes(root, dt.date(2023, 3, 1)) == ["S005", "S007"]
