"""`kehoach new`: a correctly named file with front matter a staff member only has to complete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..model.entry import Kind
from ..model.load import load_repository
from ..model.references import number_int
from ..model.repository import FOLDER_OF_KIND, Repository
from ..text.doctypes import DOC_TYPES, canonical_type, file_name, type_name, type_slug
from ..text.symbols import citations_in

DEFAULT_TYPE = {"plan": "KH", "outline": "ĐC", "resolution": "NQ"}
HEADING = {"KH": "KẾ HOẠCH", "CTr": "CHƯƠNG TRÌNH", "ĐC": "ĐỀ CƯƠNG", "NQ": "NGHỊ QUYẾT"}


class ScaffoldError(ValueError):
    """What the staff member asked for cannot be created; the message says why and what to do."""


@dataclass
class Scaffold:
    path: Path
    text: str
    notes: list[str] = field(default_factory=list)  # what the staff member should know (in Vietnamese)


@dataclass(frozen=True)
class Implemented:
    """The document a new one implements, as the relation will name it."""

    symbol: str
    date: dt.date | None
    found: str | None  # the repository file holding it, when it is there


def implemented(repo: Repository, written: str) -> Implemented:
    """Read «21-NQ/TW», «Nghị quyết số 21-NQ/TW, ngày 16/6/2022» and find it in the repository.

    Numbers restart every term, so a symbol held twice needs its date to tell which one is meant."""
    cited = citations_in(written.strip())
    if not cited:
        raise ScaffoldError(
            f"Không đọc được số hiệu «{written}». Ghi như văn bản viết, ví dụ --implements 21-NQ/TW "
            'hoặc --implements "Nghị quyết số 21-NQ/TW, ngày 16/6/2022".'
        )
    c = cited[0]
    wanted = c.symbol.replace(" ", "").upper()
    held = [e for e in repo.entries if (e.symbol(repo.orgs) or "").replace(" ", "").upper() == wanted]
    if c.date is not None:
        held = [e for e in held if e.doc.date == c.date] or held
    if len(held) > 1:
        dates = ", ".join(sorted(e.doc.date.strftime("%d/%m/%Y") for e in held if e.doc.date))
        raise ScaffoldError(
            f"Kho có {len(held)} văn bản số hiệu {c.symbol} (các ngày: {dates}). Ghi kèm ngày, ví dụ "
            f'--implements "{c.symbol}, ngày {dates.split(", ")[0]}".'
        )
    if held:
        return Implemented(c.symbol, held[0].doc.date, held[0].path)
    return Implemented(c.symbol, c.date, None)


def term_note(repo: Repository, org_key: str, day: dt.date) -> str | None:
    """A warning when the date falls in no term of the organisation: numbers restart every term, so the
    next number and the «khóa» of citations would be guessed from a term that has ended."""
    org = repo.orgs.get(org_key)
    if org is None or not org.terms or repo.orgs.term_at(org_key, day) is not None:
        return None
    last = max(org.terms, key=lambda t: t.first_day)
    return (
        f"Ngày {day.strftime('%d/%m/%Y')} không thuộc nhiệm kỳ nào của {org.name} trong organizations.yml "
        f"(nhiệm kỳ gần nhất: {last.label}, {last.start_year}–{last.end_year}). Số văn bản đánh lại từ 01 mỗi "
        "nhiệm kỳ: thêm nhiệm kỳ mới vào «terms» của tổ chức này rồi kiểm tra lại số (--number nếu cần)."
    )


def next_number(repo: Repository, org: str, type_code: str, day: dt.date) -> int:
    """One more than the highest number of this type issued by `org` in the term containing `day`."""
    term = repo.orgs.term_at(org, day)
    taken = [
        n
        for e in repo.entries
        if e.doc.issuer == org
        and e.doc.type == type_code
        and (n := number_int(e.doc.number)) is not None
        and (term is None or (e.doc.date and term.contains(e.doc.date)))
    ]
    return max(taken, default=0) + 1


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold(
    root: Path,
    kind: Kind,
    org_key: str,
    day: dt.date,
    number: int | None = None,
    title: str | None = None,
    type_code: str | None = None,
    attached_to: str | None = None,
    implements: list[str] | None = None,
) -> Scaffold:
    repo = load_repository(root)
    tree = repo.orgs
    org = tree.get(org_key)
    if org is None:
        known = ", ".join(sorted(tree.by_key))
        raise ScaffoldError(f"Không có tổ chức «{org_key}» trong organizations.yml. Các mã có: {known}.")
    code = canonical_type(type_code) if type_code else DEFAULT_TYPE[kind]
    if code is None:
        raise ScaffoldError(f"Loại văn bản «{type_code}» không hợp lệ; dùng một trong: {', '.join(DOC_TYPES)}.")
    folder = root / FOLDER_OF_KIND[kind] / org_key
    lines = ["---", "# yaml-language-server: $schema=../../schema/document.schema.json", f"type: {code}"]
    if kind == "outline":
        if not attached_to:
            raise ScaffoldError(
                "Đề cương ban hành kèm theo một kế hoạch: ghi --attached-to SỐ-HIỆU, ví dụ --attached-to 90-KH/ĐUK."
            )
        plan_slug = attached_to.split("/")[0].lower().replace(" ", "")
        num, _, plan_type = plan_slug.partition("-")
        name = f"dc-{type_slug(plan_type)}-{num}-{day.year}"
    else:
        number = number or next_number(repo, org_key, code, day)
        lines.append(f'number: "{number:02d}"' if number < 10 else f'number: "{number}"')
        name = file_name(code, f"{number:02d}" if number < 10 else str(number), day.year)
    path = folder / f"{name}.md"
    if path.exists():
        raise ScaffoldError(f"Tệp {path.relative_to(root).as_posix()} đã có; không ghi đè. Chọn số khác bằng --number.")
    lines += [f"issuer: {org_key}"]
    if org.place:
        lines.append(f"place: {org.place}")
    lines += [f"date: {day.isoformat()}", f"title: {_quote(title or '')}"]
    notes = [note] if (note := term_note(repo, org_key, day)) else []
    relations = [f"  - {{type: attached_to, target: {attached_to}}}"] if kind == "outline" else []
    for written in implements or []:
        target = implemented(repo, written)
        relations.append(
            f"  - {{type: implements, target: {target.symbol}"
            + (f", date: {target.date.isoformat()}" if target.date else "")
            + "}"
        )
        if target.found is None:
            notes.append(
                f"Kho chưa có văn bản {target.symbol}: kiểm tra sẽ báo R101 cho tới khi thêm nó (kehoach new resolution "
                "hoặc kehoach import), hoặc ghi nó vào «external» nếu kho không giữ văn bản đó."
            )
    if relations:
        lines += ["relations:", *relations]
    if kind == "plan":
        lines += ["signer:", "  on_behalf: T/M BAN THƯỜNG VỤ", "  position: BÍ THƯ", '  name: ""  # họ tên người ký']
    lines += [
        "recipients: []",
        "tasks: []",
        "# Mỗi nhiệm vụ có thời hạn trong lời văn phải ghi ở đây, ví dụ:",
        "#  - id: bao-cao-so-ket",
        "#    title: Các chi, đảng bộ cơ sở báo cáo kết quả sơ kết",
        "#    owner: tccs",
        "#    deadline: trước ngày 20/3/2023",
        "#",
        f"# Mã đơn vị dùng cho owner / co_owners / applies_to của {org.name} ({'/'.join(org.codes) or org.key}):",
    ]
    lines += [f"#   {u.key}: {u.name}" for u in org.units] or ["#   (chưa khai báo đơn vị trong organizations.yml)"]
    lines += [
        "---",
        "",
        f"**{HEADING.get(code, type_name(code).upper())}**",
        "",
        "Dán toàn văn văn bản vào đây, đúng như bản đã ban hành.",
        "",
    ]
    return Scaffold(path, "\n".join(lines), notes)
