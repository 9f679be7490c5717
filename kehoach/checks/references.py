"""Checks on citations: resolution, dates, terms, attributions, spelling of symbols."""

from __future__ import annotations

from ..findings import Code
from ..model.references import SETTLED, RefStatus
from ..model.view import View
from ..text.dates import vn_short
from ..text.doctypes import DOC_TYPES, type_name
from ..text.orgnames import level_named
from ..text.symbols import roman_to_int, term_label, word_types
from .registry import Findings, runner

_LEVEL_VI = {
    "central": "Trung ương",
    "province": "cấp tỉnh",
    "bloc": "Đảng ủy Khối",
    "district": "cấp huyện",
    "base": "cơ sở",
    "cell": "chi bộ",
}


@runner
def resolution(view: View, out: Findings) -> None:
    cited_in_text = {(r.source.key, r.symbol) for r in view.refs if r.origin == "body"}
    for ref in view.refs:
        if ref.status in SETTLED:
            continue
        src = ref.source
        where = {"body": "", "title": " trong trích yếu (title)", "relation": " trong phần đầu văn bản"}[ref.origin]
        sym = ref.symbol
        if ref.origin != "body" and (src.key, sym) in cited_in_text:
            continue  # the body citation of the same symbol already reports it, with its line
        if ref.status == RefStatus.UNKNOWN_ISSUER:
            out.add(
                Code.R101,
                src,
                ref.where(),
                f"Không biết cơ quan «{ref.code}» trong «{sym}» là cơ quan nào khi nhìn từ {view.tree.label(src.doc.issuer)}.",
                hint="Kiểm tra mã cơ quan sau dấu «/», hoặc thêm mã vào «codes» trong organizations.yml.",
                subject=sym,
            )
        elif ref.status == RefStatus.UNKNOWN_TYPE:
            out.add(
                Code.R101,
                src,
                ref.where(),
                f"Không biết loại văn bản trong «{sym}»{where}.",
                hint=f"Loại văn bản hợp lệ: {', '.join(DOC_TYPES)}.",
                subject=sym,
            )
        elif ref.status == RefStatus.UNRESOLVED:
            org = view.tree.label(ref.target_org) if ref.target_org else "?"
            when = f" ngày {vn_short(ref.date)}" if ref.date else ""
            out.add(
                Code.R101,
                src,
                ref.where(),
                f"Trích dẫn «{sym}»{when} ({org}) không có trong kho văn bản{where}.",
                hint="Thêm bản ghi đăng ký vào resolutions/, sửa số hiệu, hoặc khai báo «external» nếu cố ý không lưu.",
                subject=sym,
            )
        elif ref.status == RefStatus.AMBIGUOUS_CODE:
            near = " và ".join(f"«{code}»" for code in ref.near_codes)
            out.add(
                Code.R112,
                src,
                ref.where(),
                f"Mã cơ quan «{ref.code}» trong «{sym}»{where} không có trong organizations.yml và gần giống cả {near}.",
                hint="Sửa mã cơ quan cho đúng bản gốc (nếu khi chép đã gõ nhầm), hoặc ghi nhận mã R112 nếu bản gốc "
                "viết như vậy.",
                subject=sym,
            )
        elif ref.status == RefStatus.AMBIGUOUS:
            keys = ", ".join(c.key for c in ref.candidates)
            out.add(
                Code.R102,
                src,
                ref.where(),
                f"Trích dẫn «{sym}» khớp nhiều văn bản: {keys}.",
                hint="Ghi kèm ngày của văn bản được dẫn để phân biệt.",
                subject=sym,
            )


@runner
def dates_and_order(view: View, out: Findings) -> None:
    for ref in view.refs:
        if ref.status not in (RefStatus.OK, RefStatus.FEDERATED) or ref.target is None:
            continue
        src, tgt = ref.source, ref.target
        if ref.date and tgt.doc.date and ref.date != tgt.doc.date:
            out.add(
                Code.R103,
                src,
                ref.where(),
                f"«{ref.symbol}» được ghi ngày {vn_short(ref.date)}, nhưng sổ đăng ký ghi {vn_short(tgt.doc.date)} ({tgt.url or tgt.path}).",
                hint="Nếu khi chép đã gõ nhầm ngày, sửa cho đúng bản gốc; nếu chính bản gốc ghi sai, giữ nguyên lời văn "
                "và thêm ghi nhận (acknowledgements) mã R103 kèm lý do.",
                subject=ref.symbol,
            )
        if src.doc.date and tgt.doc.date and tgt.doc.date > src.doc.date and ref.relation != "attached_to":
            out.add(
                Code.R104,
                src,
                ref.where(),
                f"Văn bản ngày {vn_short(src.doc.date)} dẫn «{ref.symbol}» ban hành sau nó (ngày {vn_short(tgt.doc.date)}).",
                hint="Kiểm tra lại số hiệu hoặc ngày của một trong hai văn bản.",
                subject=ref.symbol,
            )


@runner
def wording(view: View, out: Findings) -> None:
    tree = view.tree
    irregular_seen: set[tuple[str, str, int]] = set()
    for ref in view.refs:
        c = ref.citation
        if c is None or ref.status in (RefStatus.SELF, RefStatus.AMBIGUOUS_CODE):
            continue
        src = ref.source
        if c.type and (c.irregular or ref.code_fixed) and (src.key, ref.origin, c.start) not in irregular_seen:
            irregular_seen.add((src.key, ref.origin, c.start))  # one finding for «02, 03, 04 NQ/ĐUK»
            out.add(
                Code.R105,
                src,
                ref.where(),
                f"Số hiệu viết «{c.written}»; dạng chuẩn là «{ref.standard}».",
                hint=f"Nếu khi chép đã gõ nhầm, sửa thành «{ref.standard}»; nếu bản gốc viết như vậy, giữ nguyên lời "
                "văn và thêm ghi nhận mã R105.",
                subject=ref.standard,
            )
        types = word_types(c)
        if types and c.type and c.type not in types and "ĐC" not in types:
            wt = types[0]
            out.add(
                Code.R108,
                src,
                ref.where(),
                f"«{c.word} … {c.symbol}»: tên loại là {type_name(wt)} nhưng mã loại «{c.type}» là {type_name(c.type)}.",
                hint="Kiểm tra lại tên hoặc số hiệu văn bản được dẫn.",
                subject=c.symbol,
            )
        if ref.status != RefStatus.OK or ref.target is None:
            continue
        target_org = tree.get(ref.target.doc.issuer)
        if c.attribution.lower().startswith("của") and target_org is not None:
            named = level_named(c.attribution)
            if named and named != target_org.level:
                out.add(
                    Code.R107,
                    src,
                    ref.where(),
                    f"«{c.symbol}» mang mã «/{c.code}» ({_LEVEL_VI.get(target_org.level)}) nhưng được ghi là «{c.attribution}» ({_LEVEL_VI[named]}).",
                    hint="Mã cơ quan trong số hiệu hoặc cơ quan ban hành đã bị ghi nhầm.",
                    subject=c.symbol,
                )
        roman = term_label(c)
        day = ref.target.doc.date or c.date
        if roman and day:
            term = tree.term_at(ref.target.doc.issuer, day)
            if term is not None and term.ordinal is not None and roman_to_int(roman) != term.ordinal:
                out.add(
                    Code.R106,
                    src,
                    ref.where(),
                    f"«{c.symbol}» ngày {vn_short(day)} được ghi «khóa {roman}», nhưng khi đó là {term.label}.",
                    hint="Lời văn bản giữ nguyên; thêm ghi nhận mã R106 kèm lý do.",
                    subject=c.symbol,
                )
