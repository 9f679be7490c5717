"""The life of guidance on a small repository with git history: a document page's «Lịch sử», the Atom
feeds, the «Văn bản còn hiệu lực» view, and nothing of a confidential document in any of them."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from minirepo import commit, make_repo, stub, write_doc
from test_confidential import output_texts

from kehoach.exports import FEED_ALL, write_all
from kehoach.exports.feeds import LIMIT
from kehoach.site import SiteBuild

AS_OF = dt.date(2023, 4, 1)
ATOM = "{http://www.w3.org/2005/Atom}"
PLAN = "plans/duk-a/kh-9-2023.md"
PAGE = "van-ban/duk-a/kh-9-2023.md"
WORD = "Ômêga"
SECRET = f"Phương án canh gác kho {WORD}"  # only in the confidential document and its commit's message

BODY = (
    "1. Văn phòng chủ trì xây dựng báo cáo sơ kết, hoàn thành **trước ngày 15/3/2023**.\n\n"
    "2. Các cơ sở gửi báo cáo **trước ngày 10/3/2023**.\n"
)
TASKS = [
    {"id": "bao-cao", "title": "Báo cáo sơ kết", "owner": "van-phong", "deadline": "trước ngày 15/3/2023"},
    {"id": "co-so", "title": "Cơ sở gửi báo cáo", "owner": "tccs", "deadline": "trước ngày 10/3/2023"},
]


def plan(root: Path, tasks: list[dict], body: str) -> None:
    front = {"type": "KH", "number": "9", "issuer": "duk-a", "date": "2023-02-28", "title": "Sơ kết năm 2023"}
    write_doc(root, "plans", "duk-a/kh-9-2023", front | {"signer": {"name": "A"}, "tasks": tasks}, body)


def confidential(root: Path) -> None:
    front = {"type": "KH", "number": "11", "issuer": "duk-a", "date": "2023-03-04", "confidentiality": "MẬT"}
    write_doc(root, "plans", "duk-a/kh-11-2023", front | {"title": SECRET}, f"{SECRET}.\n")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Three commits of one plan (added; a deadline moved and a task done; a word corrected), a resolution
    replaced by a later one, another replaced by a confidential one, and a confidential plan."""
    root = make_repo(tmp_path_factory.mktemp("history") / "kho")
    stub(root, "tw", "NQ", "1", "2022-01-10", title="về công tác cơ sở")
    stub(root, "tw", "NQ", "3", "2022-02-10", title="về công tác văn phòng")
    plan(root, TASKS, BODY)
    commit(root, "Thêm Kế hoạch 9-KH/ĐUK", "2023-03-01")
    moved = [TASKS[0] | {"deadline": "trước ngày 25/3/2023"}, TASKS[1] | {"status": "done", "done_on": "2023-03-08"}]
    plan(root, moved, BODY.replace("15/3/2023", "25/3/2023"))
    confidential(root)
    secret_relation = {"relations": [{"type": "replaces", "target": "3-NQ/TW", "date": "2022-02-10"}]}
    stub(root, "tw", "NQ", "4", "2023-03-04", title=SECRET, confidentiality="MẬT", **secret_relation)
    commit(root, f"Lùi thời hạn sơ kết; thêm {SECRET}", "2023-03-05")
    plan(root, moved, BODY.replace("15/3/2023", "25/3/2023").replace("xây dựng báo cáo", "soạn thảo báo cáo"))
    relation = {"relations": [{"type": "replaces", "target": "1-NQ/TW", "date": "2022-01-10"}]}
    stub(root, "tw", "NQ", "2", "2023-03-09", title="về công tác cơ sở (thay thế)", **relation)
    commit(root, "Sửa lỗi chính tả <b>&amp; «soạn thảo»", "2023-03-10")
    return root


@pytest.fixture(scope="module")
def built(repo):
    build = SiteBuild(repo, AS_OF, internal=False, site_url=None)
    return build, build.pages()


def history_of(page: str) -> str:
    return page[page.index('id="lich-su"') :]


def test_three_commits_give_three_entries_newest_first_with_their_differences(built):
    _, pages = built
    history = history_of(pages[PAGE])
    entries = re.findall(r"<details class=\"kh-change\">.*?</details>", history, re.S)
    assert len(entries) == 3
    assert [re.search(r'datetime="([^"]+)"', e).group(1) for e in entries] == ["2023-03-10", "2023-03-05", "2023-03-01"]
    newest, middle, oldest = entries
    # the word correction, word by word, the message escaped
    assert "<del>xây dựng</del> <ins>soạn thảo</ins> báo cáo sơ kết" in newest
    assert "Sửa lỗi chính tả &lt;b&gt;&amp;amp; «soạn thảo»" in newest and "<b>" not in newest
    assert "<table>" not in newest  # no task changed
    # the deadline moved and the task done: the task table, before → after
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", middle)
    assert ("Báo cáo sơ kết", "thời hạn", "trước ngày 15/3/2023", "trước ngày 25/3/2023") in rows
    assert ("Cơ sở gửi báo cáo", "tình trạng", "đang thực hiện", "đã hoàn thành") in rows
    assert ("Cơ sở gửi báo cáo", "ngày hoàn thành", "—", "08/03/2023") in rows
    assert "trước ngày <del>15/3/2023.</del> <ins>25/3/2023.</ins>" in middle
    assert "Văn bản được đưa vào kho." in oldest and "Thêm Kế hoạch 9-KH/ĐUK" in oldest


def test_a_commit_that_touched_a_confidential_document_is_shown_without_its_message(built):
    build, pages = built
    middle = re.findall(r"<details class=\"kh-change\">.*?</details>", history_of(pages[PAGE]), re.S)[1]
    assert "Lùi thời hạn" not in middle and WORD not in middle
    assert "van-ban/duk-a/kh-11-2023.md" not in pages
    assert not any(WORD in text for text in pages.values())
    assert "Lịch sử" in pages[PAGE] and "duk-a/kh-11-2023" not in build.view.by_key


def test_only_what_is_shown_is_read_from_git(repo):
    """Pages are made with one `git cat-file` per batch of documents, whatever their number."""
    build = SiteBuild(repo, AS_OF, internal=False)
    calls: list[int] = []
    history = build.view.history
    original = history.read_many

    def counted(wanted):
        calls.append(len(wanted))
        original(wanted)

    history.read_many = counted  # type: ignore[method-assign]
    build.pages()
    assert calls == [3]  # the plan's three versions; documents with one commit need none


def test_the_feeds_are_atom_and_hold_the_right_entries(repo, tmp_path):
    build = SiteBuild(repo, AS_OF, internal=False)
    written = write_all(build.view, tmp_path, "https://kho.example.invalid/", formats=("atom",))
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert FEED_ALL in names and "to-chuc/duk-a.atom" in names and "to-chuc/tw.atom" in names
    for path in written:
        assert_atom(path.read_bytes())
    feed = ET.fromstring((tmp_path / FEED_ALL).read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    titles = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")) for e in entries]
    assert titles == [
        ("Kế hoạch 9-KH/ĐUK", "2023-03-10T00:00:00Z"),
        ("Nghị quyết 2-NQ/TW", "2023-03-10T00:00:00Z"),
        ("Kế hoạch 9-KH/ĐUK", "2023-03-05T00:00:00Z"),
        ("Kế hoạch 9-KH/ĐUK", "2023-03-01T00:00:00Z"),
        ("Nghị quyết 1-NQ/TW", "2023-03-01T00:00:00Z"),
        ("Nghị quyết 3-NQ/TW", "2023-03-01T00:00:00Z"),
    ]
    assert feed.findtext(f"{ATOM}updated") == "2023-03-10T00:00:00Z"
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[0] == "https://kho.example.invalid/van-ban/duk-a/kh-9-2023/"
    summaries = [e.findtext(f"{ATOM}summary") for e in entries]
    assert "lời văn (1 chỗ)" in summaries[0] and "Sửa lỗi chính tả <b>&amp; «soạn thảo»" in summaries[0]
    assert "thời hạn của 1 nhiệm vụ" in summaries[2] and "Lùi thời hạn" not in summaries[2]
    assert summaries[3] == "Thêm Kế hoạch 9-KH/ĐUK — Văn bản mới đưa vào kho."
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)  # every id its own
    org = ET.fromstring((tmp_path / "to-chuc" / "duk-a.atom").read_bytes())
    assert [e.findtext(f"{ATOM}title") for e in org.findall(f"{ATOM}entry")] == ["Kế hoạch 9-KH/ĐUK"] * 3
    everything = b"".join(p.read_bytes() for p in written).decode("utf-8")
    assert WORD not in everything and "kh-11-2023" not in everything and "4-NQ" not in everything


def test_without_a_site_address_feed_links_are_relative_to_the_feed(repo, tmp_path):
    build = SiteBuild(repo, AS_OF, internal=False)
    write_all(build.view, tmp_path, None, formats=("atom",))
    top = ET.fromstring((tmp_path / FEED_ALL).read_bytes()).find(f"{ATOM}entry/{ATOM}link").get("href")
    org = ET.fromstring((tmp_path / "to-chuc" / "duk-a.atom").read_bytes()).find(f"{ATOM}entry/{ATOM}link").get("href")
    assert top == "../van-ban/duk-a/kh-9-2023/" and org == "../../van-ban/duk-a/kh-9-2023/"
    assert (tmp_path / "to-chuc" / "tu-b.atom").exists()  # an organisation without documents: an empty feed
    assert_atom((tmp_path / "to-chuc" / "tu-b.atom").read_bytes())


def assert_atom(data: bytes) -> None:
    """RFC 4287's required elements: feed id, title, updated (and an author for entries without one);
    each entry id, title, updated and a link (it has no content); dates as RFC 3339."""
    feed = ET.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    stamp = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1 and feed.findtext(f"{ATOM}{name}")
    assert stamp.match(feed.findtext(f"{ATOM}updated"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) <= LIMIT
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None or all(e.find(f"{ATOM}author") for e in entries)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1 and entry.findtext(f"{ATOM}{name}")
        assert stamp.match(entry.findtext(f"{ATOM}updated"))
        assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link"))
        assert entry.find(f"{ATOM}content") is not None or entry.findtext(f"{ATOM}summary")
        assert re.match(r"^[a-z][a-z0-9+.-]*:", entry.findtext(f"{ATOM}id"))  # an absolute IRI


def test_the_in_force_view_lists_a_replaced_document_with_what_replaced_it(built):
    _, pages = built
    page = pages["van-ban/hieu-luc.md"]
    current, ended = page.split("## Không còn hiệu lực", 1)
    assert "[Nghị quyết 2-NQ/TW](tw/nq-2-2023.md)" in current and "[Kế hoạch 9-KH/ĐUK]" in current
    line = next(x for x in ended.splitlines() if "[Nghị quyết 1-NQ/TW]" in x)
    assert "bị thay thế bởi [Nghị quyết 2-NQ/TW](tw/nq-2-2023.md) ngày 09/03/2023" in line
    assert "1-NQ/TW" not in current
    # replaced by a confidential resolution: said, without naming, linking or dating what replaced it
    withheld = next(x for x in ended.splitlines() if "[Nghị quyết 3-NQ/TW]" in x)
    assert withheld.endswith('data-effect="replaced">bị thay thế</span>')
    assert WORD not in page and "4-NQ" not in page


def test_a_site_built_with_history_renders_it_escaped_and_announces_its_feeds(repo, tmp_path):
    for name in ("mkdocs.yml", "docs", "macros"):
        src, dst = ROOT / name, repo / name
        if not dst.exists():
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, dst)
    (repo / "docs" / "huong-dan-macro.md").write_text("# Hướng dẫn macro\n", encoding="utf-8")
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", KEHOACH_AS_OF=AS_OF.isoformat()),
    )
    assert run.returncode == 0, run.stderr[-3000:]
    page = (site / "van-ban" / "duk-a" / "kh-9-2023" / "index.html").read_text(encoding="utf-8")
    assert "<del>xây dựng</del> <ins>soạn thảo</ins>" in page
    assert "Sửa lỗi chính tả &lt;b&gt;&amp;amp;" in page
    head = page[: page.index("</head>")]
    assert 'type="application/atom+xml"' in head
    assert 'href="../../../du-lieu/thay-doi.atom"' in head and 'href="../../../du-lieu/to-chuc/duk-a.atom"' in head
    assert_atom((site / "du-lieu" / "thay-doi.atom").read_bytes())
    listing = (site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    assert "thay-doi.atom" in listing and "to-chuc/duk-a.atom" in listing
    in_force = (site / "van-ban" / "hieu-luc" / "index.html").read_text(encoding="utf-8")
    assert "Văn bản còn hiệu lực" in in_force and "bị thay thế bởi" in in_force
    assert [path for path, text in output_texts(site) if WORD in text] == []


def test_every_workflow_that_builds_or_checks_fetches_full_history():
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in data["jobs"].items():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout") and "sparse-checkout" not in step.get(
                    "with", {}
                ):
                    assert step.get("with", {}).get("fetch-depth") == 0, (path.name, name)
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
