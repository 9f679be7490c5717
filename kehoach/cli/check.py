"""`kehoach check`: every finding, as text, JSON, GitHub annotations or a Markdown report."""

from __future__ import annotations

import argparse
import datetime as dt

from ..checks import run_checks
from ..findings import Code, Finding, Severity
from ..model.load import load_repository
from .repo_root import require_repository
from .report import as_github, as_json, as_markdown, as_text


def failed(findings: list[Finding], fail_on: str) -> bool:
    for f in findings:
        if f.acknowledged:
            continue
        if f.severity == Severity.ERROR:
            return True
        if fail_on == "overdue" and f.code == Code.D205:
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
    if args.format == "json":
        print(as_json(findings, as_of.isoformat()))
    elif args.format == "markdown":
        print(as_markdown(findings, as_of.isoformat()))
    elif args.format == "github":
        text = as_github(findings)
        if text:
            print(text)
    else:
        print(as_text(findings, args.show_acknowledged))
    return 1 if failed(findings, args.fail_on) else 0
