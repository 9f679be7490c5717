"""The project's own Markdown settings (mkdocs.yml's extensions) and a scan of what the HTML could run or load."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from helpers import ROOT
from mkdocs.config import load_config

ACTIVE_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "frame"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data"}


@cache
def _settings() -> tuple[list, dict]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


def to_html(text: str) -> str:
    extensions, configs = _settings()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.addresses: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name == "autofocus":
                self.problems.append(f"<{tag} {name}>")
            if "mermaid" in value and name == "class":
                self.problems.append(f"<{tag} class={value}>")
            if name in URL_ATTRIBUTES:
                self.addresses.append(value)
                squeezed = "".join(ch for ch in value if ord(ch) > 32).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"<{tag} {name}={value[:40]}>")
                elif name != "href" and (urlsplit(value).scheme or value.startswith("//")):
                    self.problems.append(f"<{tag} {name}={value[:40]}> loads from outside")
            if name == "style" and not value.startswith("text-align"):
                self.problems.append(f"<{tag} style={value[:40]}>")

    def handle_data(self, data):
        self.text.append(data)


def dangers(html: str) -> list[str]:
    """What in `html` could run script, load from outside the site or draw a diagram; [] when nothing."""
    scan = _Scan()
    scan.feed(html)
    return scan.problems


def visible_text(html: str) -> str:
    scan = _Scan()
    scan.feed(html)
    return "".join(scan.text)


def addresses(html: str) -> list[str]:
    """Every address the page's elements link to or load (href, src, …), as the browser reads them."""
    scan = _Scan()
    scan.feed(html)
    return scan.addresses
