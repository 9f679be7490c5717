"""Tasks located in the official text, with their deadlines understood."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import DateError, Deadline, parse_deadline
from .loader import Entry
from .model import Task


@dataclass
class LocatedTask:
    entry: Entry
    index: int
    task: Task
    deadline: Deadline | None
    error: str | None  # why the deadline or quote could not be understood
    span: tuple[int, int] | None  # plain-text span of the deadline words (or the quote)

    @property
    def line(self) -> int | None:
        if self.span is not None:
            return self.entry.file_line(self.span[0])
        # Not found in the text: point at the field that failed to match, where the fix goes.
        field = "quote" if self.task.quote else "deadline" if self.task.deadline else None
        return (self.entry.field_line("tasks", self.index, field) if field else None) or self.entry.field_line("tasks", self.index)

    def overdue_days(self, as_of: dt.date) -> int | None:
        if self.task.status != "open" or self.deadline is None or self.deadline.due is None:
            return None
        late = (as_of - self.deadline.due).days
        return late if late > 0 else None


def _find_unique(text: str, needle: str) -> tuple[int | None, int]:
    first = text.find(needle)
    if first < 0:
        return None, 0
    second = text.find(needle, first + 1)
    return first, (1 if second < 0 else 2)


def locate(entry: Entry) -> list[LocatedTask]:
    text = entry.plain.text
    year = entry.doc.date.year if entry.doc.date else None
    located = []
    for i, t in enumerate(entry.doc.tasks):
        deadline = error = span = None
        if t.deadline:
            try:
                deadline = parse_deadline(t.deadline, year)
            except DateError as e:
                error = str(e)
        anchor = t.quote or t.deadline
        if anchor:
            start, count = _find_unique(text, anchor)
            if start is None:
                what = "đoạn trích «quote»" if t.quote else "thời hạn"
                error = error or f"{what} «{anchor}» không có nguyên văn trong văn bản"
            elif count > 1:
                error = error or f"«{anchor}» xuất hiện nhiều lần trong văn bản; thêm «quote» là một đoạn trích riêng để định vị"
            else:
                span = (start, start + len(anchor))
                if t.quote and t.deadline:
                    inner = t.quote.find(t.deadline)
                    if inner < 0:
                        error = error or f"thời hạn «{t.deadline}» không nằm trong đoạn trích «quote»"
                    else:
                        span = (start + inner, start + inner + len(t.deadline))
        located.append(LocatedTask(entry, i, t, deadline, error, span))
    return located
