"""Errors shown on a preview site: a banner on each broken document, a list of those without a page, and
a line on every page pointing to that list. The publishing build shows none of this: it refuses to build.

Only what the public view keeps is shown (see visibility.public_view); a finding whose message names a
withheld document is counted, not quoted.
"""

from __future__ import annotations

from ..findings import SEVERITY_VI, Finding, Severity
from ..model.view import View
from ..model.visibility import mentions_withheld
from .format import escape, href

ERRORS_PAGE = "loi.md"  # the list of every error, generated only when there is one


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings that stop a publishing build: errors nobody acknowledged."""
    return [f for f in findings if f.severity == Severity.ERROR and not f.acknowledged]


def finding_items(view: View, findings: list[Finding]) -> list[str]:
    """One Markdown list item per finding: where, what, how to fix it."""
    out = []
    for f in findings:
        if mentions_withheld(view, f"{f.message} {f.hint or ''}"):
            out.append(
                f"- `{f.location}` {f.code}: phát hiện liên quan tới một văn bản không công khai (xem `kehoach check`)."
            )
            continue
        hint = f" → {escape(f.hint)}" if f.hint else ""
        out.append(f"- `{f.location}` {SEVERITY_VI[f.severity]} **{f.code}**: {escape(f.message)}{hint}")
    return out


def document_banner(view: View, findings: list[Finding]) -> list[str]:
    """On top of a broken document's page in a preview: each of its errors."""
    if not findings:
        return []
    items = finding_items(view, findings)
    return (
        [f'!!! failure "Văn bản còn {len(findings)} lỗi — bản công khai chưa dựng được"', ""]
        + [f"    {line}" for line in items]
        + [""]
    )


def errors_page(view: View, total: int) -> str:
    """Every error this build may show, documents without a page first; the rest are counted."""
    shown = errors(view.findings)
    loaded = {e.key for e in view.repo.entries}
    no_page = [f for f in shown if f.document is not None and f.document not in loaded]
    others = [f for f in shown if f not in no_page]
    out = [
        "# Lỗi trong kho",
        "",
        f"Kho còn **{total}** lỗi. Bản xem trước vẫn được dựng để xem; bản công khai (`make site`) chỉ dựng được "
        "khi đã sửa hết, hoặc đã ghi nhận (`acknowledgements`) những lỗi đúng như bản gốc.",
        "",
    ]
    if no_page:
        out += ["## Văn bản không có trang (không đọc được phần đầu)", ""] + finding_items(view, no_page) + [""]
    if others:
        out += ["## Các lỗi khác", ""] + finding_items(view, others) + [""]
    if total > len(shown):
        out += [
            f"Còn {total - len(shown)} lỗi thuộc văn bản không công khai hoặc không xác định được độ mật: "
            "xem bằng `kehoach check`.",
            "",
        ]
    return "\n".join(out)


def preview_banner(page: str, total: int) -> str:
    """The line on every page of a preview with errors, linking to the list."""
    return (
        f'!!! failure "Bản xem trước: kho còn {total} lỗi"\n\n'
        f"    Bản công khai chưa dựng được. [Xem danh sách lỗi]({href(page, ERRORS_PAGE)}).\n\n"
    )
