"""Run every registered check over a loaded repository.

A check is a function of the resolved view that adds findings (registry.py); the check modules are
imported here, so importing the package registers them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Code, Finding, Severity
from ..model.load import gc_paused
from ..model.repository import ORGANIZATIONS_FILE, Repository
from ..model.view import View, build_view
from . import consistency, deadlines, documents, lifecycle, markup, references, reports  # noqa: F401  (importing a check module registers its checks)
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
        findings = suppress_consequences(repo, apply_acknowledgements(view, out.items))
    # organizations.yml first: when it is broken, its error is the one to fix before any other
    findings.sort(key=lambda f: (f.path != ORGANIZATIONS_FILE, *f.sort_key()))
    view.findings = findings
    return Result(view, findings)


# What an unreadable organisation tree makes every document report: no issuer, unit or citation can be found,
# and with no terms no document is archived, so every old task is past due.
FOLLOW_FROM_BROKEN_TREE = {Code.S004, Code.S005, Code.R101, Code.R102, Code.R112, Code.D205}


def suppress_consequences(repo: Repository, findings: list[Finding]) -> list[Finding]:
    """When organizations.yml cannot be read, its error is reported and the flood it causes is not (M303)."""
    broken = not repo.orgs.by_key and any(
        f.path == ORGANIZATIONS_FILE and f.severity == Severity.ERROR for f in findings
    )
    if not broken:
        return findings
    kept = [f for f in findings if f.path == ORGANIZATIONS_FILE or f.code not in FOLLOW_FROM_BROKEN_TREE]
    hidden = len(findings) - len(kept)
    if hidden:
        kept.append(
            Finding(
                Code.M303,
                ORGANIZATIONS_FILE,
                None,
                f"{hidden} phát hiện khác (tổ chức, đơn vị, trích dẫn, quá hạn) chỉ là hệ quả của lỗi trong "
                "organizations.yml nên chưa hiện.",
                hint="Sửa lỗi của organizations.yml trước rồi chạy lại kiểm tra.",
            )
        )
    return kept


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
