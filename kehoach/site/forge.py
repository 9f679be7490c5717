"""«Sửa văn bản này» and «Báo sai sót» on every document page, written from a configured forge address.

Material's own edit action needs `repo_url`, and with it every page asks the forge's API for repository
facts: a request outside the site, which an intranet may not allow. So the address is configured under
`extra: kehoach: forge:` and the two links are written into the pages at build time, in the look of
Material's edit action (its classes, an icon of its set):

    extra:
      kehoach:
        forge:
          url: https://github.com/ban-ky-thuat/kho-ke-hoach   # or the project on a GitLab server
          branch: main                                       # where «Sửa» proposes the change
          kind: github                                       # github or gitlab; guessed from the address

The edit link opens the source file (`plans/…`) in the forge's web editor, which makes a pull request of
the change; the report link opens a new issue with the document's symbol and address filled in.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, urlencode, urlsplit

ForgeKind = Literal["github", "gitlab"]

# Material Design Icons (Apache 2.0), the set Material for MkDocs draws its actions from
_PENCIL = (
    "M20.71 7.04c.39-.39.39-1.04 0-1.41l-2.34-2.34c-.37-.39-1.02-.39-1.41 0l-1.84 1.83 3.75 3.75M3 17.25V21h3.75"
    "L17.81 9.93l-3.75-3.75z"
)
_ALERT = (
    "M11 15h2v2h-2zm0-8h2v6h-2zm1-5C6.47 2 2 6.5 2 12a10 10 0 0 0 10 10 10 10 0 0 0 10-10A10 10 0 0 0 12 2m0 "
    "18a8 8 0 0 1-8-8 8 8 0 0 1 8-8 8 8 0 0 1 8 8 8 8 0 0 1-8 8"
)


class ForgeError(ValueError):
    """The forge options are wrong; the message says which and how to fix it (Vietnamese)."""


@dataclass(frozen=True)
class Forge:
    url: str  # the repository's page, without a trailing slash
    branch: str
    kind: ForgeKind

    def edit_url(self, source: str) -> str:
        """The forge's web editor for a repository file (`plans/duk-hanoi-dh/kh-90-2023.md`)."""
        where = "edit" if self.kind == "github" else "-/edit"
        return f"{self.url}/{where}/{quote(self.branch, safe='')}/{quote(source)}"

    def report_url(self, title: str, body: str) -> str:
        """A new issue with its title and text filled in."""
        if self.kind == "github":
            return f"{self.url}/issues/new?" + urlencode({"title": title, "body": body})
        return f"{self.url}/-/issues/new?" + urlencode({"issue[title]": title, "issue[description]": body})


def forge_from(raw: object) -> Forge | None:
    """The forge of the configuration, or None when no address is given (the links are then left out)."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ForgeError("«extra: kehoach: forge:» phải là các cặp «tên: giá trị» (url, branch, kind).")
    unknown = sorted(set(raw) - {"url", "branch", "kind"})
    if unknown:
        raise ForgeError(f"«extra: kehoach: forge:» có tùy chọn không biết: {', '.join(map(str, unknown))}.")
    url = str(raw.get("url") or "").strip().rstrip("/")
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise ForgeError(
            f"«extra: kehoach: forge: url» là «{url[:80]}»; cần địa chỉ https của kho trên GitHub hoặc GitLab, "
            "ví dụ https://github.com/to-chuc/kho-ke-hoach."
        )
    branch = str(raw.get("branch") or "main").strip()
    if not branch or any(c in branch for c in " \t\n?#"):
        raise ForgeError(f"«extra: kehoach: forge: branch» là «{branch[:80]}»; cần tên một nhánh, ví dụ main.")
    kind = raw.get("kind") or ("github" if parts.netloc.lower().endswith("github.com") else "gitlab")
    if kind == "github":
        return Forge(url, branch, "github")
    if kind == "gitlab":
        return Forge(url, branch, "gitlab")
    raise ForgeError(f"«extra: kehoach: forge: kind» là «{kind}»; chỉ nhận github hoặc gitlab.")


def _button(href: str, title: str, icon: str, extra_class: str) -> str:
    return (
        f'<a href="{html.escape(href, quote=True)}" title="{title}" class="md-content__button md-icon {extra_class}" '
        f'rel="nofollow">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="{icon}"/></svg>'
        f'<span class="md-visually-hidden">{title}</span></a>'
    )


def page_actions(forge: Forge | None, source: str, heading: str, address: str) -> list[str]:
    """The two actions, as raw HTML placed before the page's title (where Material puts its own)."""
    if forge is None:
        return []
    body = (
        f"Văn bản: {heading}\nTrang: {address}\nTệp: {source}\n\n"
        "Sai sót (đoạn nào, sai thế nào, đúng là gì; nếu bản gốc ghi như vậy, xin nói rõ):\n\n"
    )
    return [
        '<div class="kh-actions">',
        _button(forge.edit_url(source), "Sửa văn bản này", _PENCIL, "kh-edit"),
        _button(forge.report_url(f"Báo sai sót: {heading}", body), "Báo sai sót", _ALERT, "kh-report"),
        "</div>",
        "",
    ]
