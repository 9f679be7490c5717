"""Run every registered check over a loaded repository."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..findings import Finding
from ..loader import Entry, Repository, gc_paused
from ..references import Graph, Index, Reference, resolve_all


@dataclass
class Context:
    repo: Repository
    as_of: dt.date
    index: Index
    refs: list[Reference]
    graph: Graph
    findings: list[Finding] = field(default_factory=list)
    # Keys and symbols of documents this view withholds (see visibility.public_context).
    withheld: frozenset[str] = frozenset()

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
    def _tasks(self) -> dict[str, list]:
        from ..tasks import locate

        return {e.key: locate(e) for e in self.repo.entries}

    def tasks_of(self, entry: Entry) -> list:
        """The document's tasks located in its text, deadlines understood (computed once per run)."""
        return self._tasks[entry.key]

    def refs_of(self, entry: Entry) -> list[Reference]:
        """The references a document makes (its citations and front matter relations)."""
        return self._refs_by_source.get(entry.key, [])

    def add(self, code: str, where: Entry | str, line: int | None, message: str,
            hint: str | None = None, subject: str | None = None) -> None:
        if isinstance(where, Entry):
            self.findings.append(Finding(code, where.path, line, message, hint, where.key, subject))
        else:
            self.findings.append(Finding(code, where, line, message, hint, None, subject))


CheckFn = Callable[[Context], None]
RUNNERS: list[CheckFn] = []


def runner(fn: CheckFn) -> CheckFn:
    RUNNERS.append(fn)
    return fn


@dataclass
class Result:
    context: Context
    findings: list[Finding]

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.acknowledged]


def build_context(repo: Repository, as_of: dt.date) -> Context:
    index = Index(repo)
    refs = resolve_all(repo, index)
    return Context(repo, as_of, index, refs, Graph(refs))


def run_checks(repo: Repository, as_of: dt.date) -> Result:
    from . import deadlines, documents, references  # noqa: F401  (registers the runners)

    with gc_paused():
        ctx = build_context(repo, as_of)
        ctx.findings.extend(repo.findings)
        for fn in RUNNERS:
            fn(ctx)
        findings = apply_acknowledgements(ctx)
    findings.sort(key=Finding.sort_key)
    return Result(ctx, findings)


def apply_acknowledgements(ctx: Context) -> list[Finding]:
    """Silence findings a document acknowledges; report acknowledgements that silence nothing."""
    used: set[tuple[str, int]] = set()
    for f in ctx.findings:
        entry = ctx.by_key.get(f.document) if f.document else None
        if entry is None:
            continue
        for i, ack in enumerate(entry.doc.acknowledgements):
            if ack.code == f.code and (ack.match is None or ack.match in f.message or ack.match == f.subject):
                f.acknowledged = ack.reason
                used.add((entry.key, i))
                break
    extra = []
    for entry in ctx.repo.entries:
        for i, ack in enumerate(entry.doc.acknowledgements):
            if (entry.key, i) not in used and ack.code != "D205":
                extra.append(Finding(
                    "M302", entry.path, entry.field_line("acknowledgements", i),
                    f"Ghi nhận mã {ack.code}" + (f" («{ack.match}»)" if ack.match else "") + " không khớp phát hiện nào.",
                    hint="Xóa ghi nhận này nếu lỗi đã được sửa, hoặc sửa «code»/«match».",
                    document=entry.key, subject=ack.code))
    return ctx.findings + extra
