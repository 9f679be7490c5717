"""Front matter against the official text: the issue date against the dateline (D208), the implements
relation against the opening clauses (R111), and template text left in a document (S011)."""

from __future__ import annotations

from ..findings import Code
from ..model.entry import Entry
from ..model.references import Reference, RefStatus
from ..model.view import View
from ..text.clauses import title_implements
from ..text.dates import vn_long
from ..text.templates import placeholders
from .registry import Findings, runner


@runner
def dateline(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        line = e.dateline
        if line is None or line.date is None:
            continue  # no dateline, or an impossible one (D201 says so)
        written = f"«{line.place}, {vn_long(line.date)}» (dòng {e.file_line(line.start)})"
        if e.doc.date is None:
            out.add(
                Code.D208,
                e,
                1,
                f"Phần đầu chưa ghi ngày ban hành, trong khi văn bản ghi {written}.",
                hint=f"Thêm «date: {line.date.isoformat()}» vào phần đầu.",
                subject=line.date.isoformat(),
            )
        elif e.doc.date != line.date:
            out.add(
                Code.D208,
                e,
                e.field_line("date"),
                f"Ngày ban hành trong phần đầu là {e.doc.date.isoformat()}, nhưng văn bản ghi {written}.",
                hint=f"Nếu khi nhập đã gõ nhầm, sửa thành «date: {line.date.isoformat()}»; nếu bản gốc ghi sai, "
                "giữ nguyên lời văn và thêm ghi nhận mã D208 kèm lý do.",
                subject=e.doc.date.isoformat(),
            )


def _same(ref: Reference, other: Reference) -> bool:
    if ref.target is not None and other.target is not None:
        return ref.target is other.target
    return ref.symbol.replace(" ", "").upper() == other.symbol.replace(" ", "").upper()


_FOUND = (RefStatus.OK, RefStatus.FEDERATED, RefStatus.EXTERNAL)


@runner
def implements_relation(view: View, out: Findings) -> None:
    """What the opening (or the title) says the document implements must be in its front matter too: the
    matrix and the «được thực hiện bởi» lists are built from relations.

    The first document a «Thực hiện / Triển khai / Tiếp tục thực hiện …» clause names (or a title «về thực
    hiện …» names) is implemented; every other document the opening names must be in the front matter too,
    as implemented or cited (the importer writes them as cited)."""
    for e in view.repo.entries:
        refs = view.refs_of(e)
        titled = [r.citation for r in refs if r.origin == "title" and r.citation is not None] if e.doc.title else []
        if not e.opening_clauses and not titled:
            continue  # most documents: nothing to compare, and nothing built to compare it
        by_citation = {id(r.citation): r for r in refs if r.citation is not None}
        # (reference, the words that introduce it, whether only «implements» will do)
        named: list[tuple[Reference, str, bool]] = []
        main_seen = False
        for clause in e.opening_clauses:
            ref = by_citation.get(id(clause.citation))
            # the first document a «Thực hiện» clause names is the one implemented; the others (and what a
            # «Căn cứ» clause names) may be declared as cited, as the importer writes them
            main = clause.verb == "implements" and not main_seen
            main_seen = main_seen or main
            if ref is not None and ref.status in _FOUND:
                named.append((ref, "Thực hiện" if clause.verb == "implements" else "Căn cứ", main))
        for c in title_implements(e.doc.title or "", titled, leading=True):
            ref = by_citation.get(id(c))
            if ref is not None and ref.status in _FOUND:
                named.append((ref, "về thực hiện", True))
        related = [r for r in refs if r.origin == "relation"]
        implemented = [r for r in related if r.relation in ("implements", "attached_to")]
        reported: set[str] = set()
        for ref, how, only_implements in named:
            declared = implemented if only_implements else related
            if any(_same(ref, d) for d in declared) or ref.symbol in reported:
                continue
            reported.add(ref.symbol)
            wanted = "«implements»" if only_implements else "nào (implements hoặc cites)"
            out.add(
                Code.R111,
                e,
                ref.where(),
                f"Văn bản ghi «{how} … {ref.symbol}» nhưng phần đầu không có quan hệ {wanted} tới văn bản này.",
                hint=f"Thêm vào phần đầu: relations: [{{type: implements, target: {ref.standard}}}] (kèm «date» nếu "
                "văn bản ghi ngày); nhờ đó ma trận thực hiện và mục «Được thực hiện bởi» mới đúng."
                + ("" if only_implements else " Nếu văn bản chỉ được dẫn làm căn cứ, ghi «type: cites»."),
                subject=ref.symbol,
            )


@runner
def template_text(view: View, out: Findings) -> None:
    for e in view.repo.entries:
        if e.doc.title is not None and not e.doc.title.strip():
            out.add(
                Code.S011,
                e,
                e.field_line("title"),
                "Trích yếu (title) còn trống.",
                hint="Chép trích yếu của văn bản (dòng dưới tên loại văn bản) vào «title».",
                subject="title",
            )
        for start, words in e.placeholders:
            out.add(
                Code.S011,
                e,
                e.file_line(start),
                f"Văn bản còn chữ mẫu chưa thay: «{words}».",
                hint="Thay bằng nội dung thật của văn bản (dán toàn văn đúng như bản đã ban hành).",
                subject=words,
            )
        # the front matter as written is scanned first: only one with a placeholder somewhere is read field by field
        if not placeholders(e.front):
            continue
        for path, text in _front_texts(e):
            blanks = placeholders(text)
            if blanks:
                placeholder = blanks[0]
                out.add(
                    Code.S011,
                    e,
                    e.field_line(*path),
                    f"Trường «{'.'.join(map(str, path))}» còn chữ mẫu: «{placeholder.group(0)}».",
                    hint="Thay bằng thông tin thật của văn bản.",
                    subject=placeholder.group(0),
                )


def _front_texts(e: Entry) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text field of the front matter a clerk fills in, with its path."""
    d = e.doc
    found: list[tuple[tuple[str | int, ...], str]] = [
        ((name,), value) for name, value in (("title", d.title), ("notes", d.notes)) if value
    ]
    for i, t in enumerate(d.tasks):
        found += [
            (("tasks", i, name), value) for name, value in (("title", t.title), ("deliverable", t.deliverable)) if value
        ]
    return found
