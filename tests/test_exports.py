"""Exports of the real repository: calendars, the registry and the task sheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import jsonschema
import pytest
from fixtures.confidential import DELIVERABLE, KEY, TITLE, add_confidential_plan
from helpers import ROOT, cli
from icalendar import Calendar

from kehoach.exports import ICS_ALL, REGISTRY, TASKS_CSV, export_view, write_all
from kehoach.exports.rows import task_rows
from kehoach.model.jsonschema import SCHEMAS, render

AS_OF = dt.date(2023, 3, 1)
SITE = "https://kho.example.invalid/"


@pytest.fixture(scope="module")
def context():
    return export_view(ROOT, AS_OF)


@pytest.fixture(scope="module")
def exported(context, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    write_all(context, out, SITE)
    return out


def events(path):
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_one_event_per_dated_task_with_vietnamese_summaries(context, exported):
    dated = [row for row in task_rows(context) if row.due is not None]
    assert len(dated) >= 15  # the seeds' deadlines, counted by the engine
    found = events(exported / ICS_ALL)
    assert len(found) == len(dated)
    assert {str(e["UID"]) for e in found} == {f"{row.uid}@kehoach" for row in dated}
    by_uid = {str(e["UID"]): e for e in found}
    first = by_uid["duk-hanoi-dh/kh-90-2023#co-so-so-ket@kehoach"]
    assert "sơ kết" in str(first["SUMMARY"]) and "90-KH/ĐUK" in str(first["SUMMARY"])
    assert first.decoded("DTSTART") == dt.date(2023, 3, 19)  # "trước ngày 20/3/2023": the 19th is the last day
    assert "trước ngày 20/3/2023" in str(first["DESCRIPTION"])
    assert str(first["URL"]) == SITE + "van-ban/duk-hanoi-dh/kh-90-2023/"


def test_re_export_is_byte_identical_so_subscriptions_update(context, exported, tmp_path):
    write_all(export_view(ROOT, AS_OF), tmp_path, SITE)
    for path in exported.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / path.relative_to(exported)).read_bytes(), path


def test_organisation_and_unit_calendars_partition_the_tasks(context, exported):
    everything = {str(e["UID"]) for e in events(exported / ICS_ALL)}
    per_org = [p for p in (exported / "lich").glob("*.ics") if p.name != "tat-ca.ics"]
    uids = [str(e["UID"]) for p in per_org for e in events(p)]
    assert sorted(uids) == sorted(everything)  # each task in exactly one issuer calendar
    tuyen_giao = {str(e["UID"]) for e in events(exported / "lich" / "duk-hanoi-dh" / "ban-tuyen-giao.ics")}
    owned = {
        f"{r.uid}@kehoach"
        for r in task_rows(context)
        if r.due and r.entry.doc.issuer == "duk-hanoi-dh" and "ban-tuyen-giao" in r.located.task.owner
    }
    assert tuyen_giao == owned and owned


def test_registry_validates_against_its_published_schema(exported):
    data = json.loads((exported / REGISTRY).read_text(encoding="utf-8"))
    published = json.loads((ROOT / "schema" / "registry.schema.json").read_text(encoding="utf-8"))
    model, title = SCHEMAS["registry.schema.json"]
    assert published == json.loads(render(model, title)), "run `make schema`: schema/ is out of date"
    jsonschema.validate(data, published)
    doc = next(d for d in data["documents"] if d["key"] == "duk-hanoi-dh/kh-90-2023")
    assert doc["symbol"] == "90-KH/ĐUK" and doc["frbr"]["work"] == "/akn/vn/doc/kh/duk-hanoi-dh/2023-02-28/90"
    assert {"source": "duk-hanoi-dh/kh-74-2022", "target": "tw/nq-21-2022", "type": "implements"} in data["relations"]
    works = [d["frbr"]["work"] for d in data["documents"]]
    assert len(works) == len(set(works))


def test_task_sheet_opens_in_excel_with_vietnamese_headers(context, exported):
    raw = (exported / TASKS_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Số hiệu", "Trích yếu văn bản", "Tổ chức ban hành", "Mã nhiệm vụ", "Nhiệm vụ"]
    assert len(rows) - 1 == len(task_rows(context))
    row = next(r for r in rows if r[0] == "90-KH/ĐUK" and r[3] == "co-so-so-ket")
    assert row[10] == "19/03/2023" and row[9] == "trước ngày 20/3/2023"


def test_confidential_documents_never_reach_an_export(repo_copy, tmp_path):
    add_confidential_plan(repo_copy)
    out = tmp_path / "out"
    run = cli("export", "all", "--root", str(repo_copy), "--out", str(out), "--as-of", "2023-03-20")
    assert run.returncode == 0, run.stderr
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8-sig")
            for secret in (TITLE, DELIVERABLE, KEY):
                assert secret not in text, (path, secret)
    internal = tmp_path / "internal"
    cli("export", "all", "--root", str(repo_copy), "--out", str(internal), "--as-of", "2023-03-20", "--internal")
    assert TITLE in (internal / REGISTRY).read_text(encoding="utf-8")  # the test can fail: the title is there


def files_in(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_new_export_leaves_nothing_of_the_previous_one(repo_copy, tmp_path):
    """The plan is public, exported, then marked MẬT: its unit's calendar must not survive the next export."""
    add_confidential_plan(repo_copy)
    plan = repo_copy / "plans" / "duk-hanoi-dh" / f"{KEY}.md"
    marked = plan.read_text(encoding="utf-8").replace("owner: van-phong", "owner: bch")  # the only task of «bch»
    plan.write_text(marked.replace("confidentiality: MẬT\n", ""), encoding="utf-8")
    out = tmp_path / "du-lieu"
    common = ("export", "all", "--root", str(repo_copy), "--as-of", "2023-03-20")
    assert cli(*common, "--out", str(out)).returncode == 0
    assert (out / "lich" / "duk-hanoi-dh" / "bch.ics").exists()  # the test can fail: the calendar was there
    plan.write_text(marked, encoding="utf-8")
    run = cli(*common, "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert not (out / "lich" / "duk-hanoi-dh" / "bch.ics").exists()
    fresh = tmp_path / "moi"
    assert cli(*common, "--out", str(fresh)).returncode == 0
    assert files_in(out) == files_in(fresh)
    for path in out.rglob("*"):
        if path.is_file():
            assert TITLE not in path.read_bytes().decode("utf-8-sig"), path
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


def test_export_refuses_a_folder_it_did_not_make(repo_copy, tmp_path):
    common = ("export", "all", "--root", str(repo_copy), "--as-of", "2023-03-20")
    mine = tmp_path / "tai-lieu"
    mine.mkdir()
    (mine / "bao-cao.docx").write_bytes(b"cua nguoi dung")
    for target in (mine, repo_copy, repo_copy.parent):
        run = cli(*common, "--out", str(target))
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert "kehoach: " in run.stderr and "export" in run.stderr
    assert (mine / "bao-cao.docx").read_bytes() == b"cua nguoi dung"
    assert (repo_copy / "organizations.yml").exists() and (repo_copy / "plans").is_dir()
    empty = tmp_path / "trong"
    empty.mkdir()
    assert cli(*common, "--out", str(empty)).returncode == 0 and (empty / REGISTRY).exists()


FORMULAS = ['=HYPERLINK("http://x.example","bấm")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def test_task_sheet_cells_are_never_formulas(tmp_path):
    from minirepo import make_repo, write_doc

    root = make_repo(tmp_path / "repo")
    tasks = [
        {"id": f"t{i}", "title": text, "owner": "van-phong", "deliverable": text, "deadline": "trước ngày 20/3/2023"}
        for i, text in enumerate(FORMULAS)
    ]
    front = {"type": "KH", "number": "1", "issuer": "duk-a", "date": "2023-03-01", "title": "=1+1", "tasks": tasks}
    write_doc(root, "plans", "duk-a/kh-1-2023", front, "Văn phòng báo cáo trước ngày 20/3/2023.\n")
    out = tmp_path / "out"
    assert cli("export", "csv", "--root", str(root), "--out", str(out), "--as-of", "2023-03-01").returncode == 0
    rows = list(csv.reader(io.StringIO((out / TASKS_CSV).read_bytes().decode("utf-8-sig"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) - 1 == len(FORMULAS)
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    for text in FORMULAS:
        assert "'" + text.strip() in cells  # as loaded (blanks trimmed), after the quote that keeps it text
    assert "'=1+1" in cells
