"""Reference resolution on small purpose-built repositories."""

from __future__ import annotations

import datetime as dt

from helpers import findings, line_containing
from minirepo import make_repo, stub, write_doc

from kehoach.checks import run_checks
from kehoach.model.load import load_repository

AS_OF = dt.date(2023, 6, 1)


def plan(root, org, number, date, body, **extra):
    front = {"type": "KH", "number": number, "issuer": org, "date": date, "signer": {"name": "Nguyễn Văn A"}} | extra
    return write_doc(root, "plans", f"{org}/kh-{number}-{date[:4]}", front, body)


def refs_of(root, key):
    ctx = run_checks(load_repository(root), AS_OF).view
    return [r for r in ctx.refs if r.source.key == key]


def test_relative_issuer_codes_resolve_within_each_tree(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "duk-a", "NQ", "02", "2021-04-29")
    stub(root, "duk-b", "NQ", "02", "2021-01-12")
    implements = {"relations": [{"type": "implements", "target": "02-NQ/ĐUK"}]}
    plan(
        root,
        "duk-a",
        "10",
        "2023-02-13",
        "Thực hiện Nghị quyết số 02-NQ/ĐUK, ngày 29/4/2021 của Ban Chấp hành.",
        **implements,
    )
    plan(
        root,
        "duk-b",
        "11",
        "2023-03-21",
        "Thực hiện Nghị quyết số 02-NQ/ĐUK, ngày 12/01/2021 của Ban Chấp hành.",
        **implements,
    )
    a, _ = refs_of(root, "duk-a/kh-10-2023")  # the body's citation, then the front matter's relation
    b, _ = refs_of(root, "duk-b/kh-11-2023")
    assert (a.status, a.target.key) == ("ok", "duk-a/nq-02-2021")
    assert (b.status, b.target.key) == ("ok", "duk-b/nq-02-2021")
    assert [f.code for f in findings(root, AS_OF)] == []


def test_date_conflict_and_later_document(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "tw", "KL", "21", "2021-10-25")
    stub(root, "tw", "NQ", "30", "2024-01-01")
    path = plan(
        root,
        "duk-a",
        "12",
        "2023-03-21",
        "Kết luận 21-KL/TW, ngày 15/10/2021 của Ban Chấp hành Trung ương Đảng, khóa XIII.\n\n"
        "Nghị quyết số 30-NQ/TW, ngày 01/01/2024.",
    )
    codes = sorted((f.code, f.line) for f in findings(root, AS_OF))
    assert codes == [("R103", line_containing(path, "21-KL/TW")), ("R104", line_containing(path, "30-NQ/TW"))]


def test_numbers_restart_each_term_and_the_date_or_citing_term_disambiguates(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "tw", "NQ", "01", "2016-05-01")
    stub(root, "tw", "NQ", "01", "2021-06-01")
    plan(root, "duk-a", "13", "2022-01-10", "Nghị quyết số 01-NQ/TW, ngày 01/5/2016; và Nghị quyết số 01-NQ/TW.")
    dated, undated = refs_of(root, "duk-a/kh-13-2022")
    assert dated.target.key == "tw/nq-01-2016"
    assert undated.target.key == "tw/nq-01-2021"  # the one of the term the citing plan was issued in
    assert findings(root, AS_OF) == []


def test_ambiguous_when_nothing_disambiguates(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "tw", "NQ", "01", "2016-05-01")
    stub(root, "tw", "NQ", "01", "2021-06-01")
    write_doc(
        root, "outlines", "duk-a/dc-x", {"type": "ĐC", "issuer": "duk-a", "term": "nk"}, "Theo Nghị quyết số 01-NQ/TW."
    )
    assert [f.code for f in findings(root, AS_OF)] == ["M301", "R102"]


def test_unit_issuer_codes_and_external_declarations(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "tw", "HD", "09", None, issuer_code="BTCTW")
    plan(
        root,
        "duk-a",
        "14",
        "2023-01-05",
        "Hướng dẫn số 09-HD/BTCTW của Ban Tổ chức Trung ương; Công văn số 5-CV/TU.",
        external=["5-CV/TU"],
    )
    statuses = [(r.symbol, r.status) for r in refs_of(root, "duk-a/kh-14-2023")]
    assert statuses == [("09-HD/BTCTW", "ok"), ("5-CV/TU", "external")]
    assert findings(root, AS_OF) == []


def test_unknown_issuer_code_is_reported(tmp_path):
    root = make_repo(tmp_path)
    plan(root, "duk-a", "15", "2023-01-05", "Theo Kế hoạch số 3-KH/XYZ.")
    (f,) = findings(root, AS_OF)
    assert f.code == "R101" and "XYZ" in f.message


def test_term_label_and_attribution_warnings(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "tw", "KL", "01", "2021-05-18")
    stub(root, "tw", "QĐ", "05", "2022-04-18")
    plan(
        root,
        "duk-a",
        "16",
        "2023-01-05",
        "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị (khóa III);\n"
        "Quy định số 05-QĐ/TW, ngày 18/4/2022 của Ban Thường vụ Tỉnh ủy A về quản lý.",
    )
    assert sorted(f.code for f in findings(root, AS_OF)) == ["R106", "R107"]


def test_relations_make_one_typed_edge_with_reverse_lookup(tmp_path):
    root = make_repo(tmp_path)
    stub(root, "tw", "NQ", "21", "2022-06-16")
    plan(
        root,
        "duk-a",
        "74",
        "2022-10-27",
        "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 (Nghị quyết 21-NQ/TW).",
        relations=[{"type": "implements", "target": "21-NQ/TW", "date": "2022-06-16"}],
    )
    graph = run_checks(load_repository(root), AS_OF).view.graph
    assert [(e.source, e.target, e.type) for e in graph.edges] == [("duk-a/kh-74-2022", "tw/nq-21-2022", "implements")]
    assert graph.sources("tw/nq-21-2022", "implements") == ["duk-a/kh-74-2022"]
