"""Tasks (every deadline phrase, with the unit that must meet it) and targets (every percentage), read off a
document's plain text. Owners are guessed from the sentence and the headings above it; every guess that may
be wrong goes to the review list."""

from __future__ import annotations

import re

from ..model.orgs import OrgTree
from ..text.dates import find_deadline_phrases
from ..text.lines import core
from ..text.unicode import fold
from .review import Review

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
# units named right after these are reported to, consulted or cited, not acting («gửi về Ban …», «trình Ban …»);
# «Đối với X» is the opposite: it introduces the units a section addresses
NOT_OWNER_BEFORE = re.compile(
    r"(gửi|về|qua|tới|cho|của|tham mưu|báo cáo|trình|(?<!đối )với|dự)\s*(các\s+)?\(?\s*$", re.I
)
# «Đối với Đảng ủy Khối»: a section addressed to the issuing committee itself
FOR_THE_COMMITTEE = re.compile(r"đối với (ban chấp hành |ban thường vụ )?đảng (ủy|uỷ|bộ) khối\s*:?\s*$", re.I)


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
            if FOR_THE_COMMITTEE.search(core(line)):
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


def read_tasks(plain: str, tree: OrgTree, issuer: str | None, review: Review) -> list[dict[str, object]]:
    """A task for every deadline phrase: the sentence as its title, the owner guessed, the deadline as written."""
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
        task["owner"] = owners or ([issuer] if issuer else [])
        if not sure:
            review.unsure(
                f"tasks.{task['id']}.owner", task["owner"], "không chắc đơn vị chủ trì trong câu chứa thời hạn"
            )
        task["deadline"] = words
        if plain.count(words) > 1:
            if plain.count(sentence) == 1 and words in sentence:
                task["quote"] = sentence
            else:
                review.unsure(f"tasks.{task['id']}.quote", None, "thời hạn lặp lại nhiều lần; thêm «quote» để định vị")
        tasks.append(task)
    if tasks:
        review.unsure(
            "tasks", None, "tên nhiệm vụ lấy nguyên câu chứa thời hạn; rút gọn và thêm sản phẩm (deliverable) nếu cần"
        )
    return tasks


_TARGET = re.compile(
    r"(?:trên|đạt|từ|ít nhất|tối thiểu)?\s*\d+(?:[,.]\d+)?\s*%(?:\s*(?:trở lên|đến\s+\d+(?:[,.]\d+)?\s*%))?", re.I
)


def read_targets(plain: str) -> list[dict[str, str]]:
    """A target for every percentage: its sentence, quoted, and the value as written."""
    targets: list[dict[str, str]] = []
    for m in _TARGET.finditer(plain):
        s, e = _sentence(plain, m.start(), m.end())
        text = plain[s:e].strip()
        if any(t["text"] == text for t in targets):
            continue
        targets.append({"id": f"ct{len(targets) + 1}", "text": text, "value": m.group(0).strip()})
    return targets
