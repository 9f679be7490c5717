"""The tasks every export lists: one row per task, with what the reader needs to act on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.entry import Entry
from ..model.tasks import LocatedTask
from ..model.view import View


@dataclass(frozen=True)
class TaskRow:
    entry: Entry
    located: LocatedTask

    @property
    def due(self) -> dt.date | None:
        return self.located.due

    @property
    def uid(self) -> str:
        """Stable across exports and edits of wording: the document key and the task id, nothing else."""
        return f"{self.entry.key}#{self.located.task.id}"


def task_rows(view: View) -> list[TaskRow]:
    """Every task of every document in the view, in a fixed order (document key, then task order)."""
    return [TaskRow(e, lt) for e in sorted(view.repo.entries, key=lambda e: e.key) for lt in view.tasks_of(e)]


def unit_names(view: View, entry: Entry, refs: list[str]) -> str:
    return "; ".join(view.unit_name(entry, ref) for ref in refs)
