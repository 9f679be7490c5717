"""`kehoach check`: every finding, as text, JSON, GitHub annotations or a Markdown report."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..checks import run_checks
from ..findings import Code, Finding, Severity
from ..model.load import load_repository
from .repo_root import require_repository
from .report import as_github, as_gitlab, as_json, as_markdown, as_text

# What the daily report (`--fail-on overdue`) fails on: work not done in time. The other findings the calendar
# makes (a term ended with work open) it lists without failing.
LATE_WORK = {Code.D205, Code.D213}


def failed(findings: list[Finding], fail_on: str) -> bool:
    """Whether the run fails. A finding that only the calendar makes (a task past due) fails only the daily
    report (`--fail-on overdue`): a pull request is never red because a day has passed."""
    for f in findings:
        if f.acknowledged:
            continue
        if f.code.calendar:
            if fail_on == "overdue" and (f.code in LATE_WORK or f.severity == Severity.ERROR):
                return True
            continue
        if f.severity == Severity.ERROR:
            return True
        if fail_on == "warning" and f.severity == Severity.WARNING:
            return True
    return False


def run(args: argparse.Namespace) -> int:
    if not require_repository(args.root):
        return 2
    as_of = args.as_of or dt.date.today()
    result = run_checks(load_repository(args.root, cache=not args.no_cache), as_of)
    findings = result.findings
    if args.files is not None:  # pre-commit passes the changed files, relative to the working directory
        root = args.root.resolve()
        wanted = set()
        for f in args.files:
            try:
                wanted.add(f.resolve().relative_to(root).as_posix())
            except ValueError:
                continue
        findings = [f for f in findings if f.path in wanted]
    report = render(findings, args.format, as_of, args.show_acknowledged)
    if args.output is not None:
        # a report for a tool goes to its file; the person reading the job log still sees the findings
        try:
            write_report(args.output, report)
        except OSError as err:
            print(f"kehoach: không ghi được báo cáo vào «{args.output}»: {err.strerror or err}.", file=sys.stderr)
            return 2
        if args.format != "text":
            print(as_text(findings))
    elif report:
        print(report)
    return 1 if failed(findings, args.fail_on) else 0


def render(findings: list[Finding], form: str, as_of: dt.date, show_acknowledged: bool = False) -> str:
    if form == "json":
        return as_json(findings, as_of.isoformat())
    if form == "markdown":
        return as_markdown(findings, as_of.isoformat())
    if form == "github":
        return as_github(findings)
    if form == "gitlab":
        return as_gitlab(findings)
    return as_text(findings, show_acknowledged)


def write_report(path: Path, text: str) -> None:
    """Write the whole report or nothing: a tool must never read half a JSON file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(text + "\n", encoding="utf-8")
    partial.replace(path)
