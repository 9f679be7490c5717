"""Checks on document metadata: identity, organisations, units, tasks, missing information."""

from __future__ import annotations

import difflib
from collections import defaultdict

from ..findings import Code
from ..model.references import number_int
from ..model.view import View
from ..text.doctypes import DOC_TYPES, canonical_type, expected_name, type_name
from ..text.unicode import fold
from .registry import Findings, runner


@runner
def identity(view: View, out: Findings) -> None:
    seen: dict[str, str] = {}
    for e in view.repo.entries:
        if e.key in seen:
            out.add(
                Code.S003,
                e,
                1,
                f"Khóa «{e.key}» trùng với {seen[e.key]}.",
                hint="Đổi tên một trong hai tệp.",
                subject=e.key,
            )
        else:
            seen[e.key] = e.path
    # Numbers restart each term, so a number may recur across terms but not within one.
    same: dict[tuple, list] = defaultdict(list)
    for e in view.repo.entries:
        n = number_int(e.doc.number)
        if n is None:
            continue
        term = view.index.term_id(e.doc.issuer, e.doc.date) or e.doc.term
        same[(e.doc.issuer, e.issuer_code(view.tree), e.doc.type, n, term)].append(e)
    for group in same.values():
        if len(group) < 2:
            continue
        for e in group:  # each file is told, at its number, which other file has the same one
            others = ", ".join(o.path for o in group if o is not e)
            out.add(
                Code.S003,
                e,
                e.field_line("number") or 1,
                f"Số hiệu {e.doc.number}-{e.doc.type} của {e.doc.issuer} trùng với {others} trong cùng nhiệm kỳ.",
                hint="Kiểm tra lại số văn bản (số được đánh lại từ 01 mỗi nhiệm kỳ, không trùng trong một nhiệm kỳ).",
                subject=e.key,
            )


# What a clerk writes for a type: the word, a code in any case, a code with a typo.
_TYPE_WORDS = {fold(name.split(" / ")[0]): code for code, (name, _) in DOC_TYPES.items()}


def _type_hint(written: str) -> str:
    """Which code was probably meant: «Kế hoạch» or «kh» is KH, «KHH» is KH."""
    meant = canonical_type(written) or _TYPE_WORDS.get(fold(written))
    if meant is None:
        close = difflib.get_close_matches(written.upper(), [c.upper() for c in DOC_TYPES], n=1, cutoff=0.5)
        meant = canonical_type(close[0]) if close else None
    listed = f"Các mã loại: {', '.join(DOC_TYPES)}."
    return f"Có phải «{meant}» ({type_name(meant)})? Ghi «type: {meant}». {listed}" if meant else listed


def _close_hint(written: str, known: list[str], fix: str) -> str:
    close = difflib.get_close_matches(written, known, n=1, cutoff=0.6)
    return f"Có phải «{close[0]}»? {fix}." if close else f"{fix}: {', '.join(known)}."


@runner
def metadata(view: View, out: Findings) -> None:
    tree = view.repo.orgs
    for e in view.repo.entries:
        d = e.doc
        if d.type not in DOC_TYPES:
            out.add(
                Code.S002,
                e,
                e.field_line("type") or 1,
                f"Loại văn bản «{d.type}» không hợp lệ.",
                hint=_type_hint(d.type),
                subject=d.type,
            )
        if d.issuer not in tree:
            out.add(
                Code.S004,
                e,
                e.field_line("issuer") or 1,
                f"Tổ chức ban hành «{d.issuer}» không có trong organizations.yml.",
                hint=_close_hint(d.issuer, list(tree.by_key), "Sửa «issuer» thành mã tổ chức đã khai báo"),
                subject=d.issuer,
            )
            continue
        if d.term and tree.term_by_id(d.issuer, d.term) is None:
            out.add(
                Code.S002,
                e,
                e.field_line("term") or 1,
                f"Nhiệm kỳ «{d.term}» không có trong tổ chức {d.issuer}.",
                hint=_close_hint(
                    d.term, [t.id for t in tree.by_key[d.issuer].terms], "Dùng mã nhiệm kỳ trong organizations.yml"
                ),
                subject=d.term,
            )
        folder, _, name = e.key.rpartition("/")
        if folder != d.issuer:
            out.add(
                Code.S006,
                e,
                1,
                f"Tệp nằm trong thư mục «{folder or '.'}» nhưng văn bản do «{d.issuer}» ban hành.",
                hint=f"Chuyển tệp vào thư mục {d.issuer}/.",
                subject=e.key,
            )
        want = expected_name(d.type, d.number, d.date.year if d.date else None)
        if want and e.kind != "outline" and name != want:
            out.add(
                Code.S006,
                e,
                1,
                f"Tên tệp «{name}» không khớp số hiệu và năm của văn bản (nên là «{want}»).",
                hint=f"Đổi tên tệp thành {want}.md.",
                subject=e.key,
            )
        if e.kind != "resolution":
            signed = d.signer is not None and bool((d.signer.name or "").strip())  # a scaffold leaves name: ""
            missing = [
                label
                for label, value in (
                    ("số", d.number if d.type != "ĐC" else "-"),
                    ("ngày ban hành", d.date),
                    ("người ký", signed if e.kind == "plan" else "-"),
                )
                if not value
            ]
            if missing:
                line = e.field_line("signer", "name") if missing == ["người ký"] and d.signer else None
                out.add(
                    Code.M301,
                    e,
                    line or 1,
                    f"Bản văn không cho biết {', '.join(missing)}.",
                    hint="Bổ sung khi có bản gốc; không tự suy đoán.",
                    subject=",".join(missing),
                )


_FIELD = {"chủ trì": "owner", "phối hợp": "co_owners", "thực hiện": "applies_to"}


@runner
def units_and_tasks(view: View, out: Findings) -> None:
    tree = view.repo.orgs
    task_ids = view.task_ids
    for e in view.repo.entries:
        if e.doc.issuer not in tree:
            continue
        seen: set[str] = set()
        for i, t in enumerate(e.doc.tasks):
            if t.id in seen:
                out.add(
                    Code.S007,
                    e,
                    e.field_line("tasks", i, "id"),
                    f"Mã nhiệm vụ «{t.id}» bị dùng hai lần.",
                    hint="Đặt mã khác cho một nhiệm vụ.",
                    subject=t.id,
                )
            seen.add(t.id)
            for role, refs in (("chủ trì", t.owner), ("phối hợp", t.co_owners), ("thực hiện", t.applies_to)):
                for ref in refs:
                    if tree.find_unit(e.doc.issuer, ref) is None:
                        units = ", ".join(u.key for u in tree.by_key[e.doc.issuer].units)
                        out.add(
                            Code.S005,
                            e,
                            e.field_line("tasks", i, _FIELD[role]),
                            f"Nhiệm vụ «{t.id}»: đơn vị {role} «{ref}» không có trong {e.doc.issuer}.",
                            hint=f"Dùng mã đơn vị: {units}; hoặc mã tổ chức; hoặc «tổ-chức:đơn-vị».",
                            subject=ref,
                        )
            for dep in t.depends_on:
                if dep not in task_ids[e.key]:
                    out.add(
                        Code.S007,
                        e,
                        e.field_line("tasks", i, "depends_on"),
                        f"Nhiệm vụ «{t.id}» phụ thuộc «{dep}» không có trong văn bản.",
                        hint="Sửa «depends_on» thành mã nhiệm vụ có thật.",
                        subject=dep,
                    )
            if t.parent:
                key, _, tid = t.parent.partition("#")
                if tid not in task_ids.get(key, set()):
                    out.add(
                        Code.S007,
                        e,
                        e.field_line("tasks", i, "parent"),
                        f"Nhiệm vụ «{t.id}» trỏ tới nhiệm vụ cấp trên «{t.parent}» không tồn tại.",
                        hint="Ghi «parent» dạng khóa-văn-bản#mã-nhiệm-vụ.",
                        subject=t.parent,
                    )
        for i, tg in enumerate(e.doc.targets):
            for ref in tg.applies_to:
                if tree.find_unit(e.doc.issuer, ref) is None:
                    out.add(
                        Code.S005,
                        e,
                        e.field_line("targets", i, "applies_to"),
                        f"Chỉ tiêu «{tg.id}»: đơn vị «{ref}» không có trong {e.doc.issuer}.",
                        subject=ref,
                    )


@runner
def pending_review(view: View, out: Findings) -> None:
    """An imported document stays visibly unfinished until an editor has looked at each guess."""
    for e in view.repo.entries:
        for i, item in enumerate(e.doc.review):
            guess = f" (đề xuất: «{item.candidate}»)" if item.candidate else ""
            out.add(
                Code.I401,
                e,
                e.field_line("review", i),
                f"Cần xem lại «{item.field}»{guess}: {item.reason}",
                hint="Sửa trường đó cho đúng bản gốc rồi xóa mục này khỏi «review».",
                subject=item.field,
            )
