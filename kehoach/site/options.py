"""What kind of site a build makes, read from the MkDocs configuration, never from the environment.

A shell export or a CI variable must not turn the public site into the internal one, or the strict
publishing build into a lenient one, so both are keys of a configuration file:

    extra:
      kehoach:
        audience: internal   # mkdocs-internal.yml, built by `make site-internal`
        preview: true        # a preview: documents with errors shown with a banner instead of failing
        open_from_disk: true # links name their index.html: a preview artifact opened from file://
        forge: {url: …}      # «Sửa văn bản này», «Báo sai sót» on document pages (kehoach/site/forge.py)

`mkdocs serve` is a preview by itself (the hook knows the command it runs under).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .forge import Forge, ForgeError, forge_from

OPTIONS_KEY = "kehoach"  # under `extra:` in the MkDocs configuration
AUDIENCES = ("public", "internal")


class SiteOptionsError(ValueError):
    """The configuration's kehoach options are wrong; the message says which and how to fix it."""


@dataclass(frozen=True)
class SiteOptions:
    internal: bool = False  # restricted documents included, every page marked (make site-internal)
    preview: bool = False  # errors shown on the pages instead of stopping the build
    open_from_disk: bool = False  # links name their index.html, for a preview opened from file:// (make preview)
    forge: Forge | None = None  # where the edit and report links of document pages go


_SWITCHES = ("preview", "open_from_disk")


def site_options(extra: Mapping[str, object] | None) -> SiteOptions:
    """The options under `extra: kehoach:`; anything unknown is refused rather than ignored."""
    raw = (extra or {}).get(OPTIONS_KEY) or {}
    if not isinstance(raw, Mapping):
        raise SiteOptionsError("Mục «extra: kehoach:» trong cấu hình MkDocs phải là các cặp «tên: giá trị».")
    unknown = sorted(set(raw) - {"audience", "forge", *_SWITCHES})
    if unknown:
        raise SiteOptionsError(
            f"Mục «extra: kehoach:» có tùy chọn không biết: {', '.join(map(str, unknown))}. "
            f"Tùy chọn có: audience, forge, {', '.join(_SWITCHES)}."
        )
    for name in _SWITCHES:
        if not isinstance(raw.get(name, False), bool):
            raise SiteOptionsError(f"«extra: kehoach: {name}» là «{raw[name]}»; chỉ nhận true hoặc false.")
    audience = raw.get("audience", "public")
    if audience not in AUDIENCES:
        raise SiteOptionsError(
            f"«extra: kehoach: audience» là «{audience}»; chỉ nhận public hoặc internal (bản nội bộ: mkdocs-internal.yml)."
        )
    try:
        forge = forge_from(raw.get("forge"))
    except ForgeError as e:
        raise SiteOptionsError(str(e)) from None
    return SiteOptions(
        internal=audience == "internal",
        preview=raw.get("preview", False),
        open_from_disk=raw.get("open_from_disk", False),
        forge=forge,
    )


INTERNAL_BANNER = (
    '!!! danger "BẢN NỘI BỘ — không đưa lên mạng công khai"\n\n'
    "    Bản dựng này (`make site-internal`, cấu hình `mkdocs-internal.yml`) có cả văn bản mật và văn bản "
    "nội bộ. Không sao chép, chuyển tiếp hay xuất bản ra ngoài.\n\n"
)
INTERNAL_LOG = (
    "kehoach: BẢN NỘI BỘ (%s): có cả văn bản mật và văn bản chỉ lưu hành nội bộ, mỗi trang mang dòng cảnh báo; "
    "không đưa lên mạng công khai."
)
