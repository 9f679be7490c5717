"""An issued document's front matter, read off its layout with the recognisers of `kehoach.text`.

In paper order: the header block (issuer, number, place and date, markings), the type heading and the
subject, «Kính gửi», the opening clauses (relations), the body (tasks, targets), the closing (signature,
«Nơi nhận»). Every guess that could be wrong is listed for review; nothing is silently invented, and a
confidentiality marking read in any form is set, never dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model.orgs import OrgTree
from ..text.closing import Closing, read_closing, read_closing_cells
from ..text.dates import find_dateline
from ..text.header import HeaderBlock
from ..text.heading import read_addressees
from ..text.lines import unwrap
from ..text.plain import PlainText
from .issuer import Proposal, read_issuer
from .issuing import set_issuer, set_issuing_body
from .layout import Layout, text_layout
from .marks import set_markings
from .parts import find_parts, paper_type
from .relations import attached_date, read_relations
from .review import Review
from .tasks import read_targets, read_tasks

DATELINE_WITHIN = 3000  # characters: where a dateline outside the header block may still be the issue date


@dataclass
class Extracted:
    front: dict[str, Any] = field(default_factory=dict)
    review: Review = field(default_factory=Review)
    issuer_name: str | None = None  # the name the header block reads («TỈNH ỦY … / BAN TUYÊN GIÁO»)
    proposal: Proposal | None = None  # an organizations.yml entry for an issuer that is not there yet
    candidates: list[str] = field(default_factory=list)  # organisations that fit the header's name equally


def extract(text: str, tree: OrgTree, org_key: str | None = None, layout: Layout | None = None) -> Extracted:
    """The front matter of the document whose body is `text` (its layout, when it is not plain Markdown)."""
    layout = layout or text_layout(text, markdown=True)
    out = Extracted()
    front, review = out.front, out.review
    parts = find_parts(layout)
    header = parts.header
    number = header.number

    front["type"] = paper_type(parts, review)
    if number is not None:
        if number.number:
            front["number"] = number.number
        else:
            review.unsure("number", None, f"số của văn bản để trống («{number.written}»); điền số nếu bản gửi đi có số")
        front["symbol_as_written"] = number.written
    elif front["type"] != "ĐC":
        review.unsure("number", None, "không thấy dòng số hiệu «Số …-…/…» ở đầu văn bản; để trống, không suy đoán")

    place = header.dateline.place if header.dateline else None
    reading = read_issuer(tree, header.names, number.code if number else None, place)
    out.issuer_name = reading.name_read
    issuer = set_issuer(front, review, tree, reading, org_key, number.code if number else None, place)
    out.proposal, out.candidates = issuer.proposal, issuer.candidates

    if parts.title:
        front["title"] = parts.title
        if not parts.title_closed:
            review.unsure(
                "title",
                parts.title,
                "trích yếu không kết thúc bằng dòng trống hay đường kẻ: có thể lẫn dòng đầu của nội dung, hoặc bị cắt",
            )
    else:
        review.unsure("title", None, "không thấy trích yếu dưới tên loại văn bản")
    addressees = read_addressees(layout.lines, parts.title_end)
    opening_from = parts.title_end
    if addressees is not None:
        front["addressees"], opening_from = addressees.names, addressees.end
        if not addressees.closed:
            review.unsure(
                "addressees", None, "danh sách «Kính gửi» không kết thúc bằng dòng trống: có thể thiếu hoặc thừa dòng"
            )

    plain = PlainText(text).text
    opening = unwrap(layout.lines[opening_from:])
    relations = read_relations(tree, front.get("issuer"), parts.title, parts.annex, opening, plain)
    if relations:
        front["relations"] = relations
    _date(front, review, header, plain, attached_date(relations))
    set_markings(front, review, header, layout, parts)
    closing = read_closing_cells(*layout.closing_cells) if layout.closing_cells else read_closing(layout.lines)
    _closing(front, review, closing)
    set_issuing_body(front, review, tree, issuer.org, reading, number.code if number else None, closing)

    acting = front.get("issuer") or (out.proposal.key if out.proposal else None)
    tasks = read_tasks(plain, tree, acting, review)
    if tasks:
        front["tasks"] = tasks
    targets = read_targets(plain)
    if targets:
        front["targets"] = targets
    return out


def _date(front: dict[str, Any], review: Review, header: HeaderBlock, plain: str, attached: dt.date | None) -> None:
    line = header.dateline
    if line is not None and line.date is not None:
        front["place"], front["date"] = line.place, line.date
        return
    if header.date is not None:
        try:
            front["date"] = dt.date(header.date.year, header.date.month, header.date.day)
            review.unsure("place", None, "dòng ngày tháng ở đầu văn bản không ghi địa danh")
            return
        except ValueError:
            pass
    elsewhere = find_dateline(plain, DATELINE_WITHIN)
    if elsewhere is not None and elsewhere.date is not None:
        front["place"], front["date"] = elsewhere.place, elsewhere.date
        review.unsure("date", elsewhere.date.isoformat(), "ngày lấy từ dòng «…, ngày … tháng … năm …» ngoài khối đầu")
    elif attached is not None:
        review.unsure("date", attached.isoformat(), "văn bản không ghi ngày riêng; văn bản mà nó kèm theo ghi ngày này")
    else:
        review.unsure("date", None, "không thấy «…, ngày … tháng … năm …»; để trống, không suy đoán")


def _closing(front: dict[str, Any], review: Review, closing: Closing) -> None:
    if closing.signature is not None:
        s = closing.signature
        front["signer"] = {
            k: v for k, v in (("on_behalf", s.on_behalf), ("position", s.position), ("name", s.name)) if v
        }
        if s.wrapped:
            review.unsure("signer", s.position, "chức vụ người ký đọc từ nhiều dòng; xem lại chức vụ và dòng «T/M …»")
    elif front["type"] != "ĐC":  # an outline travels with its plan and is not signed
        review.unsure("signer", None, "không thấy khối chữ ký (T/M …, chức vụ, họ tên)")
    if closing.run_in:
        for name in ("signer", "recipients"):
            review.unsure(
                name,
                None,
                "«Nơi nhận» và khối chữ ký dính vào nhau trên cùng dòng (thường do chép từ PDF); "
                "công cụ đã tách theo chữ, cần đối chiếu bản gốc",
            )
    if not closing.found and front["type"] != "ĐC":
        review.unsure("recipients", None, "không thấy «Nơi nhận:» ở cuối văn bản")
    elif not closing.list_closed:
        review.unsure("recipients", None, "danh sách «Nơi nhận» dừng ở một dòng lạ: có thể thiếu nơi nhận")
    if closing.recipients:
        front["recipients"] = [
            {"name": r.name, **({"purpose": r.purpose} if r.purpose else {})} for r in closing.recipients
        ]
        if closing.grouped:
            review.unsure(
                "recipients",
                None,
                "chưa rõ nơi nhận nào «để báo cáo», nơi nào «để thực hiện» (dấu ngoặc gộp bị vỡ khi chuyển định dạng)",
            )
