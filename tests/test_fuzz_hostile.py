"""Property-based fuzzing of what a hostile or careless repository can do: Markdown injection in official text
and front matter, path-like keys, federated registries of any content.

Each property holds for every generated input: the rendered page runs nothing and loads nothing from
outside, nothing is written outside the folder being written, a registry never makes an unsafe link or
answers for a local organisation. `make fuzz` runs KEHOACH_FUZZ_EXAMPLES examples per property.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minirepo import ORGS, make_repo, write_doc
from rendering import dangers, to_html
from strategies import pieces

from kehoach.checks import run_checks
from kehoach.cli import main as kehoach_main
from kehoach.exports import export_folder, export_view, write_all
from kehoach.model.load import load_repository
from kehoach.model.references import RefStatus
from kehoach.model.schema import KEY_PATTERN
from kehoach.model.writing import FolderRefused
from kehoach.site import build_pages
from kehoach.site.document import document_page

EXAMPLES = int(os.environ.get("KEHOACH_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
AS_OF = dt.date(2023, 3, 1)


def scratch(prefix: str) -> Path:
    """A temporary folder for one property, removed when the run ends."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, True)
    return path


# --- Markdown injection ----------------------------------------------------------------------------------

# What Markdown, its extensions and browsers make something of, in pieces a generator can recombine.
MARKUP = [
    "<script>window.__ran=1</script>",
    "<img src=x onerror=window.__ran=1>",
    "<svg onload=window.__ran=1>",
    "<iframe src=javascript:window.__ran=1>",
    "<a href='javascript:x'>",
    "<!--",
    "-->",
    "<",
    ">",
    "&",
    "&#106;",
    "&#x3C;",
    "&amp;",
    "&colon;",
    "{",
    "}",
    "{:",
    "{#",
    "{.",
    "{onerror=window.__ran=1}",
    ' onfocus="window.__ran=1" autofocus=""',
    "=",
    '"',
    "'",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "]:",
    "]: ",
    "[r]",
    "[r]: javascript:window.__ran=1",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "java\\script:",
    "vbscript:",
    "data:",
    "data:text/html,<script>",
    "http://ngoai.example/a.png",
    "//ngoai.example/a",
    "\\\\ngoai.example\\a",
    "mailto:a@b.vn",
    "~~~",
    "~~~mermaid\n",
    "```",
    "```mermaid\n",
    "!!! danger",
    "[TOC]",
    "<div markdown>",
    "\\",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "# ",
    "*",
    "_",
    "`",
    "|",
    ":",
    " ",
    "%",
    "\x00",
]
MARKDOWN_TEXT = st.lists(st.one_of(st.sampled_from(MARKUP), pieces(markup=True, controls=False)), max_size=40).map(
    "".join
)

INJECTION = scratch("kehoach-fuzz-injection-")
make_repo(INJECTION)


def rendered_page(front: dict, body: str) -> str:
    """The HTML of the one document's page, rendered with the site's Markdown settings."""
    write_doc(INJECTION, "plans", "duk-a/kh-7-2023", front, body)
    view = run_checks(load_repository(INJECTION, jobs=1), AS_OF).view
    return "".join(to_html(document_page(e, view)) for e in view.repo.entries)


def inert(html: str) -> list[str]:
    """What in the page could run, load from outside or be a link anywhere but the web, mail and the site."""
    problems = dangers(html)
    for href in re.findall(r'href="([^"]*)"', html):
        scheme = urlsplit(href).scheme if not href.startswith("//") else "//"
        if scheme not in ("", "http", "https", "mailto"):
            problems.append(f"href={href[:40]}")
    return problems


@FUZZ
@given(MARKDOWN_TEXT, MARKDOWN_TEXT, MARKDOWN_TEXT, MARKDOWN_TEXT, MARKDOWN_TEXT)
def test_markdown_injection_in_official_text_and_front_matter_renders_inert(body, title, notes, task, recipient):
    front = {
        "type": "KH",
        "number": "7",
        "issuer": "duk-a",
        "date": "2023-03-01",
        "title": title,
        "notes": notes,
        "recipients": [{"name": recipient}],
        "tasks": [{"id": "t1", "title": task, "owner": "van-phong", "deliverable": task}],
        "targets": [{"id": "c1", "text": notes, "value": title}],
    }
    assert inert(rendered_page(front, body)) == []


# --- path-like keys ------------------------------------------------------------------------------------

PATHS = ["..", "../", "../..", "/", "\\", "..\\", "C:", "/etc", "~", ".", "a", "b", "-", "x", "đ", "\x00", " ", "%2e"]
KEYS = st.one_of(
    st.sampled_from(["duk-a", "van-phong", "../ra-ngoai", "../../ra-ngoai", "/tmp/ra-ngoai", "a/../../b", ".."]),
    st.lists(st.sampled_from(PATHS), min_size=1, max_size=8).map("".join),
)
SANDBOX = scratch("kehoach-fuzz-keys-")


def everything_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@FUZZ
@given(KEYS, KEYS, KEYS)
def test_path_like_keys_are_findings_and_nothing_is_written_outside(org_key, unit_key, issuer):
    shutil.rmtree(SANDBOX)
    deep = SANDBOX / "a" / "b" / "c"  # room for «../» to land inside the sandbox, where it can be seen
    orgs = yaml.safe_load(yaml.safe_dump(ORGS))
    duk = next(o for o in orgs["organizations"] if o["key"] == "duk-a")
    duk["key"], duk["units"][0]["key"] = org_key, unit_key
    root = make_repo(deep / "repo", orgs)
    task = {"id": "t1", "title": "Báo cáo", "owner": unit_key, "deadline": "trước ngày 20/3/2023"}
    write_doc(root, "plans", "duk-a/kh-1-2023", {"type": "KH", "number": "1", "issuer": issuer, "tasks": [task]}, "")
    before = everything_under(SANDBOX)
    result = run_checks(load_repository(root, jobs=1), AS_OF)
    out = deep / "xuat"
    with contextlib.suppress(FolderRefused):
        export_folder(export_view(root, AS_OF), out)
    pages = build_pages(result.view)
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        try:
            status = kehoach_main(["new", "plan", f"--org={org_key}", f"--root={root}", "--date=2023-03-02"])
        except SystemExit as e:  # the argument parser refused the value, in Vietnamese
            status = e.code
    assert status in (0, 2), said.getvalue()
    assert "Traceback" not in said.getvalue()
    written = everything_under(SANDBOX) - before
    outside = {w for w in written if not w.startswith(("a/b/c/xuat", "a/b/c/repo"))}
    assert outside == set(), outside
    assert all(".." not in Path(p).parts and not Path(p).is_absolute() for p in pages)
    for key, where in ((org_key, "organizations.yml"), (unit_key, "organizations.yml"), (issuer, "plans/")):
        if not re.fullmatch(KEY_PATTERN, key.strip()):
            assert any(f.code == "S002" and f.path.startswith(where) for f in result.findings), (key, where)


# --- federated registries --------------------------------------------------------------------------------

UPPER = scratch("kehoach-fuzz-upper-")
write_all(export_view(ROOT, AS_OF), UPPER, "https://kho.example.invalid/", formats=("registry",))
REGISTRY = json.loads((UPPER / "registry.json").read_text(encoding="utf-8"))
URLISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "https://",
                "http://",
                "//",
                "javascript:",
                "JAVASCRIPT:",
                "data:",
                "file:///",
                "/etc/passwd",
                "C:\\x",
                "kho.example",
                "/",
                ")",
                "(",
                " ",
                '"',
                "'",
                "<",
                ">",
                "[",
                "]",
                "\n",
                "%0a",
                "&#106;",
                "&",
                "#",
                "?",
                "window.__ran=1",
                "van-ban/tw/kl-21-2021/",
                "\x00",
            ]
        ),
        st.text(max_size=5),
    ),
    max_size=10,
).map("".join)
LOWER = scratch("kehoach-fuzz-lower-") / "kho"
LOWER.mkdir()
make_repo(LOWER)
write_doc(
    LOWER,
    "plans",
    "duk-a/kh-5-2022",
    {"type": "KH", "number": "5", "issuer": "duk-a", "date": "2022-01-10"},
    "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 và Kế hoạch số 9-KH/ĐUK ngày 25/10/2021.",
)


@FUZZ
@given(
    st.one_of(st.none(), URLISH),
    URLISH,
    MARKDOWN_TEXT,
    st.sampled_from(["tw", "duk-a", "tu-a", "../x", "TW"]),
    st.booleans(),
)
def test_a_federated_registry_of_any_content_makes_no_unsafe_link(site_url, page, title, issuer, as_file):
    data = json.loads(json.dumps(REGISTRY))
    data["site_url"] = site_url
    target = next(d for d in data["documents"] if d["symbol"] == "21-KL/TW")
    claim = json.loads(json.dumps(target)) | {"issuer": "duk-a", "issuer_code": "ĐUK", "number": "9", "type": "KH"}
    target.update(page=page, title=title, issuer=issuer)
    data["documents"].append(claim | {"key": "duk-a/kh-9-2021", "page": page, "title": title})
    registry = LOWER.parent / "registry.json"  # beside the repository, as a downloaded copy would be
    registry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    source = str(registry) if as_file else "khong-co-may-chu.invalid/registry.json"
    (LOWER / "kehoach.yml").write_text(yaml.safe_dump({"federation": [{"name": "tren", "registry": source}]}))
    result = run_checks(load_repository(LOWER, jobs=1), AS_OF)
    for ref in result.view.refs:  # a registry never answers for an organisation the repository holds
        assert not (ref.status == RefStatus.FEDERATED and ref.target is not None and ref.target.doc.issuer == "duk-a")
    html = to_html(build_pages(result.view)["van-ban/duk-a/kh-5-2022.md"])
    assert inert(html) == []
    assert LOWER.parent.name not in html  # no path of the machine the registry was read on
    for href in re.findall(r'href="([^"]*)"', html):
        assert urlsplit(href).scheme in ("", "http", "https") and not href.startswith(("/", "//")), href
        assert urlsplit(href).scheme == "" or urlsplit(href).hostname, href  # a web address names a host
