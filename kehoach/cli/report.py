"""Render findings as text for people, JSON for tools, GitHub annotation lines or a GitLab Code Quality report."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from ..findings import SEVERITY_ORDER, SEVERITY_VI, Code, Finding, Severity


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings if not f.acknowledged)
    return {s: counts.get(s, 0) for s in SEVERITY_ORDER} | {"acknowledged": sum(1 for f in findings if f.acknowledged)}


def as_line(f: Finding, severity: Severity | None = None) -> str:
    """One finding as a person reads it: «tệp:dòng: lỗi R103: …», its hint on the next line."""
    mark = " [đã ghi nhận]" if f.acknowledged else ""
    text = f"{f.location}: {SEVERITY_VI[severity or f.severity]} {f.code}{mark}: {f.message}"
    return text + (f"\n    → {f.hint}" if f.hint else "")


def as_text(findings: list[Finding], show_acknowledged: bool = False) -> str:
    lines = []
    for f in findings:
        if f.acknowledged and not show_acknowledged:
            continue
        lines.append(as_line(f))
        if f.acknowledged and show_acknowledged:
            lines.append(f"    ✓ {f.acknowledged}")
    s = summary(findings)
    lines.append(
        f"Tổng cộng: {s['error']} lỗi, {s['warning']} cảnh báo, {s['info']} thông tin"
        + (f"; {s['acknowledged']} phát hiện đã được ghi nhận." if s["acknowledged"] else ".")
    )
    return "\n".join(lines)


def as_json(findings: list[Finding], as_of: str) -> str:
    return json.dumps(
        {"as_of": as_of, "summary": summary(findings), "findings": [f.as_dict() for f in findings]},
        ensure_ascii=False,
        indent=2,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def review_severity(f: Finding) -> Severity:
    """The severity a pull request shows: what only the calendar made (past due) is at most a warning."""
    return Severity.WARNING if f.code.calendar and f.severity == Severity.ERROR else f.severity


def as_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: each finding annotates its file and line in a pull request."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in findings:
        if f.acknowledged:
            continue
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape_property(f.code + ' ' + f.title)}")
        message = f.message + (f" → {f.hint}" if f.hint else "")
        out.append(f"::{level[review_severity(f)]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(out)


# GitLab's Code Quality widget knows five severities; an error blocks, a warning asks for a look.
_CODE_QUALITY_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}


def as_gitlab(findings: list[Finding]) -> str:
    """A GitLab Code Quality report (a JSON array): findings shown on the merge request's changed lines.

    The fingerprint names the finding, not its line, so an edit above it does not make it «new»; the same
    finding twice in one file is told apart by its order."""
    issues = []
    seen: Counter[str] = Counter()
    for f in findings:
        if f.acknowledged:
            continue
        key = "\0".join((f.path, f.code.value, f.subject or "", f.message))
        seen[key] += 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]
        issues.append(
            {
                "description": f"{f.code} {f.message}" + (f" → {f.hint}" if f.hint else ""),
                "check_name": f.code.value,
                "fingerprint": fingerprint,
                "severity": _CODE_QUALITY_SEVERITY[review_severity(f)],
                "location": {"path": f.path, "lines": {"begin": f.line or 1}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(findings: list[Finding], as_of: str) -> str:
    """A Markdown report for a job summary: past-due tasks first, then everything else by severity."""
    active = [f for f in findings if not f.acknowledged]
    overdue = [f for f in active if f.code in (Code.D205, Code.D213)]
    rest = [f for f in active if f.code not in (Code.D205, Code.D213)]
    s = summary(findings)
    out = [
        f"## Báo cáo kiểm tra kho văn bản — ngày {as_of}",
        "",
        f"**{len(overdue)}** nhiệm vụ quá hạn · **{s['error']}** lỗi · **{s['warning']}** cảnh báo · "
        f"**{s['info']}** thông tin · {s['acknowledged']} phát hiện đã ghi nhận.",
        "",
    ]
    for title, group in (("Nhiệm vụ quá hạn, báo cáo chưa gửi", overdue), ("Các phát hiện khác", rest)):
        out += [f"### {title}", ""]
        if not group:
            out += ["Không có.", ""]
            continue
        out += ["| Mã | Mức | Tệp:dòng | Nội dung | Cách sửa |", "|---|---|---|---|---|"]
        out += [
            f"| {f.code} | {SEVERITY_VI[f.severity]} | `{f.location}` | {_cell(f.message)} | {_cell(f.hint or '')} |"
            for f in group
        ]
        out.append("")
    return "\n".join(out)
