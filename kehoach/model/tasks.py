"""Tasks located in the official text, with their deadlines understood."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Code
from ..text.dates import DateError, Deadline, parse_deadline, vn_short
from .entry import Entry
from .schema import Task


@dataclass
class TaskProblem:
    """Why a task's deadline or quote could not be understood, and the code the checker reports it with."""

    code: Code  # D201: a day that cannot exist; D204: not the text's words; D211: a year that is a guess
    message: str


_PARSE_CODES = {"impossible": Code.D201, "no-year": Code.D211, "unreadable": Code.D204}


@dataclass
class LocatedTask:
    entry: Entry
    index: int
    task: Task
    deadline: Deadline | None
    problems: list[TaskProblem]
    span: tuple[int, int] | None  # plain-text span of the deadline words (or the quote)

    @property
    def due(self) -> dt.date | None:
        """The last day the task may be completed on; None when its deadline is not a single day."""
        return self.deadline.due if self.deadline is not None else None

    @property
    def line(self) -> int | None:
        if self.span is not None:
            return self.entry.file_line(self.span[0])
        # Not found in the text: point at the field that failed to match, where the fix goes.
        field = "quote" if self.task.quote else "deadline" if self.task.deadline else None
        return (self.entry.field_line("tasks", self.index, field) if field else None) or self.entry.field_line(
            "tasks", self.index
        )

    def overdue_days(self, as_of: dt.date) -> int | None:
        if self.task.status != "open" or self.due is None:
            return None
        late = (as_of - self.due).days
        return late if late > 0 else None


def _find_unique(text: str, needle: str) -> tuple[int | None, int]:
    first = text.find(needle)
    if first < 0:
        return None, 0
    second = text.find(needle, first + 1)
    return first, (1 if second < 0 else 2)


def locate(entry: Entry) -> list[LocatedTask]:
    text = entry.plain.text
    located = []
    for i, t in enumerate(entry.doc.tasks):
        deadline: Deadline | None = None
        problems: list[TaskProblem] = []
        span: tuple[int, int] | None = None
        if t.deadline:
            try:
                deadline = parse_deadline(t.deadline, entry.doc.date)
            except DateError as e:
                problems.append(TaskProblem(_PARSE_CODES[e.reason], str(e)))
            else:
                if deadline.year_doubtful and deadline.due is not None:
                    problems.append(
                        TaskProblem(
                            Code.D211,
                            f"thời hạn «{t.deadline}» không ghi năm; hiểu là hạn chót ngày {vn_short(deadline.due)}",
                        )
                    )
        anchor = t.quote or t.deadline
        if anchor:
            start, count = _find_unique(text, anchor)
            mismatch = None
            if start is None:
                what = "đoạn trích «quote»" if t.quote else "thời hạn"
                mismatch = f"{what} «{anchor}» không có nguyên văn trong văn bản"
            elif count > 1:
                mismatch = (
                    f"«{anchor}» xuất hiện nhiều lần trong văn bản; thêm «quote» là một đoạn trích riêng để định vị"
                )
            else:
                span = (start, start + len(anchor))
                if t.quote and t.deadline:
                    inner = t.quote.find(t.deadline)
                    if inner < 0:
                        mismatch = f"thời hạn «{t.deadline}» không nằm trong đoạn trích «quote»"
                    else:
                        span = (start + inner, start + inner + len(t.deadline))
            if mismatch and not any(p.code != Code.D211 for p in problems):
                problems.append(TaskProblem(Code.D204, mismatch))
        located.append(LocatedTask(entry, i, t, deadline, problems, span))
    return located
