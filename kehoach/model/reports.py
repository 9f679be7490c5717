"""Reports fulfil tasks: a document (a *Báo cáo*) that says which task it answers (`fulfils:
khóa-văn-bản#mã-nhiệm-vụ`, addressed as `parent` addresses tasks) is the evidence that the task was done.

A task is done by evidence, its `done_on` the report's date, unless a person wrote its status. A task asked
of every base organisation (its owner or `applies_to` is the issuer's unit of kind `subordinates`, as
«tccs») is answered organisation by organisation: each organisation listed under the issuer in
organizations.yml has reported on time, late, or not yet; the task is done when all of them have reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .entry import Entry
from .orgs import OrgTree
from .schema import Organization, Task

ReportState = Literal["on_time", "late", "missing", "pending"]
STATE_LABELS: dict[ReportState, str] = {
    "on_time": "đã báo cáo đúng hạn",
    "late": "báo cáo muộn",
    "missing": "chưa báo cáo (đã quá hạn)",
    "pending": "chưa báo cáo (chưa tới hạn)",
}


@dataclass(frozen=True)
class Answer:
    report: Entry
    index: int  # position in the report's `fulfils` list, for its line

    @property
    def on(self) -> dt.date | None:
        return self.report.doc.date


def address(text: str) -> tuple[str, str]:
    key, _, task = text.strip().partition("#")
    return key.strip(), task.strip()


def answers_by_task(entries: list[Entry], as_of: dt.date) -> dict[tuple[str, str], list[Answer]]:
    """(document key, task id) -> the reports answering it, issued by `as_of`, earliest first."""
    found: dict[tuple[str, str], list[Answer]] = {}
    for e in entries:
        if e.doc.date is not None and e.doc.date > as_of:
            continue  # a report dated in the future is not evidence yet
        for i, text in enumerate(e.doc.fulfils):
            found.setdefault(address(text), []).append(Answer(e, i))
    for answers in found.values():
        answers.sort(key=lambda a: (a.on or dt.date.max, a.report.key))
    return found


def asked_of_subordinates(task: Task, issuer: str, tree: OrgTree) -> bool:
    org = tree.get(issuer)
    collective = {u.key for u in org.units if u.kind == "subordinates"} if org else set()
    return bool(collective & {*task.owner, *task.applies_to})


@dataclass(frozen=True)
class OrgReport:
    org: Organization
    answer: Answer | None
    state: ReportState

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def per_organisation(
    answers: list[Answer], subordinates: list[Organization], due: dt.date | None, as_of: dt.date
) -> list[OrgReport]:
    """How each subordinate organisation stands on one task."""
    rows = []
    for org in subordinates:
        mine = next((a for a in answers if a.report.doc.issuer == org.key), None)
        if mine is not None:
            late = due is not None and mine.on is not None and mine.on > due
            rows.append(OrgReport(org, mine, "late" if late else "on_time"))
        else:
            rows.append(OrgReport(org, None, "missing" if due is not None and due < as_of else "pending"))
    return rows


def by_evidence(task: Task, answers: list[Answer], rows: list[OrgReport] | None) -> Task:
    """The task as the reports show it. What a person wrote (a status other than open, a `done_on`) stands."""
    if task.status != "open" or task.done_on is not None or not answers:
        return task
    if rows is not None:  # asked of every subordinate organisation: done when all have reported
        if not rows or any(r.answer is None for r in rows):
            return task
        days = [r.answer.on for r in rows if r.answer is not None and r.answer.on is not None]
    else:
        days = [a.on for a in answers if a.on is not None]
    if not days:
        return task
    return task.model_copy(update={"status": "done", "done_on": max(days) if rows is not None else min(days)})
