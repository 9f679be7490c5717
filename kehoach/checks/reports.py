"""Checks on reports: what a report says it fulfils exists (S007), a subordinate organisation has not
reported a task already due (D213, calendar), a report came after the deadline (D214)."""

from __future__ import annotations

from ..findings import Code
from ..model.reports import address
from ..model.view import View
from ..text.dates import vn_short
from .registry import Findings, runner


@runner
def fulfils_targets(view: View, out: Findings) -> None:
    tasks = view.task_ids
    for e in view.repo.entries:
        for i, text in enumerate(e.doc.fulfils):
            key, tid = address(text)
            if key in tasks and tid in tasks[key]:
                continue
            what = (
                f"văn bản «{key}» không có nhiệm vụ «{tid}»"
                if key in tasks
                else f"không có văn bản khóa «{key}» trong kho"
            )
            out.add(
                Code.S007,
                e,
                e.field_line("fulfils", i) or e.field_line("fulfils"),
                f"«fulfils: {text}»: {what}.",
                hint="Ghi «fulfils» dạng khóa-văn-bản#mã-nhiệm-vụ, ví dụ duk-hanoi-dh/kh-90-2023#co-so-so-ket "
                "(khóa là đường dẫn tệp bỏ plans/, outlines/, resolutions/ và .md; mã nhiệm vụ là «id» trong «tasks»).",
                subject=text,
            )


@runner
def subordinate_reports(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        archived = view.archived(e)
        for lt in view.tasks_of(e):
            rows = view.reports_of(lt)
            if rows is None:
                continue
            for row in rows:
                if row.answer is not None and row.state == "late" and lt.due is not None and row.answer.on:
                    report = row.answer.report
                    out.add(
                        Code.D214,
                        report,
                        report.field_line("fulfils", row.answer.index) or report.field_line("date"),
                        f"Báo cáo ngày {vn_short(row.answer.on)} cho nhiệm vụ «{lt.task.title}» của "
                        f"{view.heading(e)} muộn hơn thời hạn «{lt.task.deadline}».",
                        hint="Đúng là báo cáo muộn thì để nguyên; gõ nhầm ngày thì sửa «date:» của báo cáo.",
                        subject=f"{e.key}#{lt.task.id}",
                    )
                if row.state == "missing" and lt.task.status == "open" and not archived and lt.due is not None:
                    out.add(
                        Code.D213,
                        e,
                        lt.line or e.field_line("tasks", lt.index),
                        f"{row.org.name} chưa báo cáo nhiệm vụ «{lt.task.title}» (thời hạn «{lt.task.deadline}», "
                        f"đã quá {(view.as_of - lt.due).days} ngày).",
                        hint="Khi có báo cáo, thêm văn bản báo cáo (loại BC) của tổ chức đó với "
                        f"«fulfils: {e.key}#{lt.task.id}».",
                        subject=f"{lt.task.id}@{row.org.key}",
                    )
