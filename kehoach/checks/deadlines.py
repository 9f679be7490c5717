"""Checks on dates and deadlines: impossible days, uncaptured deadlines, past due, ordering."""

from __future__ import annotations

import datetime as dt

from ..dates import DateError, make_date, parts, vn_short
from ..lifecycle import is_archived
from ..tasks import LocatedTask
from . import Context, runner


def stated_day(lt: LocatedTask) -> dt.date | None:
    """The day the words name ("trước ngày 20/3" names 20/3, due the day before)."""
    d = lt.deadline
    if d is None or d.due is None:
        return None
    return d.due + dt.timedelta(days=1) if d.kind == "before" else d.due


@runner
def impossible_dates(ctx: Context) -> None:
    for e in ctx.repo.entries:
        for m in e.written_dates:
            day, month, year = parts(m)
            try:
                make_date(day, month, year)
            except DateError as err:
                ctx.add("D201", e, e.file_line(m.start()), f"«{m.group(0)}»: {err}.",
                        hint="Kiểm tra lại ngày với bản gốc.", subject=m.group(0))


@runner
def task_text(ctx: Context) -> None:
    for e in ctx.repo.entries:
        tasks = ctx.tasks_of(e)
        for lt in tasks:
            if lt.error:
                code = "D201" if "không tồn tại" in lt.error else "D204"
                ctx.add(code, e, lt.line, f"Nhiệm vụ «{lt.task.id}»: {lt.error}.",
                        hint="Chép đúng lời văn bản (bỏ dấu * in đậm/nghiêng) vào «deadline»/«quote».", subject=lt.task.id)
            day = stated_day(lt)
            if day and e.doc.date and day < e.doc.date:
                ctx.add("D202", e, lt.line,
                        f"Nhiệm vụ «{lt.task.id}» có thời hạn {vn_short(day)}, trước ngày ban hành {vn_short(e.doc.date)}.",
                        hint="Kiểm tra lại năm của thời hạn hoặc ngày ban hành.", subject=lt.task.id)
        spans = [lt.span for lt in tasks if lt.span]
        for start, end, words in e.deadline_phrases:
            if not any(s < end and start < t for s, t in spans):
                ctx.add("D203", e, e.file_line(start),
                        f"Thời hạn «{words}» trong văn bản chưa được ghi thành nhiệm vụ.",
                        hint="Thêm một mục trong «tasks» với «deadline» đúng lời văn bản (và «quote» nếu lời đó lặp lại).",
                        subject=words)


@runner
def past_due(ctx: Context) -> None:
    for e in ctx.repo.entries:
        if is_archived(e, ctx.repo.orgs, ctx.as_of):
            continue
        for lt in ctx.tasks_of(e):
            late = lt.overdue_days(ctx.as_of)
            if late:
                ctx.add("D205", e, lt.line,
                        f"Nhiệm vụ «{lt.task.title}» ({lt.deadline.text}) quá hạn {late} ngày tính đến {vn_short(ctx.as_of)}.",
                        hint="Khi đã xong, ghi «status: done» và «done_on: NĂM-THÁNG-NGÀY».", subject=lt.task.id)


@runner
def ordering(ctx: Context) -> None:
    by_id = {e.key: {lt.task.id: lt for lt in ctx.tasks_of(e)} for e in ctx.repo.entries}
    for e in ctx.repo.entries:
        mine = by_id[e.key]
        for lt in mine.values():
            due = lt.deadline.due if lt.deadline else None
            if due is None:
                continue
            for dep in lt.task.depends_on:
                other = mine.get(dep)
                if other and other.deadline and other.deadline.due and other.deadline.due > due:
                    ctx.add("D207", e, lt.line,
                            f"Nhiệm vụ «{lt.task.id}» ({lt.deadline.text}) phải xong trước khi «{dep}» ({other.deadline.text}) xong.",
                            hint="Kiểm tra lại trình tự thời hạn; nếu lời văn bản đúng như vậy, thêm ghi nhận mã D207.",
                            subject=lt.task.id)
            if lt.task.parent:
                key, _, tid = lt.task.parent.partition("#")
                parent = by_id.get(key, {}).get(tid)
                if parent and parent.deadline and parent.deadline.due and due > parent.deadline.due:
                    ctx.add("D206", e, lt.line,
                            f"Nhiệm vụ «{lt.task.id}» ({lt.deadline.text}) muộn hơn nhiệm vụ cấp trên «{lt.task.parent}» ({parent.deadline.text}).",
                            hint="Thời hạn của kế hoạch cấp dưới không được muộn hơn kế hoạch cấp trên.", subject=lt.task.id)
