"""Every file of the repository's content, one test each: what a clerk's pull request must pass.

The test's name carries the file's path, so the summary of a failed run lists the files to fix; a failure
shows the checker's own Vietnamese findings (file:line, message, hint) and no Python assertion. A finding
only the calendar makes (a task past due at today's date) is a warning here, never a failure: the daily
report fails on it, and a pull request never turns red because a day has passed.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from helpers import ROOT

from kehoach.checks import Result, run_checks
from kehoach.cli.report import as_line, review_severity
from kehoach.findings import Finding, Severity
from kehoach.model.load import document_files, load_repository
from kehoach.model.repository import ORGANIZATIONS_FILE

TODAY = dt.date.today()


def content_files() -> list[str]:
    listed, _ = document_files(ROOT)
    return [ORGANIZATIONS_FILE] + [path.relative_to(ROOT).as_posix() for path, _, _ in listed]


@pytest.fixture(scope="module")
def result() -> Result:
    return run_checks(load_repository(ROOT), TODAY)


class PastDueWarning(UserWarning):
    """A finding the calendar made; shown in the warnings summary, never a failure."""


def report(path: str, found: list[Finding]) -> None:
    failures = [f for f in found if not f.code.calendar and f.severity in (Severity.ERROR, Severity.WARNING)]
    for f in found:
        if f.code.calendar:
            warnings.warn(PastDueWarning(as_line(f, review_severity(f))), stacklevel=2)
    if failures:
        lines = "\n".join(as_line(f) for f in failures)
        pytest.fail(f"{path}: {len(failures)} phát hiện cần sửa trước khi gộp:\n{lines}", pytrace=False)


@pytest.mark.parametrize("path", content_files())
def test_document_is_consistent(result: Result, path: str) -> None:
    report(path, [f for f in result.active if f.path == path])


def test_nothing_outside_the_documents_needs_fixing(result: Result) -> None:
    """A stray file in a content folder (S010) or a folder named like a document is reported too."""
    known = set(content_files())
    report("(ngoài các văn bản)", [f for f in result.active if f.path not in known])
