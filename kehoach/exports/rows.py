"""The tasks every export lists: one row per task, with what the reader needs to act on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..checks import Context
from ..loader import Entry
from ..tasks import LocatedTask


@dataclass(frozen=True)
class TaskRow:
    entry: Entry
    located: LocatedTask

    @property
    def due(self) -> dt.date | None:
        return self.located.deadline.due if self.located.deadline else None

    @property
    def uid(self) -> str:
        """Stable across exports and edits of wording: the document key and the task id, nothing else."""
        return f"{self.entry.key}#{self.located.task.id}"


def task_rows(ctx: Context) -> list[TaskRow]:
    """Every task of every document in the view, in a fixed order (document key, then task order)."""
    return [TaskRow(e, lt) for e in sorted(ctx.repo.entries, key=lambda e: e.key) for lt in ctx.tasks_of(e)]


def page_url(entry: Entry, site_url: str | None) -> str:
    """The document's page: absolute when the site's address is known, else relative to the site root."""
    path = f"van-ban/{entry.key}/"
    return site_url.rstrip("/") + "/" + path if site_url else path


def unit_names(ctx: Context, entry: Entry, refs: list[str]) -> str:
    tree, names = ctx.repo.orgs, []
    for ref in refs:
        found = tree.find_unit(entry.doc.issuer, ref)
        names.append(ref if found is None else (found[1].name if found[1] else found[0].name))
    return "; ".join(names)
