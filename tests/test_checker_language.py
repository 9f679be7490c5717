"""The checker reads official text the way staff write it: every form of a symbol, date and deadline, the
front matter against the text, files it cannot read, and a broken organisation tree without a flood."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import yaml
from helpers import findings, line_containing
from minirepo import ORGS, make_repo, stub, write_doc

AS_OF = dt.date(2023, 6, 1)
SIGNER = {"name": "Nguyễn Văn A"}


@pytest.fixture()
def repo(tmp_path):
    root = make_repo(tmp_path / "repo")
    stub(root, "tw", "NQ", "21", "2022-06-16")
    stub(root, "tu-a", "KH", "05", "2022-12-01")
    return root


def plan(root, body, number="9", date="2023-03-01", **extra):
    front = {"type": "KH", "number": number, "issuer": "duk-a", "date": date, "signer": SIGNER} | extra
    return write_doc(root, "plans", f"duk-a/kh-{number}-{date[:4]}", front, body)


def found(root, as_of=AS_OF, path=None):
    return [(f.code, f.line) for f in findings(root, as_of) if path is None or f.path == path]


def rel(path, root):
    return path.relative_to(root).as_posix()


@pytest.mark.parametrize(
    "written",
    ["21 NQ/TW", "21–NQ/TW", "21 – NQ/TW", "21—NQ/TW", "21 - NQ/TW", "21-NQTW", "21/NQ-TW", "21-NQ/Tw", "21-Nq/TW"],
)
def test_a_symbol_written_irregularly_is_recognised_resolved_and_given_its_standard_form(repo, written):
    path = plan(
        repo,
        f"Căn cứ tinh thần Nghị quyết số {written}, ngày 16/6/2022 của Ban Chấp hành Trung ương.\n",
        relations=[{"type": "implements", "target": "21-NQ/TW"}],
    )
    result = [f for f in findings(repo, AS_OF) if f.path == rel(path, repo)]
    assert [(f.code, f.line) for f in result] == [("R105", line_containing(path, written))]  # resolved: no R101
    assert f"«{written}»" in result[0].message and "«21-NQ/TW»" in result[0].message


def test_a_wrong_date_beside_an_irregular_symbol_is_seen(repo):
    path = plan(
        repo,
        "Căn cứ Nghị quyết số 21 – NQ/TW, ngày 15/6/2022 của Trung ương.\n",
        relations=[{"type": "implements", "target": "21-NQ/TW"}],
    )
    line = line_containing(path, "21 – NQ/TW")
    assert sorted(found(repo, path=rel(path, repo))) == [("R103", line), ("R105", line)]


def test_look_alike_letters_in_an_issuer_code(repo):
    path = plan(
        repo,
        "Thực hiện Kế hoạch số 05-KH/TƯ ngày 01/12/2022 của Tỉnh ủy.\n",
        relations=[{"type": "implements", "target": "05-KH/TU"}],
    )
    result = [f for f in findings(repo, AS_OF) if f.path == rel(path, repo)]
    assert [(f.code, f.line) for f in result] == [("R105", line_containing(path, "TƯ"))]
    assert "«05-KH/TU»" in result[0].message


def test_a_code_that_looks_like_two_codes_of_the_tree_is_a_warning_naming_both(tmp_path):
    orgs = yaml.safe_load(yaml.safe_dump(ORGS))
    duk = next(o for o in orgs["organizations"] if o["key"] == "duk-a")
    duk["units"] += [
        {"key": "van-phong-2", "name": "Văn phòng cũ", "codes": ["VPĐU"]},
        {"key": "van-phong-3", "name": "Văn phòng mới", "codes": ["VPDƯ"]},
    ]
    root = make_repo(tmp_path / "repo", orgs)
    path = plan(root, "Theo Công văn số 12-CV/VPDU của Văn phòng.\n")
    result = [f for f in findings(root, AS_OF) if f.path == rel(path, root)]
    assert [(f.code, f.line) for f in result] == [("R112", line_containing(path, "VPDU"))]
    assert "«VPĐU»" in result[0].message and "«VPDƯ»" in result[0].message


def test_state_documents_are_not_party_citations(repo):
    path = plan(
        repo,
        "Căn cứ Nghị định số 30/2020/NĐ-CP; Quyết định số 1234/QĐ-TTg; Kế hoạch số 123/KH-UBND "
        "ngày 01/02/2023 của Ủy ban nhân dân tỉnh; Thông tư 01/2011/TT-BNV.\n",
    )
    assert found(repo, path=rel(path, repo)) == []


def test_new_type_codes_are_known(repo):
    stub(repo, "tw", "QĐi", "08", "2018-10-25")
    path = plan(
        repo,
        "Thực hiện Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương.\n",
        relations=[{"type": "implements", "target": "08-QĐi/TW"}],
    )
    assert found(repo, path=rel(path, repo)) == []


def test_a_deadline_without_a_year_across_new_year(repo):
    body = "Các đảng bộ báo cáo trước ngày 10/01.\n"
    path = plan(
        repo,
        body,
        number="8",
        date="2022-11-25",
        tasks=[{"id": "bc", "title": "Báo cáo", "owner": "tccs", "deadline": "trước ngày 10/01"}],
    )
    assert found(repo, dt.date(2022, 12, 1), rel(path, repo)) == []  # not «before the issue date»
    late = [f for f in findings(repo, dt.date(2023, 1, 15)) if f.path == rel(path, repo)]
    assert [f.code for f in late] == ["D205"] and "quá hạn 6 ngày" in late[0].message


@pytest.mark.parametrize(
    "phrase",
    [
        "chậm nhất ngày 15/4/2023",
        "chậm nhất là ngày 15/4/2023",
        "đến ngày 30/6/2023",
        "hạn chót 20/5/2023",
        "xong trước 31/3/2023",
        "trước ngày 25-3-2023",
        "trước 17 giờ ngày 10/4/2023",
        "trong quý II",
        "trong 6 tháng đầu năm 2023",
        "vào cuối năm 2023",
        "định kỳ hằng quý",
        "trước ngày 10 hằng tháng",
    ],
)
def test_every_deadline_wording_must_be_a_task_and_a_task_may_say_it(repo, phrase):
    body = f"1. Ban Tổ chức tổng hợp, báo cáo Ban Thường vụ {phrase}.\n"
    path = plan(repo, body)
    assert found(repo, dt.date(2023, 3, 2), rel(path, repo)) == [("D203", line_containing(path, phrase))]
    plan(repo, body, tasks=[{"id": "t", "title": "Báo cáo", "owner": "van-phong", "deadline": phrase}])
    assert found(repo, dt.date(2023, 3, 2), rel(path, repo)) == []


def test_the_date_field_against_the_dateline(repo):
    wrong = plan(repo, "*Hà Nội, ngày 28 tháng 02 năm 2023*\n\nKẾ HOẠCH\n", number="9", date="2023-02-20")
    right = plan(repo, "*Hà Nội, ngày 28 tháng 02 năm 2023*\n\nKẾ HOẠCH\n", number="10", date="2023-02-28")
    assert found(repo, path=rel(wrong, repo)) == [("D208", line_containing(wrong, "date:"))]
    assert found(repo, path=rel(right, repo)) == []


def test_citations_in_the_title_are_checked(repo):
    path = plan(
        repo,
        "Nội dung.\n",
        title="Kế hoạch thực hiện Nghị quyết số 21-NQ/TW, ngày 16/7/2022",
        relations=[{"type": "implements", "target": "21-NQ/TW"}],
    )
    assert found(repo, path=rel(path, repo)) == [("R103", line_containing(path, "title:"))]


def test_done_tasks_say_when_on_a_day_that_can_be_true(repo):
    tasks = [
        {"id": "a", "title": "A", "owner": "van-phong", "status": "done"},
        {"id": "b", "title": "B", "owner": "van-phong", "status": "done", "done_on": "2023-02-01"},
        {"id": "c", "title": "C", "owner": "van-phong", "status": "done", "done_on": "2023-07-01"},
    ]
    path = plan(repo, "Nội dung.\n", tasks=tasks)
    lines = [
        line
        for line, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if "status: done" in text or "done_on" in text
    ]
    assert sorted(found(repo, path=rel(path, repo))) == [("D209", lines[0]), ("D209", lines[2]), ("D210", lines[4])]


@pytest.mark.parametrize(
    "body, title",
    [
        ("Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Trung ương, Đảng ủy Khối xây dựng kế hoạch.\n", None),
        ("Tiếp tục thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022, Đảng ủy Khối xây dựng kế hoạch.\n", None),
        ("- Căn cứ Điều lệ Đảng;\n- Căn cứ Nghị quyết số 21-NQ/TW, ngày 16/6/2022;\n", None),
        ("Nội dung.\n", "Kế hoạch về thực hiện Nghị quyết số 21-NQ/TW"),
    ],
)
def test_an_opening_that_implements_a_document_needs_the_relation(repo, body, title):
    extra = {"title": title} if title else {}
    path = plan(repo, body, **extra)
    where = line_containing(path, "title:") if title else line_containing(path, "21-NQ/TW")
    assert found(repo, path=rel(path, repo)) == [("R111", where)]
    plan(repo, body, relations=[{"type": "implements", "target": "21-NQ/TW"}], **extra)
    assert found(repo, path=rel(path, repo)) == []


def test_only_the_main_document_of_an_opening_must_be_implemented(repo):
    """«Thực hiện A …; B …»: A is implemented; B may be declared as cited, as the importer writes it."""
    body = (
        "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Trung ương; Kế hoạch số 05-KH/TU, ngày 01/12/2022 "
        "của Tỉnh ủy, Đảng ủy Khối xây dựng kế hoạch.\n"
    )
    implements = {"type": "implements", "target": "21-NQ/TW"}
    path = plan(repo, body, relations=[implements, {"type": "cites", "target": "05-KH/TU"}])
    assert found(repo, path=rel(path, repo)) == []
    plan(repo, body, relations=[implements])
    assert found(repo, path=rel(path, repo)) == [("R111", line_containing(path, "Thực hiện Nghị quyết"))]
    plan(repo, body, relations=[{"type": "cites", "target": "21-NQ/TW"}, {"type": "cites", "target": "05-KH/TU"}])
    assert found(repo, path=rel(path, repo)) == [("R111", line_containing(path, "Thực hiện Nghị quyết"))]


def test_a_title_about_reviewing_an_implementation_does_not_implement_it(repo):
    path = plan(repo, "Nội dung.\n", title="Kế hoạch sơ kết 3 năm thực hiện Nghị quyết số 21-NQ/TW")
    assert found(repo, path=rel(path, repo)) == []


@pytest.mark.parametrize(
    "placeholder",
    [
        "Dán toàn văn văn bản vào đây, đúng như bản đã ban hành.",
        "Kính gửi: [tên đơn vị]",
        "Hà Nội, ngày … tháng … năm 2023",
        "Số xx-KH/ĐUK",
    ],
)
def test_template_text_left_in_a_document(repo, placeholder):
    path = plan(repo, f"Mở đầu.\n\n{placeholder}\n")
    assert found(repo, path=rel(path, repo)) == [("S011", line_containing(path, placeholder))]


def test_an_empty_title_is_template_text(repo):
    path = plan(repo, "Nội dung.\n", title="")
    assert found(repo, path=rel(path, repo)) == [("S011", line_containing(path, "title:"))]


def test_a_key_written_twice_is_an_error_at_the_second(repo):
    path = plan(repo, "Nội dung.\n")
    text = path.read_text(encoding="utf-8").replace(
        "issuer: duk-a\n", "issuer: duk-a\nconfidentiality: MẬT\nconfidentiality:\n"
    )
    path.write_text(text, encoding="utf-8")
    second = line_containing(path, "confidentiality: MẬT") + 1
    assert found(repo, path=rel(path, repo)) == [("S009", second)]
    orgs = repo / "organizations.yml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace("  level: bloc\n", "  level: bloc\n  level: bloc\n", 1),
        encoding="utf-8",
    )
    assert ("S009", line_containing(orgs, "level: bloc") + 1) in [
        (f.code, f.line) for f in findings(repo, AS_OF) if f.path == "organizations.yml"
    ]


def test_files_the_checker_cannot_read_are_reported_and_the_rest_still_checked(repo):
    folder = repo / "plans" / "duk-a"
    plan(repo, "Theo Nghị quyết số 99-NQ/TW.\n")  # an ordinary mistake elsewhere, still reported
    (folder / "kh-10-2023.md.txt").write_text("---\ntype: KH\n---\n", encoding="utf-8")
    (folder / "Ke hoach 11.docx").write_bytes(b"PK\x03\x04")
    (folder / "kh-12-2023.md").mkdir()
    os.symlink("../../khong-co/kh-13-2023.md", folder / "kh-13-2023.md")
    (folder / "README.md").write_text("Ghi chú của Văn phòng.\n", encoding="utf-8")
    codes = {(f.code, f.path) for f in findings(repo, AS_OF)}
    assert {
        ("S010", f"plans/duk-a/{name}")
        for name in ("kh-10-2023.md.txt", "Ke hoach 11.docx", "kh-12-2023.md", "kh-13-2023.md")
    } <= codes
    assert ("R101", "plans/duk-a/kh-9-2023.md") in codes
    assert not any(path.endswith("README.md") for _, path in codes)


@pytest.mark.parametrize("mistake", [("  level: bloc\n", "\tlevel: bloc\n"), ("kind: subordinates", "kind: cap-duoi")])
def test_one_mistake_in_the_organisation_tree_gives_one_error_not_a_flood(repo, mistake):
    for n in range(12):
        plan(
            repo,
            "Thực hiện Nghị quyết số 21-NQ/TW.\n",
            number=str(20 + n),
            relations=[{"type": "implements", "target": "21-NQ/TW"}],
            tasks=[{"id": "t", "title": "T", "owner": "van-phong"}],
        )
    orgs = repo / "organizations.yml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace(*mistake, 1), encoding="utf-8")
    result = findings(repo, AS_OF, include_acknowledged=True)
    errors = [f for f in result if f.severity == "error"]
    assert [f.path for f in errors] == ["organizations.yml"] and errors[0].line
    assert result[0].path == "organizations.yml"  # the real error comes first
    assert any(f.code == "M303" for f in result)


def test_yaml_mistakes_are_explained_in_vietnamese_at_their_line(repo):
    path = plan(repo, "Nội dung.\n")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("issuer: duk-a\n", "issuer: duk-a\n\tplace: Hà Nội\n"), encoding="utf-8")
    (f,) = [f for f in findings(repo, AS_OF) if f.path == rel(path, repo)]
    assert (f.code, f.line) == ("S001", line_containing(path, "\tplace")) and "tab" in f.message + f.hint
    body_separator = text.replace("---\n\n", "\n*Hà Nội, ngày 01 tháng 3 năm 2023*\n\n---\n\nPhần tiếp.\n", 1)
    closing = body_separator.split("\n")
    path.write_text("\n".join(closing), encoding="utf-8")
    (f,) = [f for f in findings(repo, AS_OF) if f.path == rel(path, repo)]
    assert f.code == "S001" and "«---»" in f.message and f.line == 1
    assert f"trước dòng {line_containing(path, 'Hà Nội, ngày')}" in f.hint


def test_markup_spelled_with_yaml_escapes_in_the_front_matter_is_still_found(repo):
    """The front matter as written is scanned first to skip clean files: an escape must not hide a tag."""
    path = plan(repo, "Nội dung.\n")
    text = path.read_text(encoding="utf-8").replace("issuer: duk-a\n", 'issuer: duk-a\nnotes: "\\x3cb>đậm\\x3c/b>"\n')
    path.write_text(text, encoding="utf-8")
    reported = found(repo, path=rel(path, repo))
    assert reported and set(reported) == {("S008", line_containing(path, "notes:"))}, "both tags, at the field's line"
