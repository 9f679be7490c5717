"""Federation: resolve references through other kehoach sites' registry.json.

A bloc committee cites the Central Committee's and the province's documents. Instead of keeping
stubs for them, its `kehoach.yml` can name the upper committees' registries (a file path or a URL);
citations the local repository cannot resolve are then looked up there and linked to those sites.
URLs are fetched once per run and cached under .cache/kehoach/, so a build on an intranet keeps
working from the last copy (with a warning) when the other site is unreachable.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import re
import urllib.error
import urllib.parse
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..findings import Code, Finding
from .download import DownloadError, download
from .entry import Entry
from .registry_schema import Registry
from .repository import FEDERATION_FILE as CONFIG_FILE
from .schema import Document
from .writing import atomic_write

CACHE_DIR = Path(".cache") / "kehoach" / "federation"
TIMEOUT_SECONDS = 10  # without a byte for this long, a read fails
DEADLINE_SECONDS = 30  # a download not finished by then is abandoned, however the server trickles
MAX_REGISTRY_BYTES = 20_000_000  # about 40,000 documents; a larger answer is not a registry to trust


class FederatedSite(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="Tên ngắn của kho liên kết, ví dụ `trung-uong`.")
    registry: str = Field(description="Đường dẫn tệp (tương đối với kho) hoặc địa chỉ http(s) của registry.json.")
    site_url: str | None = Field(
        None,
        description="Địa chỉ trang của kho liên kết, khi sổ đăng ký không ghi (thường là tệp registry.json tải về).",
    )


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")
    federation: list[FederatedSite] = Field(default_factory=list)
    local: list[str] = Field(
        default_factory=list,
        description="Mã các tổ chức mà kho này là nơi giữ văn bản (kể cả khi chưa có văn bản nào): sổ đăng ký "
        "liên kết không bao giờ được trả lời thay cho các tổ chức này.",
    )


# What an address may contain (RFC 3986: unreserved, reserved and «%»); anything else (a blank, a quote,
# «<», a control character) means it is not an address, whatever a browser might make of it.
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def http_address(text: str | None) -> str | None:
    """`text` when it is an absolute http(s) address with a host, else None."""
    if not text or not _URL_CHARACTERS.fullmatch(text):
        return None
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def page_address(base: str | None, page: str) -> str | None:
    """Where a federated document's page is: `page` itself when absolute, else under the site's address."""
    if not _URL_CHARACTERS.fullmatch(page or ""):
        return None
    try:
        absolute = bool(urllib.parse.urlsplit(page).scheme) or page.startswith("//")
    except ValueError:
        return None
    if absolute:
        return http_address(page)
    return http_address(base.rstrip("/") + "/" + page.lstrip("/")) if base else None


def site_address(site: FederatedSite, registry: Registry) -> str | None:
    """The other site's address: as kehoach.yml gives it, else its registry's `site_url`, else the folder its
    registry.json is served from. Never a path on this machine."""
    declared = http_address(site.site_url) or http_address(registry.site_url)
    if declared:
        return declared
    served = http_address(site.registry)
    return served.rsplit("/du-lieu/", 1)[0] if served and "/du-lieu/" in served else None


def load_config(root: Path) -> tuple[Config, list[Finding]]:
    path = root / CONFIG_FILE
    if not path.exists():
        return Config(), []
    try:
        return Config.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {}), []
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError) as e:
        why = str(e).splitlines()[0] if str(e) else type(e).__name__
        return Config(), [
            Finding(
                Code.S002,
                CONFIG_FILE,
                1,
                f"Tệp {CONFIG_FILE} không đúng dạng: {why}.",
                hint="Dạng đúng: federation: [{name: trung-uong, registry: https://…/du-lieu/registry.json}]",
            )
        ]


class NotARegistry(ValueError):
    """Bytes that are not a registry.json this version reads; the message says why, in Vietnamese."""


def parse_registry(data: bytes) -> Registry:
    try:
        return Registry.model_validate(json.loads(data.decode("utf-8")))
    except UnicodeDecodeError:
        raise NotARegistry("nội dung không phải chữ UTF-8") from None
    except json.JSONDecodeError:
        raise NotARegistry(
            "nội dung không phải JSON (có thể là một trang web, ví dụ trang đăng nhập của proxy)"
        ) from None
    except ValidationError as e:
        raise NotARegistry(f"không đúng lược đồ registry.json ({e.error_count()} trường sai)") from None


def _problem(code: Code, site: FederatedSite, message: str, hint: str | None = None) -> Finding:
    return Finding(code, CONFIG_FILE, 1, message, hint=hint, subject=site.name)


def _from_file(root: Path, site: FederatedSite) -> tuple[Registry | None, list[Finding]]:
    source = site.registry
    path = (root / source) if not Path(source).is_absolute() else Path(source)
    try:
        return parse_registry(path.read_bytes()), []
    except FileNotFoundError:
        message = f"Không thấy sổ đăng ký liên kết «{site.name}»: tệp {source} không tồn tại."
    except OSError as e:
        message = f"Không đọc được sổ đăng ký liên kết «{site.name}» ({source}: {e.strerror or type(e).__name__})."
    except NotARegistry as e:
        message = f"Sổ đăng ký liên kết «{site.name}» ({source}) không dùng được: {e}."
    return None, [
        _problem(Code.R109, site, message, f"Sửa đường dẫn «registry» của «{site.name}» trong {CONFIG_FILE}.")
    ]


def _from_url(root: Path, site: FederatedSite) -> tuple[Registry | None, list[Finding]]:
    """Download and check the registry; only a valid one replaces the cached copy, which is used otherwise."""
    source = site.registry
    cache = root / CACHE_DIR / (hashlib.sha256(source.encode()).hexdigest()[:16] + ".json")
    try:
        data = download(source, DEADLINE_SECONDS, MAX_REGISTRY_BYTES, TIMEOUT_SECONDS)
        registry = parse_registry(data)
    except (urllib.error.URLError, OSError, ValueError, DownloadError, http.client.HTTPException) as e:
        reason = e if isinstance(e, (NotARegistry, DownloadError)) else getattr(e, "reason", None) or e
    else:
        with contextlib.suppress(OSError):  # a read-only checkout: the download is used all the same
            atomic_write(cache, data)
        return registry, []
    try:
        stale = parse_registry(cache.read_bytes())
    except (OSError, NotARegistry):
        return None, [
            _problem(
                Code.R109,
                site,
                f"Không tải được sổ đăng ký liên kết «{site.name}» ({source}: {reason}) và chưa có bản lưu tạm.",
                f"Kiểm tra mạng hoặc địa chỉ trong {CONFIG_FILE}; hoặc tải registry.json về và ghi đường dẫn tệp.",
            )
        ]
    return stale, [
        _problem(
            Code.R110,
            site,
            f"Không tải được sổ đăng ký liên kết «{site.name}» ({source}: {reason}); dùng bản lưu tạm trước đó.",
            "Kiểm tra mạng hoặc địa chỉ; trích dẫn vẫn được xác định theo bản lưu tạm.",
        )
    ]


def remote_entries(root: Path, owned: set[str] | frozenset[str] = frozenset()) -> tuple[list[Entry], list[Finding]]:
    """Entries (kind "remote", with an http(s) `url` or none) for every federated document.

    A registry never answers for an organisation this repository owns (`owned`: those it holds documents
    of, and those kehoach.yml declares `local`): a citation of its documents is resolved here or not at all.
    """
    config, findings = load_config(root)
    claimed = set(owned) | set(config.local)
    entries = []
    for site in config.federation:
        read = _from_url if site.registry.startswith(("http://", "https://")) else _from_file
        registry, more = read(root, site)
        findings += more
        if registry is None:
            continue
        base = site_address(site, registry)
        if base is None and any(page_address(None, d.page) is None for d in registry.documents):
            findings.append(
                _problem(
                    Code.R109,
                    site,
                    f"Sổ đăng ký liên kết «{site.name}» không cho biết địa chỉ trang của kho đó (site_url http(s)): "
                    "trích dẫn tới văn bản của kho đó được xác định nhưng không có liên kết.",
                    f"Thêm «site_url: https://…» (địa chỉ trang của kho đó) cho «{site.name}» trong {CONFIG_FILE}.",
                )
            )
        for d in registry.documents:
            if d.issuer in claimed:
                continue
            try:
                doc = Document(
                    type=d.type, number=d.number, issuer=d.issuer, issuer_code=d.issuer_code, date=d.date, title=d.title
                )
            except ValidationError:  # not a document this repository could hold (an issuer that is no key)
                continue
            url = page_address(base, d.page)  # None: found, dates checked, but shown without a link
            entries.append(
                Entry(
                    key=f"{site.name}:{d.key}", kind="remote", path=CONFIG_FILE, doc=doc, body="", body_line=1, url=url
                )
            )
    return entries, findings
