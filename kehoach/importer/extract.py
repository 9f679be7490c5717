"""Metadata, citations, tasks, targets, recipients and signer, read off the plain text of a document.

Every guess that could be wrong is returned with a review reason; nothing is silently invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model.orgs import OrgTree
from ..text.dates import DateError, find_deadline_phrases, make_date
from ..text.doctypes import canonical_type, type_for_word
from ..text.plain import PlainText
from ..text.symbols import find_citations
from ..text.unicode import fold

TYPE_HEADING = re.compile(
    r"^(KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ CƯƠNG|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|HƯỚNG DẪN|QUY ĐỊNH|QUYẾT ĐỊNH|THÔNG BÁO|"
    r"BÁO CÁO|ĐỀ ÁN|TỜ TRÌNH|QUY CHẾ|CÔNG VĂN)\b"
)
SYMBOL_LINE = re.compile(r"Số\s*:?\s*(?P<num>\d+)\s*-\s*(?P<type>[A-Za-zĐđÐ]+)\s*/\s*(?P<code>[A-Za-zĐđÐ]+)")
PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÂ][^\n,*]{1,40}?),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
LONG_DATE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
ATTACHED = re.compile(
    r"kèm theo\s+(?:Kế hoạch|Chương trình|Nghị quyết|Quyết định|Hướng dẫn)\s+(?:số\s+)?(?P<sym>\d+\s*-\s*[A-Za-zĐđ]+\s*/\s*[A-Za-zĐđÐ]+)",
    re.I,
)
ISSUING_BODY = re.compile(r"(Ban (?:Thường vụ|Chấp hành)[^,;.:]*?)\s+(?:ban hành|xây dựng|triển khai|hướng dẫn)")
SIGN_ON_BEHALF = re.compile(r"^(?:T/M|TM\.|K/T|KT\.|Q\.|TL\.|T/L)\s*\S.*$")
MARKS_CONFIDENTIAL = ("TUYỆT MẬT", "TỐI MẬT", "MẬT")
MARKS_URGENT = ("THƯỢNG KHẨN", "HỎA TỐC", "KHẨN")
SEPARATOR = re.compile(r"^[\s\-–—_*=~.]*$")
# Phrases naming the base organisations collectively (the `subordinates` unit).
SUBORDINATE_WORDS = (
    "cap uy truc thuoc",
    "cap uy co so",
    "to chuc co so dang",
    "tccs",
    "chi, dang bo co so",
    "dang bo, chi bo co so",
    "chi bo, dang bo co so",
    "dang uy, chi bo co so",
    "cac co so dang",
    "cap uy cac to chuc co so",
)
LEAD_IN = re.compile(r"^\W*(Thực hiện|Căn cứ|Triển khai)")
# units named right after these are reported to, consulted or cited, not acting («gửi về Ban …», «trình Ban …»);
# «Đối với X» is the opposite: it introduces the units a section addresses
NOT_OWNER_BEFORE = re.compile(
    r"(gửi|về|qua|tới|cho|của|tham mưu|báo cáo|trình|(?<!đối )với|dự)\s*(các\s+)?\(?\s*$", re.I
)
# «Đối với Đảng ủy Khối»: a section addressed to the issuing committee itself
FOR_THE_COMMITTEE = re.compile(r"đối với (ban chấp hành |ban thường vụ )?đảng (ủy|uỷ|bộ) khối\s*:?\s*$", re.I)


Lines = list[tuple[int, str]]  # (offset, text) of each line of the plain text


@dataclass
class Extracted:
    front: dict = field(default_factory=dict)
    review: list[dict] = field(default_factory=list)

    def unsure(self, field_name: str, candidate: object, reason: str) -> None:
        self.review.append(
            {"field": field_name, "candidate": None if candidate is None else str(candidate), "reason": reason}
        )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\", "")).strip(" *#")


def _date(m: re.Match) -> dt.date | None:
    try:
        return make_date(int(m["d"]), int(m["m"]), int(m["y"]))
    except DateError:
        return None


def _lines(plain: str) -> Lines:
    out, pos = [], 0
    for line in plain.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _heading_index(lines: Lines) -> int | None:
    for i, (_, line) in enumerate(lines[:80]):
        core = _clean(line)
        if core and core == core.upper() and TYPE_HEADING.match(core):
            return i
    return None


def _paragraph(lines: Lines, i: int) -> tuple[int, int, str]:
    """(first line, line after, text) of the paragraph starting at or after line i."""
    while i < len(lines) and (not lines[i][1].strip() or SEPARATOR.match(lines[i][1])):
        i += 1
    j = i
    while j < len(lines) and lines[j][1].strip() and not SEPARATOR.match(lines[j][1]):
        j += 1
    return i, j, " ".join(_clean(line) for _, line in lines[i:j])


def infer_issuer(tree: OrgTree, header: str) -> str | None:
    """The organisation whose name the heading block spells out; the deepest one when several fit."""
    words = set(re.findall(r"[a-z0-9]+", fold(header)))
    best = None
    for org in tree.by_key.values():
        if not org.known:
            continue
        name = set(re.findall(r"[a-z0-9]+", fold(org.name)))
        if name and name <= words:
            depth = len(tree.ancestry(org.key))
            if best is None or depth > best[0]:
                best = (depth, org.key)
    return best[1] if best else None


def _unit_mentions(tree: OrgTree, org_key: str, sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, unit key) of every unit of the organisation named in `sentence`, by position."""
    org = tree.get(org_key)
    folded = fold(sentence)
    found = []
    for unit in org.units if org else []:
        names = {unit.name, unit.short or unit.name}
        names |= {n.rsplit(" Đảng ủy Khối", 1)[0] for n in names if " Đảng ủy Khối" in n}
        for name in names:
            for m in re.finditer(re.escape(fold(name)), folded):
                found.append((m.start(), m.end(), unit.key))
        if unit.kind == "subordinates":
            for words in SUBORDINATE_WORDS:
                for m in re.finditer(re.escape(words), folded):
                    found.append((m.start(), m.end(), unit.key))
    return sorted(found)


LIST_MARK = re.compile(r"^[\s\-+•*]*((\d+(\.\d+)*|[a-zđ]|[IVX]+)[.)]\s*)?")
BETWEEN_SUBJECTS = re.compile(r"^(\s|,|va|cung|cac)*$")  # folded: «Ban Tuyên giáo, Ủy ban Kiểm tra và Đoàn Khối»


def _subjects(tree: OrgTree, org_key: str, text: str) -> list[str]:
    """Units the text opens with, as the subject of its sentence («1. Ban Tuyên giáo …, UBKT … và Đoàn Khối chịu …»)."""
    folded = fold(text)
    mark = LIST_MARK.match(text)
    at, keys = (mark.end() if mark else 0), []
    for start, end, key in sorted(_unit_mentions(tree, org_key, text), key=lambda m: (m[0], -m[1])):
        if start < at:  # a shorter name inside one already taken (the longest at each place comes first)
            continue
        if not BETWEEN_SUBJECTS.match(folded[at:start]):
            break
        if key not in keys:
            keys.append(key)
        at = end
    return keys


HEADING_LINE = re.compile(r"^\s*(#+\s|\d+(\.\d+)*\.\s|[IVX]+\.\s|[a-zđ]\)\s|[-+•]\s*Đối với)|:\s*$")


def _actors(tree: OrgTree, org_key: str, text: str) -> list[str]:
    """Units named in `text` as the ones acting (not those reported to: «gửi về Ban …», «tham mưu Ban …»)."""
    keys = []
    for pos, _, key in _unit_mentions(tree, org_key, text):
        if not NOT_OWNER_BEFORE.search(text[:pos]) and key not in keys:
            keys.append(key)
    return keys


def guess_owners(tree: OrgTree, org_key: str, plain: str, start: int, end: int) -> tuple[list[str], bool]:
    """(unit keys, sure) for who must meet the deadline at plain[start:end].

    In order: the label before a colon on the deadline's own line («+ Các chi bộ, đảng bộ cơ sở: Hoàn
    thành trước …»); the unit before «chủ trì» in the sentence; the acting units of the sentence;
    the nearest heading above that names units («4. Ban Tổ chức, Ban Tuyên giáo, UBKT, Văn phòng:»).
    """
    line_start = plain.rfind("\n", 0, start) + 1
    label = plain[line_start:start]
    if ":" in label:
        named = _actors(tree, org_key, label.rsplit(":", 1)[0])
        if named:
            return named, True
    s, e = _sentence(plain, start, end)
    sentence = plain[s:e]
    folded = fold(sentence)
    lead = folded.find("chu tri")
    if lead > 0:
        before = [key for pos, _, key in _unit_mentions(tree, org_key, sentence) if pos < lead]
        if before:
            return [before[-1]], True
    subjects = _subjects(tree, org_key, sentence)
    if subjects:
        return subjects, True
    named = _actors(tree, org_key, sentence)
    if named:
        return named[:1], len(named) == 1
    # a sentence without a subject continues its paragraph's first one («… chịu trách nhiệm …. Đồng thời, tham mưu …»)
    subjects = _subjects(tree, org_key, plain[line_start:s])
    if subjects:
        return subjects, False
    lines = plain[:line_start].split("\n")
    for line in reversed(lines[-40:]):
        if HEADING_LINE.search(line):
            if FOR_THE_COMMITTEE.search(_clean(line).rstrip(" *")):
                return [org_key], False
            named = _actors(tree, org_key, line)
            if named:
                return named, False
    return [], False


def _sentence(plain: str, start: int, end: int) -> tuple[int, int]:
    left = max(plain.rfind(mark, 0, start) for mark in (". ", ".\n", ";", "\n\n", ":\n"))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (plain.find(mark, end) for mark in (". ", ".\n", ";", "\n\n")) if i >= 0]
    right = min(rights) if rights else len(plain)
    while left < start and plain[left] in " \n-–•+*":
        left += 1
    return left, right


def _short_title(sentence: str) -> str:
    text = re.sub(r"\s+", " ", sentence).strip(" .;:-")
    if len(text) <= 140:
        return text
    return text[:140].rsplit(" ", 1)[0] + " …"


def extract(text: str, tree: OrgTree, org_key: str | None) -> Extracted:
    out = Extracted()
    plain = PlainText(text).text
    lines = _lines(plain)
    head_at = _heading_index(lines)
    header_end = lines[head_at][0] if head_at is not None else min(len(plain), 1500)
    header = plain[:header_end]
    front = out.front

    # Type, from the heading word, and the symbol, from "Số 90 -KH/ĐUK".
    heading = _clean(lines[head_at][1]) if head_at is not None else ""
    heading_word = TYPE_HEADING.match(heading)
    word = heading_word.group(1) if heading_word else None
    doc_type = type_for_word(word.lower()) if word else None
    symbol = SYMBOL_LINE.search(header) or SYMBOL_LINE.search(plain[:3000])
    if symbol and doc_type is None:
        doc_type = canonical_type(symbol["type"])
    if doc_type is None:
        doc_type = "KH"
        out.unsure("type", "KH", "không thấy tên loại văn bản (KẾ HOẠCH, ĐỀ CƯƠNG…) ở đầu văn bản")
    front["type"] = doc_type
    if symbol:
        front["number"] = symbol["num"]
        if canonical_type(symbol["type"]) not in (doc_type, None) or canonical_type(symbol["type"]) is None:
            out.unsure("type", symbol["type"], f"mã loại trong số hiệu «{symbol['type']}» khác tên loại «{word}»")
    elif doc_type != "ĐC":
        out.unsure("number", None, "bản văn không có số hiệu «Số …-…/…»; để trống, không suy đoán")

    # Issuer: given, or read off the heading block.
    issuer = org_key or infer_issuer(tree, header)
    front["issuer"] = issuer
    if issuer and org_key is None:
        out.unsure("issuer", issuer, "suy ra từ tên tổ chức ở đầu văn bản")
    if symbol and issuer:
        code = symbol["code"].replace("Ð", "Đ").upper()
        org = tree.get(issuer)
        if org and code not in [c.upper() for c in org.codes]:
            front["issuer_code"] = code
            if tree.resolve_code(issuer, code) is None:
                out.unsure(
                    "issuer_code",
                    symbol["code"],
                    f"mã cơ quan «{symbol['code']}» không có trong organizations.yml; giữ nguyên như văn bản",
                )
        front["symbol_as_written"] = _clean(symbol.group(0))

    body_m = ISSUING_BODY.search(plain[:4000])
    if body_m:
        front["issuing_body"] = _clean(body_m.group(1))

    # Place and date of issue; an attachment takes the date of the plan it travels with.
    where = PLACE_DATE.search(header) or PLACE_DATE.search(plain[:2500])
    attached = ATTACHED.search(plain[:3000])
    attached_date = None
    if attached:
        later = LONG_DATE.search(plain, attached.end(), attached.end() + 80)
        attached_date = _date(later) if later else None
    if where and _date(where):
        front["place"] = _clean(where["place"])
        front["date"] = _date(where)
    elif attached_date:
        front["date"] = attached_date
        out.unsure(
            "date", attached_date.isoformat(), "văn bản không ghi ngày riêng; lấy ngày của văn bản mà nó kèm theo"
        )
    else:
        out.unsure("date", None, "không thấy «…, ngày … tháng … năm …»; để trống, không suy đoán")

    # Title (trích yếu): the paragraph under the type heading, up to an attachment note.
    title_start: int | None = None
    title_end: int | None = None
    if head_at is not None:
        rest = _clean(lines[head_at][1])[len(word or "") :].strip(" :")
        i, j, title = _paragraph(lines, head_at + 1)
        for k in range(i, j):
            if re.match(r"^\W*\(?\s*(Ban hành\s+)?kèm theo", lines[k][1].strip(" *_"), re.I):
                j = k
                title = " ".join(_clean(line) for _, line in lines[i:j])
                break
        if rest and not title:
            title = rest
        if title:
            front["title"] = title.strip()
            title_start, title_end = i, j
    if "title" not in front:
        out.unsure("title", None, "không thấy trích yếu dưới tên loại văn bản")

    # Relations: what the opening paragraphs ("Thực hiện …", "Căn cứ …") implement; what it is attached to.
    spans = []
    intro_at = title_end if title_end is not None else (head_at + 1 if head_at is not None else 0)
    opening = [(title_start, title_end)] if title_start is not None and title_end is not None else []
    for i, j in [*opening, _paragraph(lines, intro_at)[:2]]:
        if i < j and LEAD_IN.match(" ".join(line for _, line in lines[i:j])):
            spans.append((lines[i][0], lines[j - 1][0] + len(lines[j - 1][1])))
    relations, seen = [], set()
    for c in find_citations(PlainText(text)):
        if attached and attached.start() <= c.start <= attached.end() + 5:
            rel = {"type": "attached_to", "target": c.symbol, "date": c.date or attached_date}
        elif any(a <= c.start < b for a, b in spans):
            rel = {"type": "implements", "target": c.symbol, "date": c.date}
        else:
            continue
        if rel["date"] is None:
            del rel["date"]
        if (rel["type"], rel["target"]) not in seen:
            seen.add((rel["type"], rel["target"]))
            relations.append(rel)
    if relations:
        front["relations"] = relations

    # Marks above the title.
    header_lines = {_clean(line) for _, line in lines[: (head_at or 10)]}
    for mark in MARKS_CONFIDENTIAL:
        if mark in header_lines:
            front["confidentiality"] = mark
            break
    for mark in MARKS_URGENT:
        if mark in header_lines:
            front["urgency"] = mark
            break

    _signer(out, lines)
    _recipients(out, lines)
    _tasks(out, plain, tree, issuer)
    _targets(out, plain)
    return out


def _signer(out: Extracted, lines: Lines) -> None:
    tail = lines[-40:]
    for k, (_, line) in enumerate(tail):
        core = _clean(line)
        if SIGN_ON_BEHALF.match(core) and core == core.upper():
            rest = [(_clean(x)) for _, x in tail[k + 1 :] if _clean(x)]
            position = rest[0] if rest and rest[0] == rest[0].upper() else None
            names = [x for x in rest[1 if position else 0 :] if x != x.upper()]
            signer = {"on_behalf": core}
            if position:
                signer["position"] = position
            if names:
                signer["name"] = names[0]
            else:
                out.unsure("signer.name", None, "không thấy họ tên người ký dưới chức vụ")
            out.front["signer"] = signer
            return
    out.unsure("signer", None, "không thấy khối chữ ký (T/M …, chức vụ, họ tên)")


def _recipients(out: Extracted, lines: Lines) -> None:
    start = next((k for k, (_, line) in enumerate(lines) if re.match(r"^\W*Nơi nhận\s*:", _clean(line))), None)
    if start is None:
        return
    recipients: list[dict[str, str]] = []
    grouped = False
    for _, line in lines[start + 1 :]:
        core = line.strip()
        if not core:
            continue
        if not core.startswith(("-", "+", "•")):
            if recipients:
                break
            continue
        name = core.lstrip("-+• ").strip()
        purpose = "b/c" if "b/c" in name else "t/h" if "t/h" in name else None
        name = re.sub(r"[|}{]+|\(?\s*(để\s+)?(b/c|t/h)\s*\)?", "", name).strip(" ,;.")
        if not name:
            grouped = True
            continue
        if name.lower().startswith("lưu"):
            purpose = "lưu"
        entry = {"name": name}
        if purpose:
            entry["purpose"] = purpose
        recipients.append(entry)
    if recipients:
        out.front["recipients"] = recipients
        if grouped or any("purpose" not in r for r in recipients):
            out.unsure(
                "recipients",
                None,
                "chưa rõ nơi nhận nào «để báo cáo», nơi nào «để thực hiện» (dấu ngoặc gộp bị vỡ khi chuyển định dạng)",
            )


def _tasks(out: Extracted, plain: str, tree: OrgTree, issuer: str | None) -> None:
    tasks: list[dict[str, object]] = []
    taken: list[tuple[int, int]] = []
    for start, end, words in find_deadline_phrases(plain):
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        s, e = _sentence(plain, start, end)
        sentence = plain[s:e]
        task: dict[str, object] = {"id": f"t{len(tasks) + 1}", "title": _short_title(sentence)}
        owners, sure = guess_owners(tree, issuer, plain, start, end) if issuer else ([], False)
        task["owner"] = owners or [issuer]
        if not sure:
            out.unsure(f"tasks.{task['id']}.owner", task["owner"], "không chắc đơn vị chủ trì trong câu chứa thời hạn")
        task["deadline"] = words
        if plain.count(words) > 1:
            task["quote"] = sentence if plain.count(sentence) == 1 and words in sentence else None
            if task["quote"] is None:
                del task["quote"]
                out.unsure(f"tasks.{task['id']}.quote", None, "thời hạn lặp lại nhiều lần; thêm «quote» để định vị")
        tasks.append(task)
    if tasks:
        out.front["tasks"] = tasks
        out.unsure(
            "tasks", None, "tên nhiệm vụ lấy nguyên câu chứa thời hạn; rút gọn và thêm sản phẩm (deliverable) nếu cần"
        )


_TARGET = re.compile(
    r"(?:trên|đạt|từ|ít nhất|tối thiểu)?\s*\d+(?:[,.]\d+)?\s*%(?:\s*(?:trở lên|đến\s+\d+(?:[,.]\d+)?\s*%))?", re.I
)


def _targets(out: Extracted, plain: str) -> None:
    targets: list[dict[str, str]] = []
    for m in _TARGET.finditer(plain):
        s, e = _sentence(plain, m.start(), m.end())
        text = plain[s:e].strip()
        if any(t["text"] == text for t in targets):
            continue
        targets.append({"id": f"ct{len(targets) + 1}", "text": text, "value": m.group(0).strip()})
    if targets:
        out.front["targets"] = targets
