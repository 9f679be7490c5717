"""Vietnamese search: a Pagefind index of the documents' own pages.

Pagefind indexes each document page (its header card, title, tasks and official text, marked
`data-pagefind-body`), so a result shows the passage that matched, with the words highlighted, and
links to the section it is in. It folds diacritics itself and ranks exact matches first, but it does
not fold «đ» (which has no decomposition): the browser searches both spellings of a word with «d»
(assets/tim-kiem.js).

What a reader types that is not a word of the page (a symbol as «nq21» or «21 NQ TW», a date as
«28/02/2023» or «ngày 28 tháng 2 năm 2023», a month as «tháng 4/2023») is matched through tokens this
module writes into the page's searchable meta fields, weighted: the document's own symbol and date
count most, what it cites least. The browser turns a query into the same tokens with the type codes
this module writes for it (`search_vocabulary`), so the two cannot drift apart.

A reader narrows the results by issuing organisation, type, year and effect status (`FILTERS`). Each value is a token
in the page's `facets` meta field, added to the query when chosen: Pagefind returns only pages holding
every word of a query. (Not Pagefind's own filters: their index differs from one build to the next, and
the build must be reproducible.) A token is a fixed-length hash, so that no token is the beginning of
another (Pagefind also matches a word's beginning), and starts with «zz», which begins no Vietnamese
word, so the tokens sit apart in the index and a search without filters downloads none of them. The
values to choose from, with their tokens and how many documents hold each, go into the vocabulary file.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from ..model.entry import Entry
from ..model.view import View
from ..model.writing import write_file
from ..text.dates import written_dates
from ..text.doctypes import DOC_TYPES, type_name
from ..text.unicode import fold

# Meta fields Pagefind searches, and how much a match in each counts (the body counts 1).
META_WEIGHTS = {
    "keys": 12.0,
    "title": 6.0,
    "summary": 4.0,
    "org": 3.0,
    "signer": 3.0,
    "dates": 1.0,
    "cites": 0.6,
    "facets": 0.01,  # only ever matched on purpose, by every page a filter keeps: ranks nothing
}
# What a reader filters on: the issuing organisation, the type's name, the year of issue.
FILTERS = ("issuer", "type", "year", "effect")


def _ascii(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def symbol_tokens(number: str, type_code: str, code: str) -> list[str]:
    """«21-NQ/TW» as one token «21nqtw», and «nq21» for a query without the issuer («NQ 21», «nq21»)."""
    n = str(int(number)) if number.isdigit() else _ascii(number)
    t = _ascii(type_code)
    return [f"{n}{t}{_ascii(code)}", f"{t}{n}"]


def day_token(year: int, month: int, day: int) -> str:
    return f"ng{year:04d}{month:02d}{day:02d}"


def month_token(year: int, month: int) -> str:
    return f"th{year:04d}{month:02d}"


def facet_token(name: str, value: str) -> str:
    """The word a page holds for a filter's value: «zz» and a hash of fixed length."""
    return "zz" + hashlib.blake2b(f"{name}:{value}".encode(), digest_size=5).hexdigest()


def search_filters(entry: Entry, view: View) -> dict[str, str]:
    """The page's values of the filters (`FILTERS`): issuing organisation, the type's name, the year of issue,
    the effect status («còn hiệu lực», «bị thay thế»…)."""
    d = entry.doc
    return {
        "issuer": view.tree.label(d.issuer),
        "type": type_name(d.type),
        "year": str(d.date.year) if d.date else "",
        "effect": view.lifecycle.effect(entry).label,
    }


def search_meta(entry: Entry, view: View) -> dict[str, str]:
    """The searchable meta fields of a document's page (`summary`, `org` are shown in results too), its
    filters' values among them as tokens (`facets`)."""
    d, tree = entry.doc, view.tree
    keys: list[str] = []
    symbol = entry.symbol(tree)
    if symbol and d.number:
        keys += symbol_tokens(d.number, d.type, entry.issuer_code(tree))
    if d.date:
        keys += [day_token(d.date.year, d.date.month, d.date.day), month_token(d.date.year, d.date.month)]
    cites: list[str] = []
    for c in entry.citations:
        cites += symbol_tokens(c.number, c.type or c.type_written, c.code)
    dates = [
        token
        for w in written_dates(entry.plain.text)
        if 1 <= w.month <= 12
        for token in (day_token(w.year, w.month, w.day), month_token(w.year, w.month))
    ]
    dates += [month_token(lt.due.year, lt.due.month) for lt in view.tasks_of(entry) if lt.due]
    org = " · ".join(dict.fromkeys(x for x in (tree.label(d.issuer), d.issuing_body) if x))
    return {
        "keys": " ".join(dict.fromkeys(keys)),
        "summary": d.title or "",
        "org": org,
        "signer": d.signer.name if d.signer and d.signer.name else "",
        "dates": " ".join(dict.fromkeys(dates)),
        "cites": " ".join(dict.fromkeys(cites)),
        "facets": " ".join(facet_token(name, value) for name, value in search_filters(entry, view).items() if value),
    }


def meta_html(meta: dict[str, str]) -> str:
    """The meta fields as empty elements of the page, outside the indexed body: searched, never shown in
    an excerpt."""
    return "".join(
        f'<span data-pagefind-meta="{name}:{_attribute(value)}" hidden></span>' for name, value in meta.items() if value
    )


# Python-Markdown reads code spans, escapes, links and images inside a paragraph before it sets inline raw
# HTML aside, so an attribute value written there holds none of the characters that open them: «[x](…)» in a
# title would otherwise become a link inside the attribute and break out of it. The browser reads the
# character references back, so the value is exact.
# A line break would end the paragraph (and a «#» opening the next line would make a heading).
_MARKDOWN_ACTIVE = str.maketrans({c: f"&#{ord(c)};" for c in "`\\[]()!*_{}~<>&\"'#\n\r\t"})


def _attribute(value: str) -> str:
    return value.translate(_MARKDOWN_ACTIVE)


def facets(view: View) -> dict[str, list[list[str | int]]]:
    """Each filter's values over the documents the index holds, as [value, documents, token]: organisations
    and types by name, years newest first."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FILTERS}
    for entry in view.repo.entries:
        for name, value in search_filters(entry, view).items():
            if value:
                counts[name][value] += 1
    out: dict[str, list[list[str | int]]] = {}
    for name, counter in counts.items():
        order = sorted(counter, reverse=True) if name == "year" else sorted(counter, key=lambda v: (fold(v), v))
        out[name] = [[value, counter[value], facet_token(name, value)] for value in order]
    return out


def search_vocabulary(view: View | None = None) -> str:
    """What the browser needs to read symbols in a query the way the engine does (the type codes, folded),
    and the filters' values (`facets`) when a view is given."""
    types = sorted({_ascii(code) for code in DOC_TYPES}, key=lambda t: (-len(t), t))
    vocabulary: dict[str, object] = {"types": types, "metaWeights": META_WEIGHTS}
    if view is not None:
        vocabulary["filters"] = facets(view)
    return json.dumps(vocabulary, ensure_ascii=False, sort_keys=True)


VOCABULARY_FILE = "assets/tim-kiem-tu-vung.json"


class SearchIndexError(RuntimeError):
    """Pagefind could not write the index: the build must fail with its message, not ship without search."""


class IndexJob:
    """Pagefind over the built document pages, in the background, so the build can write its downloads."""

    def __init__(self, view: View, site_dir: Path) -> None:
        self.count = len(view.repo.entries)
        write_file(site_dir, VOCABULARY_FILE, (search_vocabulary(view) + "\n").encode("utf-8"))
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site_dir),
                "--glob",
                "van-ban/**/*.html",
                "--output-subdir",
                "pagefind",
                "--force-language",
                "vi",
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait(self) -> int:
        """Wait for Pagefind; returns the number of documents, raises SearchIndexError when it failed."""
        out, err = self._process.communicate()
        if self._process.returncode != 0:
            raise SearchIndexError(f"Không tạo được chỉ mục tìm kiếm (Pagefind): {(err or out).strip()[-500:]}")
        return self.count
