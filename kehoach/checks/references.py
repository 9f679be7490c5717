"""Checks on citations: resolution, dates, terms, attributions, spelling of symbols."""

from __future__ import annotations

from ..citations import roman_to_int, term_label, word_type
from ..dates import vn_short
from ..doctypes import type_name
from ..orgs import level_named
from . import Context, runner

_LEVEL_VI = {"central": "Trung ương", "province": "cấp tỉnh", "bloc": "Đảng ủy Khối", "base": "cơ sở", "cell": "chi bộ"}


@runner
def resolution(ctx: Context) -> None:
    cited_in_text = {(r.source.key, r.symbol) for r in ctx.refs if r.citation is not None}
    for ref in ctx.refs:
        if ref.status in ("ok", "self", "external", "federated", "withheld"):
            continue
        src, where = ref.source, ("trong phần đầu văn bản" if ref.citation is None else "")
        sym = ref.symbol
        if ref.citation is None and (src.key, sym) in cited_in_text:
            continue  # the body citation of the same symbol already reports it, with its line
        if ref.status == "unknown-issuer":
            ctx.add("R101", src, ref.where(),
                    f"Không biết cơ quan «{ref.code}» trong «{sym}» là cơ quan nào khi nhìn từ {ctx.repo.orgs.label(src.doc.issuer)}.",
                    hint="Kiểm tra mã cơ quan sau dấu «/», hoặc thêm mã vào «codes» trong organizations.yml.", subject=sym)
        elif ref.status == "unknown-type":
            ctx.add("R101", src, ref.where(), f"Không biết loại văn bản trong «{sym}» {where}.".replace(" .", "."),
                    hint="Loại văn bản hợp lệ: NQ, QĐ, CT, KL, QC, HD, TB, BC, KH, CTr, ĐA, TTr, CV.", subject=sym)
        elif ref.status == "unresolved":
            org = ctx.repo.orgs.label(ref.target_org) if ref.target_org else "?"
            when = f" ngày {vn_short(ref.date)}" if ref.date else ""
            ctx.add("R101", src, ref.where(),
                    f"Trích dẫn «{sym}»{when} ({org}) không có trong kho văn bản {where}.".replace(" .", "."),
                    hint="Thêm bản ghi đăng ký vào resolutions/, sửa số hiệu, hoặc khai báo «external» nếu cố ý không lưu.",
                    subject=sym)
        elif ref.status == "ambiguous":
            keys = ", ".join(c.key for c in ref.candidates)
            ctx.add("R102", src, ref.where(), f"Trích dẫn «{sym}» khớp nhiều văn bản: {keys}.",
                    hint="Ghi kèm ngày của văn bản được dẫn để phân biệt.", subject=sym)


@runner
def dates_and_order(ctx: Context) -> None:
    for ref in ctx.refs:
        if ref.status not in ("ok", "federated") or ref.target is None:
            continue
        src, tgt = ref.source, ref.target
        if ref.date and tgt.doc.date and ref.date != tgt.doc.date:
            ctx.add("R103", src, ref.where(),
                    f"«{ref.symbol}» được ghi ngày {vn_short(ref.date)}, nhưng sổ đăng ký ghi {vn_short(tgt.doc.date)} ({tgt.url or tgt.path}).",
                    hint="Nếu lời văn bản đã ban hành ghi sai, giữ nguyên lời văn và thêm ghi nhận (acknowledgement) mã R103 kèm lý do.",
                    subject=ref.symbol)
        if src.doc.date and tgt.doc.date and tgt.doc.date > src.doc.date and ref.relation != "attached_to":
            ctx.add("R104", src, ref.where(),
                    f"Văn bản ngày {vn_short(src.doc.date)} dẫn «{ref.symbol}» ban hành sau nó (ngày {vn_short(tgt.doc.date)}).",
                    hint="Kiểm tra lại số hiệu hoặc ngày của một trong hai văn bản.", subject=ref.symbol)


@runner
def wording(ctx: Context) -> None:
    tree = ctx.repo.orgs
    for ref in ctx.refs:
        c = ref.citation
        if c is None or ref.status == "self":
            continue
        src = ref.source
        if c.type and c.type_written != c.type:
            ctx.add("R105", src, ref.where(),
                    f"Số hiệu viết «{c.number}-{c.type_written}/{c.code_written}»; dạng chuẩn là «{c.symbol}».",
                    hint="Lời văn bản đã ban hành được giữ nguyên; thêm ghi nhận mã R105 nếu đây là bản gốc.", subject=c.symbol)
        wt = word_type(c)
        if wt and c.type and wt != c.type and not (wt == "ĐC"):
            ctx.add("R108", src, ref.where(),
                    f"«{c.word} … {c.symbol}»: tên loại là {type_name(wt)} nhưng mã loại «{c.type}» là {type_name(c.type)}.",
                    hint="Kiểm tra lại tên hoặc số hiệu văn bản được dẫn.", subject=c.symbol)
        if ref.status != "ok" or ref.target is None:
            continue
        target_org = tree.get(ref.target.doc.issuer)
        if c.attribution.lower().startswith("của") and target_org is not None:
            named = level_named(c.attribution)
            if named and named != target_org.level:
                ctx.add("R107", src, ref.where(),
                        f"«{c.symbol}» mang mã «/{c.code}» ({_LEVEL_VI.get(target_org.level)}) nhưng được ghi là «{c.attribution}» ({_LEVEL_VI[named]}).",
                        hint="Mã cơ quan trong số hiệu hoặc cơ quan ban hành đã bị ghi nhầm.", subject=c.symbol)
        roman = term_label(c)
        day = ref.target.doc.date or c.date
        if roman and day:
            term = tree.term_at(ref.target.doc.issuer, day)
            if term is not None and term.ordinal is not None and roman_to_int(roman) != term.ordinal:
                ctx.add("R106", src, ref.where(),
                        f"«{c.symbol}» ngày {vn_short(day)} được ghi «khóa {roman}», nhưng khi đó là {term.label}.",
                        hint="Lời văn bản giữ nguyên; thêm ghi nhận mã R106 kèm lý do.", subject=c.symbol)
