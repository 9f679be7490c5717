"""`kehoach new` writes what the plan implements and warns when its date is in no term of the committee."""

from __future__ import annotations

from helpers import cli

from kehoach.model.load import load_repository

NEW = ("new", "plan", "--org", "duk-hanoi-dh")


def created(out) -> str:
    assert out.returncode == 0, out.stderr
    path = out.stdout.split("Đã tạo ", 1)[1].split(":", 1)[0]
    return path


def test_the_implemented_document_becomes_a_relation_with_its_registered_date(repo_copy):
    out = cli(*NEW, "--root", str(repo_copy), "--date", "2023-04-01", "--implements", "Kết luận số 21-KL/TW")
    path = created(out)
    entry = next(e for e in load_repository(repo_copy).entries if e.path == path)
    assert [(r.type, r.target, r.date.isoformat()) for r in entry.doc.relations] == [
        ("implements", "21-KL/TW", "2021-10-25")
    ]
    assert "Lưu ý" not in out.stdout


def test_a_document_the_repository_lacks_is_written_and_explained(repo_copy):
    out = cli(*NEW, "--root", str(repo_copy), "--date", "2023-04-01", "--implements", "99-NQ/TW")
    path = created(out)
    assert "Kho chưa có văn bản 99-NQ/TW" in out.stdout and "R101" in out.stdout
    check = cli("check", "--root", str(repo_copy), "--as-of", "2023-04-01", "--files", str(repo_copy / path))
    assert "R101" in check.stdout


def test_words_that_are_no_symbol_are_refused_in_vietnamese(repo_copy):
    before = sorted(repo_copy.rglob("*.md"))
    out = cli(*NEW, "--root", str(repo_copy), "--date", "2023-04-01", "--implements", "nghị quyết mới")
    assert out.returncode == 2 and "Không đọc được số hiệu" in out.stderr and "Traceback" not in out.stderr
    assert sorted(repo_copy.rglob("*.md")) == before, "nothing is written"


def test_a_date_after_the_last_term_is_warned_about(repo_copy):
    out = cli(*NEW, "--root", str(repo_copy), "--date", "2026-03-02")
    created(out)
    assert "không thuộc nhiệm kỳ nào" in out.stdout and "khóa III" in out.stdout
    inside = cli(*NEW, "--root", str(repo_copy), "--date", "2024-03-02")
    created(inside)
    assert "nhiệm kỳ" not in inside.stdout


def test_no_question_is_asked_when_nobody_is_at_the_terminal(repo_copy):
    """CI and scripts run `kehoach new` with no terminal: it must not wait for an answer."""
    out = cli(*NEW, "--root", str(repo_copy), "--date", "2024-03-02")
    created(out)
    assert "thực hiện văn bản nào" not in out.stdout


def test_the_front_matter_examples_of_contributing_are_valid(repo_copy):
    """Each YAML example a clerk copies from CONTRIBUTING.md, put into a real plan, passes the schema."""
    import re

    import yaml
    from helpers import ROOT

    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)
    examples = [yaml.safe_load(b) for b in blocks]
    whole = [e for e in examples if isinstance(e, dict) and set(e) & {"tasks", "recipients", "relations"}]
    assert len(whole) >= 2, "the task example and the recipients/relations example"
    path = repo_copy / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"
    text = path.read_text(encoding="utf-8")
    for example in whole:
        front = text.split("\n---\n", 1)[0]
        for key in example:
            front = re.sub(rf"^{key}:.*?(?=^\S)", "", front + "\n", flags=re.S | re.M).rstrip("\n")
        addition = yaml.safe_dump(example, allow_unicode=True, sort_keys=False)
        path.write_text(front + "\n" + addition + "---\n" + text.split("\n---\n", 1)[1], encoding="utf-8")
        out = cli("check", "--root", str(repo_copy), "--as-of", "2023-03-01", "--files", str(path))
        assert not re.search(r": lỗi S00[129]", out.stdout), out.stdout
    path.write_text(text, encoding="utf-8")
