"""The registry of checks: each is a function of the resolved view that adds findings."""

from __future__ import annotations

from collections.abc import Callable

from ..findings import Code, Finding
from ..model.entry import Entry
from ..model.view import View


class Findings:
    """Where the checks put what they find."""

    def __init__(self) -> None:
        self.items: list[Finding] = []

    def add(
        self,
        code: Code,
        where: Entry | str,
        line: int | None,
        message: str,
        hint: str | None = None,
        subject: str | None = None,
    ) -> None:
        if isinstance(where, Entry):
            self.items.append(Finding(code, where.path, line, message, hint, where.key, subject))
        else:
            self.items.append(Finding(code, where, line, message, hint, None, subject))


CheckFn = Callable[[View, Findings], None]
RUNNERS: list[CheckFn] = []


def runner(fn: CheckFn) -> CheckFn:
    RUNNERS.append(fn)
    return fn
