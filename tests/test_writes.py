"""Nothing the repository holds can make a command write outside the folder it writes to: keys are checked by
one pattern when loaded, and every writer checks each path it writes."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from helpers import PREVIEW_CONFIG, build_copy, cli, findings
from minirepo import ORGS, make_repo, write_doc

AS_OF = dt.date(2023, 3, 1)
TASK = {"id": "t1", "title": "Báo cáo", "owner": "van-phong", "deadline": "trước ngày 20/3/2023"}
BODY = "Văn phòng báo cáo trước ngày 20/3/2023.\n"


def escaped_files(tmp_path, allowed) -> list[str]:
    """Files under tmp_path that are in none of the `allowed` folders."""
    return sorted(
        p.relative_to(tmp_path).as_posix()
        for p in tmp_path.rglob("*")
        if p.is_file() and not any(p.is_relative_to(a) for a in allowed)
    )


def test_an_issuer_climbing_out_is_a_finding_and_export_writes_only_inside(tmp_path):
    root = make_repo(tmp_path / "repo")
    front = {"type": "KH", "number": "1", "issuer": "../../../ra-ngoai", "date": "2023-03-01", "tasks": [TASK]}
    path = write_doc(root, "plans", "duk-a/kh-1-2023", front, BODY)
    out = tmp_path / "xuat" / "du-lieu"
    run = cli("export", "all", "--root", str(root), "--out", str(out), "--as-of", "2023-03-01")
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert escaped_files(tmp_path, [root, out]) == []
    (found,) = [f for f in findings(root, AS_OF) if f.path.endswith("kh-1-2023.md")]
    assert (
        found.code == "S002"
        and found.line == path.read_text(encoding="utf-8").split("\n").index("issuer: ../../../ra-ngoai") + 1
    )
    assert "chữ thường" in found.message and "../../../ra-ngoai" in found.message


@pytest.mark.parametrize("where", ["org", "unit"])
def test_organisation_and_unit_keys_climbing_out_are_findings_and_write_nothing(tmp_path, where):
    orgs = yaml.safe_load(yaml.safe_dump(ORGS))
    duk = next(o for o in orgs["organizations"] if o["key"] == "duk-a")
    if where == "org":
        duk["key"] = "../../../to-chuc-ra-ngoai"
    else:
        duk["units"][0]["key"] = "../../../don-vi-ra-ngoai"
    root = make_repo(tmp_path / "sau" / "hon" / "repo", orgs)  # deep enough that «../../../» stays in tmp_path
    issuer = duk["key"]
    task = TASK | {"owner": duk["units"][0]["key"]}
    write_doc(root, "plans", "duk-a/kh-1-2023", {"type": "KH", "number": "1", "issuer": issuer, "tasks": [task]}, BODY)
    out = tmp_path / "xuat" / "du-lieu"
    cli("export", "all", "--root", str(root), "--out", str(out), "--as-of", "2023-03-01")
    new = cli("new", "plan", "--org", issuer, "--root", str(root), "--date", "2023-03-02")
    assert "Traceback" not in new.stderr
    assert escaped_files(tmp_path, [root, out]) == []
    keyed = [f for f in findings(root, AS_OF) if f.path == "organizations.yml" and f.code == "S002"]
    assert keyed and "chữ thường" in keyed[0].message


def test_a_preview_site_writes_nothing_outside_its_folder(tmp_path):
    def climb(root):
        front = {"type": "KH", "number": "99", "issuer": "../../../ra-ngoai", "date": "2023-03-01", "tasks": [TASK]}
        write_doc(root, "plans", "duk-hanoi-dh/kh-99-2023", front, BODY)

    code, err, site = build_copy(tmp_path, climb, config=PREVIEW_CONFIG, env={"KEHOACH_AS_OF": "2023-03-01"})
    assert code == 0, err[-3000:]
    assert escaped_files(tmp_path, [tmp_path / "proj", site]) == []


def test_every_writer_refuses_a_path_outside_its_folder(tmp_path):
    from kehoach.model.writing import OutsideFolder, inside, write_file

    for bad in ("../x", "a/../../x", "/etc/x", "a/../../../x.ics", ""):
        with pytest.raises(OutsideFolder):
            inside(tmp_path / "out", bad)
        with pytest.raises(OutsideFolder):
            write_file(tmp_path / "out", bad, b"x")
    assert inside(tmp_path / "out", "lich/a.ics") == (tmp_path / "out" / "lich" / "a.ics").resolve()
    write_file(tmp_path / "out", "lich/a.ics", b"x")
    assert (tmp_path / "out" / "lich" / "a.ics").read_bytes() == b"x"
    assert escaped_files(tmp_path, [tmp_path / "out"]) == []
