"""A second committee's repository resolves "21-KL/TW" through this repository's registry.json."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading

import pytest
import yaml
from helpers import ROOT, cli, findings
from minirepo import make_repo, write_doc

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
