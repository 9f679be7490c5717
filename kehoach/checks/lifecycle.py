"""Checks on the life of documents: work left open when a term ended (D212), a carried-forward term that
does not exist (S002)."""

from __future__ import annotations

from ..findings import Code
from ..model.view import View
from ..text.dates import vn_short
from .registry import Findings, runner


@runner
def carried_forward(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        name = e.doc.carried_forward
        if not name:
            continue
        org = view.tree.get(e.doc.issuer)
        later = view.tree.term_by_id(e.doc.issuer, name)
        own = view.lifecycle.term_ended(e) or None
        if later is None or (own is not None and later.first_day <= own.first_day):
            known = ", ".join(t.id for t in org.terms) if org and org.terms else "chưa khai báo nhiệm kỳ nào"
            out.add(
                Code.S002,
                e,
                e.field_line("carried_forward"),
                f"«carried_forward: {name}» không phải một nhiệm kỳ sau của {view.tree.label(e.doc.issuer)} "
                f"(các nhiệm kỳ: {known}).",
                hint="Ghi mã của nhiệm kỳ sau (khai báo trong «terms» của tổ chức trong organizations.yml).",
                subject=name,
            )


@runner
def open_work_after_the_term(view: View, out: Findings) -> None:
    """A plan archived by its term's end while what it implements is still in force: its open tasks are
    neither done nor carried on; say so once, so it is closed or carried forward rather than forgotten."""
    life = view.lifecycle
    for e in view.repo.entries:
        if not life.effect(e).in_force or not life.archived_by_term(e):
            continue
        still = life.implemented_in_force(e)
        open_tasks = [lt for lt in view.tasks_of(e) if lt.task.status == "open"]
        if not still or not open_tasks:
            continue
        term = life.term_ended(e)
        assert term is not None
        names = ", ".join(t.heading(view.tree) for t in still[:3])
        out.add(
            Code.D212,
            e,
            e.field_line("tasks") or 1,
            f"Nhiệm kỳ {term.label} đã kết thúc ({vn_short(term.last_day)}), văn bản còn {len(open_tasks)} nhiệm vụ "
            f"đang mở, trong khi văn bản nó thực hiện ({names}) vẫn còn hiệu lực.",
            hint="Nhiệm vụ đã xong hoặc thôi làm: ghi «status: done» (kèm «done_on») hoặc «status: cancelled». "
            "Còn thực hiện tiếp: ghi «carried_forward: MÃ-NHIỆM-KỲ» (nhiệm kỳ mới trong organizations.yml).",
            subject=e.key,
        )


@runner
def suspect_links(view: View, out: Findings) -> None:
    """R113: a followed document changed (tasks, deadlines, targets, validity; amended, replaced, repealed)
    since the follower was last checked against it."""
    for s in view.suspects:
        since = (
            f"lần xem lại ngày {vn_short(s.reviewed.date)}"
            if s.reviewed is not None
            else "khi văn bản này được ban hành và đưa vào kho"
        )
        what = "; ".join(s.changes[:4]) + (f"; và {len(s.changes) - 4} thay đổi khác" if len(s.changes) > 4 else "")
        out.add(
            Code.R113,
            s.follower,
            s.ref.where(),
            f"«{s.upstream.heading(view.tree)}» đã thay đổi kể từ {since}" + (f": {what}." if what else "."),
            hint=f"Đối chiếu văn bản này với {s.upstream.heading(view.tree)}; sửa nếu cần, rồi chạy "
            f"«kehoach review {s.follower.path}» để ghi nhận đã xem lại.",
            subject=s.ref.symbol,
        )
