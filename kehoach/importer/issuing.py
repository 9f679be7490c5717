"""The front matter fields about who issues: `issuer` (an organisation of the tree, or a proposal to add one),
`issuer_code` (a unit's code in the symbol) and `issuing_body` (the unit, or the organ a signature acts for)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.orgs import OrgTree
from ..model.schema import Organization
from ..text.closing import Closing
from .issuer import IssuerReading, Proposal, issuing_unit, org_word, organ_body, proposal, unit_name
from .review import Review


@dataclass
class Issuer:
    org: Organization | None = None
    proposal: Proposal | None = None  # an organizations.yml entry for an issuer that is not there yet
    candidates: list[str] = field(default_factory=list)  # organisations that fit the header's name equally


def set_issuer(
    front: dict[str, Any],
    review: Review,
    tree: OrgTree,
    reading: IssuerReading,
    org_key: str | None,
    code: str | None,
    place: str | None,
) -> Issuer:
    """The issuer: given (--org), else the organisation whose whole name the header reads, else none (with a
    proposal to add it, or the organisations that fit equally)."""
    out = Issuer()
    if org_key is not None:
        front["issuer"] = org_key
        if reading.org is not None and reading.org.key != org_key:
            review.unsure(
                "issuer",
                reading.org.key,
                f"đầu văn bản ghi «{reading.name_read}», là «{reading.org.name}» "
                f"({reading.org.key}) trong organizations.yml, khác tổ chức đã chỉ định bằng --org",
            )
        out.org = tree.get(org_key)
        return out
    if reading.org is not None:
        front["issuer"] = reading.org.key
        out.org = reading.org
        return out
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
    return out


def set_issuing_body(
    front: dict[str, Any],
    review: Review,
    tree: OrgTree,
    org: Organization | None,
    reading: IssuerReading,
    code: str | None,
    closing: Closing,
) -> None:
    """The organ or unit that issues for the committee: the unit the symbol's code names, else the unit the
    header names, else the organ the signature acts for («T/M BAN THƯỜNG VỤ»)."""
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
