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
from ..model.schema import Organization
from ..text.closing import Closing, read_closing, read_closing_cells
from ..text.dates import find_dateline
from ..text.doctypes import types_for_word
from ..text.header import HeaderBlock, header_end, header_rows, read_header
from ..text.heading import find_heading, read_addressees, read_title
from ..text.lines import core, unwrap
from ..text.markings import Marking, read_marking
from ..text.plain import PlainText
from .issuer import (
    IssuerReading,
    Proposal,
    issuing_unit,
    org_word,
    organ_body,
    proposal,
    read_issuer,
    unit_name,
)
from .layout import Layout, text_layout
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


@dataclass
class Parts:
    """Where the parts of the paper are in the layout's lines."""

    header: HeaderBlock
    body_start: int  # first line after the header block
    heading_line: int | None
    heading_word: str | None
    heading_code: str | None
    title: str | None
    title_end: int
    annex: str | None  # the annex note under an outline's subject
    title_closed: bool = True  # the subject ended where a subject ends (not cut off at the body or a limit)


def _parts(layout: Layout) -> Parts:
    lines = layout.lines
    start = header_end(lines)
    rows = header_rows(lines[:start])
    if layout.header_cells is not None:  # Word: the table, and what stands between it and the type heading
        left, right = layout.header_cells
        rows = [[x] for x in left] + [[]] + [[x] for x in right] + [[]] + rows
    header = read_header(rows)
    found = find_heading(lines, start)
    heading = found.heading if found else header.type_heading
    title, title_end, annex, closed = header.subject, start, None, True
    if found is not None:
        read = read_title(lines, found.line + 1)
        title_end = read.end if read else found.line + 1
        if read is not None:
            title, closed = read.text, read.closed
            if read.annex is not None:
                annex = " ".join(core(x) for x in lines[read.annex : read.annex + 3] if core(x))
                title_end = read.annex + 1
    return Parts(
        header,
        start,
        found.line if found else None,
        heading.word if heading else None,
        heading.code if heading else None,
        title,
        title_end,
        annex,
        closed,
    )


def extract(text: str, tree: OrgTree, org_key: str | None = None, layout: Layout | None = None) -> Extracted:
    """The front matter of the document whose body is `text` (its layout, when it is not plain Markdown)."""
    layout = layout or text_layout(text, markdown=True)
    out = Extracted()
    front, review = out.front, out.review
    parts = _parts(layout)
    header = parts.header
    number = header.number

    front["type"] = _type(parts, review)
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
    org = _issuer(out, tree, reading, org_key, number.code if number else None, place)

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
    _date(out, header, plain, attached_date(relations))
    _markings(out, header, layout, parts)
    closing = read_closing_cells(*layout.closing_cells) if layout.closing_cells else read_closing(layout.lines)
    _closing(out, closing)
    _issuing_body(out, tree, org, reading, number.code if number else None, closing)

    acting = front.get("issuer") or (out.proposal.key if out.proposal else None)
    tasks = read_tasks(plain, tree, acting, review)
    if tasks:
        front["tasks"] = tasks
    targets = read_targets(plain)
    if targets:
        front["targets"] = targets
    return out


def _type(parts: Parts, review: Review) -> str:
    """The type from the heading's word, checked against the symbol's code (a «QUY ĐỊNH» may be QĐi)."""
    number = parts.header.number
    coded = number.type if number is not None else None
    if parts.heading_word is not None:
        allowed = types_for_word(parts.heading_word)
        if coded is not None and coded in allowed:
            return coded
        if coded is not None:
            review.unsure(
                "type",
                coded,
                f"mã loại trong số hiệu «{number.type_written if number else coded}» khác tên loại "
                f"«{parts.heading_word}»; đã theo tên loại",
            )
        return parts.heading_code or "KH"
    if coded is not None:
        return coded
    if parts.header.subject is not None:  # a letter: «V/v …» under the number, no type word
        return "CV"
    review.unsure("type", "KH", "không thấy tên loại văn bản (KẾ HOẠCH, HƯỚNG DẪN…) hay số hiệu ở đầu văn bản")
    return "KH"


def _issuer(
    out: Extracted, tree: OrgTree, reading: IssuerReading, org_key: str | None, code: str | None, place: str | None
) -> Organization | None:
    front, review = out.front, out.review
    if org_key is not None:
        front["issuer"] = org_key
        if reading.org is not None and reading.org.key != org_key:
            review.unsure(
                "issuer",
                reading.org.key,
                f"đầu văn bản ghi «{reading.name_read}», là «{reading.org.name}» "
                f"({reading.org.key}) trong organizations.yml, khác tổ chức đã chỉ định bằng --org",
            )
        return tree.get(org_key)
    if reading.org is not None:
        front["issuer"] = reading.org.key
        return reading.org
    front["issuer"] = None
    if reading.candidates:
        out.candidates = [o.key for o in reading.candidates]
        review.unsure(
            "issuer",
            None,
            f"đầu văn bản ghi «{reading.name_read}», khớp với nhiều tổ chức trong organizations.yml "
            f"({', '.join(out.candidates)}); ghi rõ bằng --org",
        )
    elif reading.committee is not None:
        out.proposal = proposal(tree, reading, code, place)
        review.unsure(
            "issuer",
            out.proposal.key,
            f"đầu văn bản ghi «{reading.name_read}», chưa có trong organizations.yml. Thêm tổ chức này vào danh "
            f"sách «organizations:» (kiểm tra lại tên, cấp, tổ chức cấp trên), ví dụ «{out.proposal.inline()}»; "
            f"tệp tạm ghi mã «{out.proposal.key}». Nếu tổ chức đã có dưới mã khác, ghi mã đó vào «issuer» và "
            "chuyển tệp vào thư mục của nó.",
        )
    return None


def _issuing_body(
    out: Extracted, tree: OrgTree, org: Organization | None, reading: IssuerReading, code: str | None, closing: Closing
) -> None:
    """The organ or unit that issues for the committee: the unit the symbol's code names, else the unit the
    header names, else the organ the signature acts for («T/M BAN THƯỜNG VỤ»)."""
    front, review = out.front, out.review
    word = org_word(org, reading.committee)
    if org is not None and code and code.upper() not in (c.upper() for c in org.codes):
        front["issuer_code"] = code
        found = tree.resolve_code(org.key, code)
        if found is None:
            review.unsure(
                "issuer_code",
                code,
                f"mã cơ quan «{code}» trong số hiệu chưa có trong organizations.yml: thêm "
                f"«codes: [{code}]» vào đơn vị ban hành của «{org.key}»",
            )
        elif found[0].key != org.key:
            review.unsure(
                "issuer_code", code, f"mã cơ quan «{code}» là của «{found[0].name}», không phải của {org.name}"
            )
    unit = issuing_unit(tree, org, reading.unit_line, code) if org is not None else None
    if unit is not None:
        front["issuing_body"] = unit.name
    elif reading.unit_line:
        front["issuing_body"] = unit_name(reading.unit_line, word)
        review.unsure(
            "issuing_body",
            front["issuing_body"],
            f"đơn vị ban hành «{reading.unit_line}» chưa có trong "
            "organizations.yml (hoặc chưa có mã cơ quan của nó); tên đơn vị do công cụ ghép",
        )
    else:
        organ = organ_body(org, word, closing.signature.on_behalf) if closing.signature else None
        if organ:
            front["issuing_body"] = organ
        if (closing.signature is None or closing.run_in) and front["type"] != "ĐC":
            review.unsure(
                "issuing_body",
                organ,
                "không đọc chắc khối chữ ký nên chưa chắc văn bản ký thay cơ quan nào "
                "(«T/M BAN THƯỜNG VỤ» → «Ban Thường vụ …»)",
            )


def _date(out: Extracted, header: HeaderBlock, plain: str, attached: dt.date | None) -> None:
    front, review = out.front, out.review
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


def _markings(out: Extracted, header: HeaderBlock, layout: Layout, parts: Parts) -> None:
    """Confidentiality and urgency: a stamp in the header block or page header sets them; a marking anywhere
    else, or among other words, sets them too and asks for review (a confidential document is never published
    because its stamp was written oddly)."""
    front, review = out.front, out.review
    sure: list[Marking] = [m for m in header.markings if m.whole]
    unsure: list[Marking] = [m for m in header.markings if not m.whole]
    for text in layout.page_header:
        found = read_marking(text)
        if found is not None:
            (sure if found.whole else unsure).append(found)
    near = range(parts.body_start, max(parts.title_end, parts.body_start) + 3)
    for i, line in enumerate(layout.lines):
        found = read_marking(line) if core(line) else None
        if found is not None and found.whole:
            (sure if i in near else unsure).append(found)
    for name, rank in (("confidentiality", _CONFIDENTIALITY), ("urgency", _URGENCY)):
        certain = _strongest([getattr(m, name) for m in sure], rank)
        doubtful = _strongest([getattr(m, name) for m in unsure], rank)
        value = _strongest([certain, doubtful], rank)
        if value is None:
            continue
        front[name] = value
        if value != certain:
            review.unsure(
                name,
                value,
                f"thấy dấu «{value}» ngoài vị trí đóng dấu hoặc lẫn trong dòng chữ khác; đã ghi để "
                "không công bố nhầm, xem lại bản gốc",
            )


_CONFIDENTIALITY = ["MẬT", "TỐI MẬT", "TUYỆT MẬT"]
_URGENCY = ["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]


def _strongest(values: list[str | None], rank: list[str]) -> str | None:
    present = [v for v in values if v in rank]
    return max(present, key=rank.index) if present else None


def _closing(out: Extracted, closing: Closing) -> None:
    front, review = out.front, out.review
    if closing.signature is not None:
        s = closing.signature
        front["signer"] = {
            k: v for k, v in (("on_behalf", s.on_behalf), ("position", s.position), ("name", s.name)) if v
        }
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
