"""Vietnamese search: a Pagefind index built from the engine's own records.

People type without diacritics ("so ket", "dang ngoc son") or with them, and look documents up by
symbol ("21-NQ/TW"). Both the indexed text and the query (assets/tim-kiem.js) go through the same
`search_text`: diacritics folded (đ mapped explicitly: it has no decomposition), and each symbol
also written as one token ("21nqtw") so it is never split into "21", "nq", "tw".
Pagefind downloads only the index chunks a query needs, so a first search stays small.

Records are handed to the Pagefind binary as one small HTML file each, indexed in one run: its
Python service API waits 0.1 s per record (100 records took 10 s), which would dominate a build.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model.entry import Entry
from ..model.view import View
from ..model.writing import write_file
from ..text.dates import vn_long
from ..text.unicode import fold

# Mirrors assets/tim-kiem.js: keep the two in step.
_SYMBOL = re.compile(r"(\d+)\s*-\s*([a-z]+)\s*/\s*([a-z]+)")


def symbol_tokens(folded: str) -> str:
    """'21-nq/tw' -> '21nqtw' (leading zeros dropped: '02-nq/duk' and '2-nq/duk' are the same symbol)."""
    return _SYMBOL.sub(lambda m: f" {int(m[1])}{m[2]}{m[3]} ", folded)


def search_text(text: str) -> str:
    return symbol_tokens(fold(text))


# Beyond a few occurrences a word adds nothing to ranking (term frequency saturates), but every
# occurrence costs the Pagefind indexer memory: 946 MB for 5,000 documents uncapped.
MAX_REPEATS = 4


def capped(words: str) -> str:
    """The words in order, each kept at most MAX_REPEATS times."""
    seen: dict[str, int] = {}
    kept = []
    for word in words.split():
        n = seen.get(word, 0)
        if n < MAX_REPEATS:
            seen[word] = n + 1
            kept.append(word)
    return " ".join(kept)


def page_url(entry: Entry) -> str:
    return "/" + entry.page_url()


@dataclass
class SearchRecord:
    url: str
    content: str  # folded words, what is matched
    meta: dict[str, str]  # the original wording, what is shown
    language: str = "vi"


def record(entry: Entry, view: View) -> SearchRecord:
    """One search record: folded words for matching, the original wording for display."""
    d, tree = entry.doc, view.tree
    title = entry.heading(view.tree)
    about = " ".join(
        x
        for x in (
            d.title,
            d.issuing_body,
            tree.label(d.issuer),
            d.signer.name if d.signer else None,
            d.place,
            vn_long(d.date) if d.date else None,
        )
        if x
    )
    # What the document is about counts more than what it mentions: its own symbol and title are repeated.
    own = search_text(f"{title} {d.title or ''}")
    # Every cited symbol as one token, list forms included ("02, 03, 04-NQ/ĐUK" cites three documents).
    cited = " ".join(symbol_tokens(fold(c.symbol)) for c in entry.citations)
    content = capped(" ".join([own] * 4 + [search_text(about), cited, search_text(entry.plain.text)]))
    summary = d.title or ""
    meta = {
        "title": title,
        "summary": summary[:300],
        "org": tree.label(d.issuer),
        "date": vn_long(d.date) if d.date else "",
    }
    # No Pagefind filters: the page does not use them, and Pagefind writes them in hash-map order,
    # which would make two builds of the same commit differ.
    return SearchRecord(page_url(entry), content, meta)


class SearchIndexError(RuntimeError):
    """Pagefind could not write the index: the build must fail with its message, not ship without search."""


def record_html(rec: SearchRecord) -> str:
    """A record as the page Pagefind reads: meta outside the indexed body, so only `content` is searched."""
    meta = "".join(
        f'<p data-pagefind-meta="{name}">{html.escape(value)}</p>' for name, value in rec.meta.items() if value
    )
    return (
        f'<!DOCTYPE html><html lang="{rec.language}"><head><meta charset="utf-8"><title></title></head>'
        f"<body>{meta}<main data-pagefind-body>{html.escape(rec.content)}</main></body></html>"
    )


class IndexJob:
    """Pagefind indexing in the background, so the build can write its downloads meanwhile."""

    def __init__(self, view: View, site_dir: Path) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="kehoach-search-")
        self.count = 0
        for entry in view.repo.entries:  # one record at a time: 10,000 records held at once cost ~100 MB
            rec = record(entry, view)
            self.count += 1
            write_file(Path(self._tmp.name), f"{rec.url.strip('/')}/index.html", record_html(rec).encode("utf-8"))
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                self._tmp.name,
                "--output-path",
                str(site_dir / "pagefind"),
                "--force-language",
                "vi",
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait(self) -> int:
        """Wait for Pagefind; returns the number of records, raises SearchIndexError when it failed."""
        out, err = self._process.communicate()
        self._tmp.cleanup()
        if self._process.returncode != 0:
            raise SearchIndexError(f"Không tạo được chỉ mục tìm kiếm (Pagefind): {(err or out).strip()[-500:]}")
        return self.count
