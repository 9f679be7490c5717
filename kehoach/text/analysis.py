"""What the checks, the site and search read off a document's body, computed in one place.

`analyse` is the only entry point; the loader may compute it in a worker process or take it from the
load cache, so an analysis also travels as a record of built-in values (`as_record`/`from_record`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import WrittenDate, find_deadline_phrases, written_dates
from .plain import PlainText
from .symbols import Citation, find_citations

DeadlinePhrase = tuple[int, int, str]  # (start, end, words) in the plain text


@dataclass
class TextAnalysis:
    plain: PlainText
    citations: list[Citation]
    deadline_phrases: list[DeadlinePhrase]
    dates: list[WrittenDate]

    def as_record(self) -> tuple[object, ...]:
        """Built-in values only (marshal, the process pool); the body itself is not repeated."""
        plain = self.plain
        return (
            plain.text if plain.has_markup else None,
            [c.as_record() for c in self.citations],
            [tuple(p) for p in self.deadline_phrases],
            [(d.text, d.start, d.day, d.month, d.year) for d in self.dates],
        )

    @classmethod
    def from_record(cls, body: str, record: tuple[object, ...]) -> TextAnalysis:
        """The analysis of `body` from `as_record`; raises TypeError or ValueError on a record of another shape."""
        marked, citations, phrases, dates = record
        if marked is not None and not isinstance(marked, str):
            raise TypeError("plain text must be a string")
        return cls(
            PlainText.restored(body, marked),
            [Citation.from_record(c) for c in citations],  # type: ignore[attr-defined]
            [(s, e, w) for s, e, w in phrases],  # type: ignore[attr-defined]
            [WrittenDate(*d) for d in dates],  # type: ignore[attr-defined]
        )


def analyse(body: str) -> TextAnalysis:
    plain = PlainText(body)
    return TextAnalysis(plain, find_citations(plain), find_deadline_phrases(plain.text), written_dates(plain.text))
