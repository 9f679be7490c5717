"""What the checks, the site and search read off a document's body, computed in one place.

`analyse` is the only entry point; the loader may compute it in a worker process or take it from the
load cache, so an analysis also travels as a record of built-in values (`as_record`/`from_record`).
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

from .clauses import Clause, Verb, opening_clauses
from .dates import Dateline, WrittenDate, find_dateline, find_deadline_phrases, written_dates
from .markup import Suspicious, suspicious
from .plain import PlainText
from .symbols import Citation, find_citations
from .templates import placeholders

DeadlinePhrase = tuple[int, int, str]  # (start, end, words) in the plain text
Placeholder = tuple[int, str]  # (start, words) of template text left in the plain text


@dataclass
class TextAnalysis:
    plain: PlainText
    citations: list[Citation]
    deadline_phrases: list[DeadlinePhrase]
    dates: list[WrittenDate]
    clauses: list[Clause]  # what the opening says the document implements or is based on
    placeholders: list[Placeholder]
    dateline: Dateline | None  # «Hà Nội, ngày 28 tháng 02 năm 2023» in the header
    markup: list[Suspicious]  # HTML, macros, attribute lists, unsafe links in the text (S008)

    def as_record(self) -> tuple[object, ...]:
        """Built-in values only (marshal, the process pool); the body itself is not repeated."""
        plain = self.plain
        return (
            plain.text if plain.has_markup else None,
            [c.as_record() for c in self.citations],
            [tuple(p) for p in self.deadline_phrases],
            [(d.text, d.start, d.day, d.month, d.year) for d in self.dates],
            [(self.citations.index(c.citation), c.verb) for c in self.clauses],
            [tuple(p) for p in self.placeholders],
            None if self.dateline is None else astuple(self.dateline),
            [astuple(m) for m in self.markup],
        )

    @classmethod
    def from_record(cls, body: str, record: tuple[object, ...]) -> TextAnalysis:
        """The analysis of `body` from `as_record`; raises TypeError or ValueError on a record of another shape."""
        marked, citation_records, phrases, dates, clauses, blanks, dateline, markup = record
        if marked is not None and not isinstance(marked, str):
            raise TypeError("plain text must be a string")
        citations = [Citation.from_record(c) for c in citation_records]  # type: ignore[attr-defined]
        return cls(
            PlainText.restored(body, marked),
            citations,
            [(s, e, w) for s, e, w in phrases],  # type: ignore[attr-defined]
            [WrittenDate(*d) for d in dates],  # type: ignore[attr-defined]
            [Clause(citations[i], _verb(v)) for i, v in clauses],  # type: ignore[attr-defined]
            [(s, w) for s, w in blanks],  # type: ignore[attr-defined]
            None if dateline is None else Dateline(*dateline),  # type: ignore[misc]
            [Suspicious(*m) for m in markup],  # type: ignore[attr-defined]
        )


def _verb(value: object) -> Verb:
    if value not in ("implements", "basis"):
        raise ValueError(f"unknown clause verb {value!r}")
    return value


def analyse(body: str) -> TextAnalysis:
    plain = PlainText(body)
    text = plain.text
    citations = find_citations(plain)
    return TextAnalysis(
        plain,
        citations,
        find_deadline_phrases(text),
        written_dates(text),
        opening_clauses(text, citations),
        [(m.start(), m.group(0)) for m in placeholders(text)],
        find_dateline(text),
        suspicious(text),
    )
