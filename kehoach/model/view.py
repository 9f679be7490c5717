"""The resolved view of a repository: every citation resolved, the relation graph, tasks located.

Checks, site pages, exports and macros all read this one object (per audience: see visibility.py),
so none of them resolves, locates or names anything again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..findings import Finding
from .entry import Entry
from .history import History, load_history
from .lifecycle import Lifecycle
from .orgs import OrgTree
from .references import Graph, Index, Reference, resolve_all
from .reports import Answer, OrgReport, answers_by_task, asked_of_subordinates, by_evidence, per_organisation
from .repository import Repository
from .review import Suspect, suspects
from .tasks import LocatedTask, locate


@dataclass
class View:
    repo: Repository
    as_of: dt.date
    index: Index
    refs: list[Reference]
    graph: Graph
    findings: list[Finding] = field(default_factory=list)  # what the checks found, acknowledgements applied
    # Keys and symbols of documents this view withholds (see visibility.public_view).
    withheld: frozenset[str] = frozenset()

    @property
    def tree(self) -> OrgTree:
        return self.repo.orgs

    @cached_property
    def by_key(self) -> dict[str, Entry]:
        return {e.key: e for e in self.repo.entries}

    @cached_property
    def _refs_by_source(self) -> dict[str, list[Reference]]:
        grouped: dict[str, list[Reference]] = defaultdict(list)
        for ref in self.refs:
            grouped[ref.source.key].append(ref)
        return grouped

    @cached_property
    def _tasks(self) -> dict[str, list[LocatedTask]]:
        return {e.key: [self._with_evidence(lt) for lt in locate(e)] for e in self.repo.entries}

    @cached_property
    def task_ids(self) -> dict[str, set[str]]:
        """Document key -> the ids of its tasks: what `parent` and `fulfils` addresses (key#id) may name."""
        return {e.key: {t.id for t in e.doc.tasks} for e in self.repo.entries}

    @cached_property
    def answers(self) -> dict[tuple[str, str], list[Answer]]:
        """(document key, task id) -> the reports that answer the task (kehoach/model/reports.py)."""
        return answers_by_task(self.repo.entries, self.as_of)

    def reports_of(self, lt: LocatedTask) -> list[OrgReport] | None:
        """For a task asked of every subordinate organisation (and some are listed): how each stands."""
        issuer = lt.entry.doc.issuer
        if not asked_of_subordinates(lt.task, issuer, self.tree):
            return None
        subordinates = self.tree.children(issuer)
        if not subordinates:
            return None
        return per_organisation(self.answers.get((lt.entry.key, lt.task.id), []), subordinates, lt.due, self.as_of)

    def _with_evidence(self, lt: LocatedTask) -> LocatedTask:
        answers = self.answers.get((lt.entry.key, lt.task.id))
        if not answers:
            return lt
        task = by_evidence(lt.task, answers, self.reports_of(lt))
        return lt if task is lt.task else replace(lt, task=task)

    @cached_property
    def lifecycle(self) -> Lifecycle:
        """Force and currency of every document at the view's date (kehoach/model/lifecycle.py)."""
        finished = {}
        for e in self.repo.entries:
            states = [lt.task.status for lt in self.tasks_of(e)]
            finished[e.key] = bool(states) and "open" not in states and "done" in states
        return Lifecycle(self.tree, self.refs, finished, self.as_of)

    @cached_property
    def history(self) -> History:
        """The repository's git history, read once (empty outside a checkout)."""
        return load_history(self.repo.root)

    @cached_property
    def suspects(self) -> list[Suspect]:
        """Followed documents changed since they were last checked against (kehoach/model/review.py)."""
        return suspects(self.refs, self.lifecycle.acted, self.history, self.tree)

    def archived(self, entry: Entry) -> bool:
        """The one rule for «lưu trữ»: the checker, every page and every export ask this."""
        return self.lifecycle.archived(entry)

    def archive_day(self, entry: Entry) -> dt.date | None:
        """The day the same rule archives a document current at the view's date (for a page read later)."""
        return self.lifecycle.archive_day(entry)

    def tasks_of(self, entry: Entry) -> list[LocatedTask]:
        """The document's tasks located in its text, deadlines understood (computed once per view)."""
        return self._tasks[entry.key]

    def all_tasks(self) -> list[LocatedTask]:
        return [lt for e in self.repo.entries for lt in self.tasks_of(e)]

    def refs_of(self, entry: Entry) -> list[Reference]:
        """The references a document makes (its citations and front matter relations)."""
        return self._refs_by_source.get(entry.key, [])

    # --- derived facts, named once for every layer -------------------------------------------------

    def symbol(self, entry: Entry) -> str | None:
        return entry.symbol(self.tree)

    def heading(self, entry: Entry) -> str:
        return entry.heading(self.tree)

    def unit_name(self, entry: Entry, ref: str) -> str:
        """Display name of a task's owner reference, seen from the document's issuer."""
        return self.tree.unit_name(entry.doc.issuer, ref)


def build_view(repo: Repository, as_of: dt.date) -> View:
    index = Index(repo)
    refs = resolve_all(repo, index)
    return View(repo, as_of, index, refs, Graph(refs))
