"""Checks on dates and deadlines: impossible days, uncaptured deadlines, past due, ordering."""

from __future__ import annotations

import datetime as dt

from ..findings import Code
from ..model.tasks import LocatedTask
from ..model.view import View
from ..text.dates import DateError, make_date, vn_short
from .registry import Findings, runner

_TASK_HINTS = {
    Code.D201: "Kiểm tra lại ngày với bản gốc.",
    Code.D204: "Chép đúng lời văn bản (bỏ dấu * in đậm/nghiêng) vào «deadline»/«quote».",
    Code.D211: "Nếu bản gốc đúng như vậy, thêm ghi nhận mã D211 với lý do; nếu là năm khác, ghi rõ trong «notes».",
}


def stated_day(lt: LocatedTask) -> dt.date | None:
    """The day the words name ("trước ngày 20/3" names 20/3, due the day before)."""
    d = lt.deadline
    if d is None or d.due is None:
        return None
    return d.due + dt.timedelta(days=1) if d.kind == "before" else d.due


@runner
def impossible_dates(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        for written in e.written_dates:
            try:
                make_date(written.day, written.month, written.year)
            except DateError as err:
                out.add(
                    Code.D201,
                    e,
                    e.file_line(written.start),
                    f"«{written.text}»: {err}.",
                    hint="Kiểm tra lại ngày với bản gốc.",
                    subject=written.text,
                )


@runner
def task_text(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        tasks = view.tasks_of(e)
        for lt in tasks:
            for problem in lt.problems:
                out.add(
                    problem.code,
                    e,
                    lt.line,
                    f"Nhiệm vụ «{lt.task.id}»: {problem.message}.",
                    hint=_TASK_HINTS[problem.code],
                    subject=lt.task.id,
                )
            day = stated_day(lt)
            if day and e.doc.date and day < e.doc.date:
                out.add(
                    Code.D202,
                    e,
                    lt.line,
                    f"Nhiệm vụ «{lt.task.id}» có thời hạn {vn_short(day)}, trước ngày ban hành {vn_short(e.doc.date)}.",
                    hint="Kiểm tra lại năm của thời hạn hoặc ngày ban hành.",
                    subject=lt.task.id,
                )
        spans = [lt.span for lt in tasks if lt.span]
        for start, end, words in e.deadline_phrases:
            if not any(s < end and start < t for s, t in spans):
                out.add(
                    Code.D203,
                    e,
                    e.file_line(start),
                    f"Thời hạn «{words}» trong văn bản chưa được ghi thành nhiệm vụ.",
                    hint="Thêm một mục trong «tasks» với «deadline» đúng lời văn bản (và «quote» nếu lời đó lặp lại).",
                    subject=words,
                )


@runner
def past_due(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        if view.archived(e):
            continue
        for lt in view.tasks_of(e):
            late = lt.overdue_days(view.as_of)
            if late and view.reports_of(lt) is None:  # asked of each subordinate: D213 names who is late
                out.add(
                    Code.D205,
                    e,
                    lt.line,
                    f"Nhiệm vụ «{lt.task.title}» ({lt.task.deadline}) quá hạn {late} ngày tính đến {vn_short(view.as_of)}.",
                    hint="Khi đã xong, ghi «status: done» và «done_on: NĂM-THÁNG-NGÀY».",
                    subject=lt.task.id,
                )


@runner
def ordering(view: View, out: Findings) -> None:
    by_id = {e.key: {lt.task.id: lt for lt in view.tasks_of(e)} for e in view.repo.entries}
    for e in view.repo.entries:
        mine = by_id[e.key]
        for lt in mine.values():
            due = lt.due
            if due is None:
                continue
            for dep in lt.task.depends_on:
                other = mine.get(dep)
                if other and other.due and other.due > due:
                    out.add(
                        Code.D207,
                        e,
                        lt.line,
                        f"Nhiệm vụ «{lt.task.id}» ({lt.task.deadline}) phải xong trước khi «{dep}» ({other.task.deadline}) xong.",
                        hint="Kiểm tra lại trình tự thời hạn; nếu lời văn bản đúng như vậy, thêm ghi nhận mã D207.",
                        subject=lt.task.id,
                    )
            if lt.task.parent:
                key, _, tid = lt.task.parent.partition("#")
                parent = by_id.get(key, {}).get(tid)
                if parent and parent.due and due > parent.due:
                    out.add(
                        Code.D206,
                        e,
                        lt.line,
                        f"Nhiệm vụ «{lt.task.id}» ({lt.task.deadline}) muộn hơn nhiệm vụ cấp trên «{lt.task.parent}» ({parent.task.deadline}).",
                        hint="Thời hạn của kế hoạch cấp dưới không được muộn hơn kế hoạch cấp trên.",
                        subject=lt.task.id,
                    )


@runner
def done_tasks(view: View, out: Findings) -> None:
    """A task marked done says when (D209), on a day that can be true: after the document, before today (D210)."""
    for e in view.repo.entries:
        for i, t in enumerate(e.doc.tasks):
            if t.status == "done" and t.done_on is None:
                empty = e.field_line("tasks", i, "done_on")  # «done_on:» written but left empty
                line = empty if empty != e.field_line("tasks", i) else e.field_line("tasks", i, "status")
                out.add(
                    Code.D209,
                    e,
                    line,
                    f"Nhiệm vụ «{t.id}» ghi «status: done» nhưng chưa có ngày xong.",
                    hint="Thêm «done_on: NĂM-THÁNG-NGÀY» (ngày hoàn thành thật) dưới «status: done».",
                    subject=t.id,
                )
            if t.done_on is None:
                continue
            if e.doc.date and t.done_on < e.doc.date:
                out.add(
                    Code.D209,
                    e,
                    e.field_line("tasks", i, "done_on"),
                    f"Nhiệm vụ «{t.id}» xong ngày {vn_short(t.done_on)}, trước ngày ban hành văn bản "
                    f"({vn_short(e.doc.date)}).",
                    hint="Kiểm tra lại năm, tháng của «done_on».",
                    subject=t.id,
                )
            if t.done_on > view.as_of:
                out.add(
                    Code.D210,
                    e,
                    e.field_line("tasks", i, "done_on"),
                    f"Nhiệm vụ «{t.id}» ghi ngày xong {vn_short(t.done_on)}, sau ngày xét {vn_short(view.as_of)}.",
                    hint="Ngày xong không thể ở tương lai: kiểm tra lại «done_on».",
                    subject=t.id,
                )
