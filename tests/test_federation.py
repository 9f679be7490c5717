"""A second committee's repository resolves "21-KL/TW" through this repository's registry.json."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import shutil
import threading
import time

import pytest
import yaml
from helpers import ROOT, cli, findings
from minirepo import make_repo, write_doc
from rendering import dangers, to_html

from kehoach.checks import run_checks
from kehoach.exports import export_view, write_all
from kehoach.model.load import load_repository
from kehoach.site import build_pages

AS_OF = dt.date(2023, 3, 1)
SITE = "https://kho.example.invalid/"
CITING = "Thực hiện Kết luận số 21-KL/TW, ngày {date}, Đảng ủy Khối ban hành kế hoạch này."


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    out = tmp_path_factory.mktemp("upper")
    write_all(export_view(ROOT, AS_OF), out, SITE, formats=("registry",))
    return out / "registry.json"


def lower_repo(root, source: str | None, date: str = "25/10/2021"):
    make_repo(root)
    write_doc(
        root,
        "plans",
        "duk-a/kh-5-2022",
        {
            "type": "KH",
            "number": "5",
            "issuer": "duk-a",
            "date": "2022-01-10",
            "signer": {"name": "Nguyễn Văn A"},
            "relations": [{"type": "implements", "target": "21-KL/TW"}],
        },
        CITING.format(date=date),
    )
    if source is not None:
        (root / "kehoach.yml").write_text(
            yaml.safe_dump({"federation": [{"name": "trung-uong", "registry": source}]}), encoding="utf-8"
        )
    return root


def reference(root):
    result = run_checks(load_repository(root), AS_OF)
    return result, next(r for r in result.view.refs if r.symbol.startswith("21-KL"))


def test_without_federation_the_citation_is_unresolved(tmp_path):
    root = lower_repo(tmp_path / "lower", None)
    assert [f.code for f in findings(root, AS_OF) if f.severity == "error"] == ["R101"]


def test_a_registry_file_resolves_the_citation_and_the_page_links_to_the_upper_site(tmp_path, registry):
    root = lower_repo(tmp_path / "lower", str(registry))
    result, ref = reference(root)
    assert ref.status == "federated" and ref.target.url == SITE + "van-ban/tw/kl-21-2021/"
    assert [f for f in result.active if f.severity == "error"] == []
    page = build_pages(result.view)["van-ban/duk-a/kh-5-2022.md"]
    assert f"[21-KL/TW]({SITE}van-ban/tw/kl-21-2021/" in page


def test_a_wrong_date_is_still_caught_through_the_federated_registry(tmp_path, registry):
    root = lower_repo(tmp_path / "lower", str(registry), date="15/10/2021")
    found = [f for f in findings(root, AS_OF) if f.code == "R103"]
    assert len(found) == 1 and "25/10/2021" in found[0].message and SITE in found[0].message


@pytest.fixture()
def served(registry):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(registry.parent))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}/registry.json"
    server.shutdown()
    server.server_close()


def test_a_url_is_fetched_cached_and_used_when_the_site_is_unreachable(tmp_path, served):
    server, url = served
    root = lower_repo(tmp_path / "lower", url)
    _, ref = reference(root)
    assert ref.status == "federated"
    assert list((root / ".cache" / "kehoach" / "federation").glob("*.json"))
    server.shutdown()
    server.server_close()
    result, ref = reference(root)
    assert ref.status == "federated"
    assert [f.code for f in result.active if f.code.startswith("R1")] == ["R110"]
    shutil.rmtree(root / ".cache")
    run = cli("check", "--root", str(root), "--as-of", "2023-03-01")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "kehoach.yml" in run.stdout and "Không tải được sổ đăng ký liên kết «trung-uong»" in run.stdout


def test_a_site_build_stops_with_a_clear_message_when_a_registry_is_missing(tmp_path):
    from helpers import build_copy

    def point_nowhere(root):
        (root / "kehoach.yml").write_text(
            "federation:\n  - {name: thanh-uy, registry: khong-co/registry.json}\n", encoding="utf-8"
        )

    code, err, _ = build_copy(tmp_path, point_nowhere)
    assert code != 0 and "Traceback" not in err
    assert "Không thấy sổ đăng ký liên kết «thanh-uy»" in err


def hostile_registry(tmp_path, registry, change) -> str:
    """A copy of the upper registry after `change(data)`, as a file the lower repository points to."""
    data = json.loads(registry.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "hostile" / "registry.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def kl21(data) -> dict:
    return next(d for d in data["documents"] if d["symbol"] == "21-KL/TW")


def relative(data, site_url: str) -> None:
    """The registry gives its address once (site_url) and each page relative to it."""
    data["site_url"] = site_url
    kl21(data)["page"] = "van-ban/tw/kl-21-2021/"


def page_html(root) -> str:
    result = run_checks(load_repository(root), AS_OF)
    return to_html(build_pages(result.view)["van-ban/duk-a/kh-5-2022.md"])


@pytest.mark.parametrize(
    "change",
    [
        lambda d: relative(d, site_url="javascript:window.__ran=1//"),
        lambda d: relative(d, site_url=" JavaScript:window.__ran=1//"),
        lambda d: kl21(d).update(page="javascript:window.__ran=1"),
        lambda d: kl21(d).update(page="data:text/html,<script>window.__ran=1</script>"),
        lambda d: kl21(d).update(page='https://x.example/a) [b](javascript:window.__ran=1) "'),
        lambda d: kl21(d).update(page="https://x.example/<img src=x onerror=window.__ran=1>"),
        lambda d: kl21(d).update(title='"><img src=x onerror=window.__ran=1> [x](javascript:y)'),
    ],
    ids=["site_url", "site_url-case", "page", "page-data", "page-paren", "page-tag", "title"],
)
def test_a_hostile_registry_never_makes_a_script_link(tmp_path, registry, change):
    root = lower_repo(tmp_path / "lower", hostile_registry(tmp_path, registry, change))
    html = page_html(root)
    assert dangers(html) == [], html
    assert "window.__ran" not in "".join(re.findall(r'(?:href|src)="([^"]*)"', html))  # a tooltip may quote it
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("https://", "http://", "../", "#")) or "/" not in href.split("#")[0][:1], href


def test_only_http_addresses_become_links(tmp_path, registry):
    root = lower_repo(
        tmp_path / "lower", hostile_registry(tmp_path, registry, lambda d: kl21(d).update(page="ftp://x/y"))
    )
    _, ref = reference(root)
    assert ref.status == "federated"  # the citation is still found, and its date checked
    assert "ftp://" not in page_html(root)


def claim_local_document(data) -> None:
    fake = json.loads(json.dumps(kl21(data)))
    fake.update(
        key="duk-a/kh-9-2022",
        type="KH",
        number="9",
        symbol="9-KH/ĐUK",
        issuer="duk-a",
        issuer_code="ĐUK",
        title="Kế hoạch giả mạo",
        page="https://gia-mao.example/kh-9/",
        tasks=[],
    )
    data["documents"].append(fake)


def test_a_registry_never_answers_for_an_organisation_the_repository_holds(tmp_path, registry):
    root = lower_repo(tmp_path / "lower", hostile_registry(tmp_path, registry, claim_local_document))
    plan = root / "plans" / "duk-a" / "kh-5-2022.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nThực hiện Kế hoạch số 9-KH/ĐUK ngày 25/10/2021.\n")
    result = run_checks(load_repository(root), AS_OF)
    ref = next(r for r in result.view.refs if r.symbol.startswith("9-KH"))
    assert ref.status != "federated" and ref.target is None
    assert any(f.code == "R101" and "9-KH/ĐUK" in f.message for f in result.active)
    assert "gia-mao.example" not in page_html(root) and "giả mạo" not in page_html(root)


def test_an_organisation_declared_local_is_never_answered_by_a_registry(tmp_path, registry):
    def claim_province(data):
        claim_local_document(data)
        fake = data["documents"][-1]
        fake.update(key="tu-a/kh-9-2022", issuer="tu-a", issuer_code="TU", symbol="9-KH/TU")

    root = lower_repo(tmp_path / "lower", hostile_registry(tmp_path, registry, claim_province))
    config = yaml.safe_load((root / "kehoach.yml").read_text(encoding="utf-8"))
    plan = root / "plans" / "duk-a" / "kh-5-2022.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nThực hiện Kế hoạch số 9-KH/TU ngày 25/10/2021.\n")
    assert reference_to(root, "9-KH/TU").status == "federated"  # the province is not local yet
    (root / "kehoach.yml").write_text(yaml.safe_dump(config | {"local": ["tu-a"]}), encoding="utf-8")
    assert reference_to(root, "9-KH/TU").status != "federated"


def reference_to(root, symbol):
    result = run_checks(load_repository(root), AS_OF)
    assert not [f for f in result.active if f.path == "kehoach.yml"], result.active
    return next(r for r in result.view.refs if r.symbol == symbol)


class Switchable(http.server.BaseHTTPRequestHandler):
    """Serves whatever `body` holds at every address, with status 200: a proxy's login page, say."""

    body = b""
    delay = 0.0  # seconds between bytes, for a server that drips

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        if not self.delay:
            self.wfile.write(self.body)
            return
        for i in range(len(self.body)):
            self.wfile.write(self.body[i : i + 1])
            self.wfile.flush()
            time.sleep(self.delay)

    def log_message(self, *args):
        pass


@pytest.fixture()
def switchable(registry):
    handler = type("Handler", (Switchable,), {"body": registry.read_bytes()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/du-lieu/registry.json"
    server.shutdown()
    server.server_close()


def cached_copies(root):
    return {p.name: p.read_bytes() for p in (root / ".cache" / "kehoach" / "federation").glob("*.json")}


@pytest.mark.parametrize(
    "answer",
    [b"<!DOCTYPE html><html><body>Dang nhap proxy</body></html>", b'{"format": "khac"}', b"", b"\xff\xfe{"],
    ids=["html", "wrong-shape", "empty", "binary"],
)
def test_a_bad_download_never_replaces_the_last_good_copy(tmp_path, switchable, answer):
    handler, url = switchable
    root = lower_repo(tmp_path / "lower", url)
    assert reference(root)[1].status == "federated"
    good = cached_copies(root)
    assert good
    handler.body = answer
    result, ref = reference(root)
    assert cached_copies(root) == good
    assert ref.status == "federated"  # still resolved, from the last good copy
    (stale,) = [f for f in result.active if f.code.startswith("R1") and f.path == "kehoach.yml"]
    assert stale.code == "R110" and "trung-uong" in stale.message


class Dripping(http.server.BaseHTTPRequestHandler):
    """Sends its whole answer, status line and headers included, one byte at a time: never idle long enough
    for a per-read timeout, never finished."""

    registry = b""

    def do_GET(self):
        answer = b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + self.registry
        try:
            for i in range(len(answer)):
                self.wfile.write(answer[i : i + 1])
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up: what it should do

    def log_message(self, *args):
        pass


def test_a_dripping_server_cannot_hold_a_check_past_its_deadline(tmp_path, registry, monkeypatch):
    from kehoach.model import federation

    monkeypatch.setattr(federation, "DEADLINE_SECONDS", 2, raising=False)
    handler = type("Handler", (Dripping,), {"registry": registry.read_bytes()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = lower_repo(tmp_path / "lower", f"http://127.0.0.1:{server.server_address[1]}/du-lieu/registry.json")
    done: dict = {}
    checker = threading.Thread(target=lambda: done.update(result=run_checks(load_repository(root), AS_OF)), daemon=True)
    started = time.monotonic()
    checker.start()
    checker.join(timeout=30)
    server.shutdown()
    server.server_close()
    assert "result" in done, "the check was still waiting for the server after 30 seconds"
    assert time.monotonic() - started < 15
    (failed,) = [f for f in done["result"].active if f.code == "R109"]
    assert "giây" in failed.message and "trung-uong" in failed.message


def test_a_registry_past_the_size_limit_is_refused_without_reading_it_all(tmp_path, switchable, monkeypatch):
    from kehoach.model import federation

    handler, url = switchable
    monkeypatch.setattr(federation, "MAX_REGISTRY_BYTES", 200_000, raising=False)
    handler.body = handler.body + b" " * 1_000_000  # still valid JSON, but 1 MB
    root = lower_repo(tmp_path / "lower", url)
    result, ref = reference(root)
    assert ref.status != "federated"
    (refused,) = [f for f in result.active if f.code == "R109"]
    assert "MB" in refused.message or "KB" in refused.message


def test_a_checkout_that_cannot_keep_a_copy_still_uses_the_download(tmp_path, served):
    """A read-only checkout (here: «.cache» is a file, so nothing can be written under it): the registry
    downloaded fine and is used; not being able to keep a copy is no reason to report it missing."""
    _, url = served
    root = lower_repo(tmp_path / "lower", url)
    (root / ".cache").write_text("không phải thư mục", encoding="utf-8")
    result, ref = reference(root)
    assert ref.status == "federated"
    assert [f for f in result.active if f.code in ("R109", "R110")] == []


def test_a_registry_file_without_a_site_address_is_refused_never_linked_to_the_disk(tmp_path, registry):
    def no_site_url(data):
        data["site_url"] = None
        for d in data["documents"]:
            d["page"] = d["page"].replace(SITE, "")

    source = hostile_registry(tmp_path, registry, no_site_url)
    root = lower_repo(tmp_path / "lower", source)
    result, ref = reference(root)
    assert ref.status == "federated"  # found, and its date checked
    (refused,) = [f for f in result.active if f.code == "R109"]
    assert "site_url" in refused.message + (refused.hint or "") and "trung-uong" in refused.message
    page = build_pages(result.view)["van-ban/duk-a/kh-5-2022.md"]
    assert str(tmp_path) not in page and "file:" not in page and "](/" not in page and "hostile" not in page
    # the lower repository says where the upper site is: links again, and nothing to report
    config = yaml.safe_load((root / "kehoach.yml").read_text(encoding="utf-8"))
    config["federation"][0]["site_url"] = "https://kho.trunguong.example/"
    (root / "kehoach.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result, ref = reference(root)
    assert [f for f in result.active if f.code == "R109"] == []
    assert (
        "](https://kho.trunguong.example/van-ban/tw/kl-21-2021/"
        in build_pages(result.view)["van-ban/duk-a/kh-5-2022.md"]
    )
