"""Run every registered check over a loaded repository.

A check is a function of the resolved view that adds findings (registry.py); the check modules are
imported here, so importing the package registers them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Code, Finding
from ..model.load import gc_paused
from ..model.repository import Repository
from ..model.view import View, build_view
from . import deadlines, documents, references  # noqa: F401  (importing a check module registers its checks)
from .registry import RUNNERS, Findings


@dataclass
class Result:
    view: View
    findings: list[Finding]

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.acknowledged]


def run_checks(repo: Repository, as_of: dt.date) -> Result:
    with gc_paused():
        view = build_view(repo, as_of)
        out = Findings()
        out.items.extend(repo.findings)
        for fn in RUNNERS:
            fn(view, out)
        findings = apply_acknowledgements(view, out.items)
    findings.sort(key=Finding.sort_key)
    view.findings = findings
    return Result(view, findings)


def apply_acknowledgements(view: View, found: list[Finding]) -> list[Finding]:
    """Silence findings a document acknowledges; report acknowledgements that silence nothing."""
    used: set[tuple[str, int]] = set()
    for f in found:
        entry = view.by_key.get(f.document) if f.document else None
        if entry is None:
            continue
        for i, ack in enumerate(entry.doc.acknowledgements):
            if ack.code == f.code and (ack.match is None or ack.match in f.message or ack.match == f.subject):
                f.acknowledged = ack.reason
                used.add((entry.key, i))
                break
    extra = []
    for entry in view.repo.entries:
        for i, ack in enumerate(entry.doc.acknowledgements):
            # a past-due acknowledgement waits for its deadline: silencing nothing yet is not a mistake
            if (entry.key, i) not in used and not _is_calendar(ack.code):
                extra.append(
                    Finding(
                        Code.M302,
                        entry.path,
                        entry.field_line("acknowledgements", i),
                        f"Ghi nhận mã {ack.code}"
                        + (f" («{ack.match}»)" if ack.match else "")
                        + " không khớp phát hiện nào.",
                        hint="Xóa ghi nhận này nếu lỗi đã được sửa, hoặc sửa «code»/«match».",
                        document=entry.key,
                        subject=ack.code,
                    )
                )
    return found + extra


def _is_calendar(code: str) -> bool:
    return code in Code.__members__ and Code(code).calendar
