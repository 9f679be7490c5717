"""The closing of an issued document: the signature block and «Nơi nhận».

On paper «Nơi nhận:» and its list stand bottom left, the signature bottom right: the authority line
(«T/M BAN THƯỜNG VỤ», «K/T BÍ THƯ», «T/L …»), the position, then the name under the signature. Plain text
brings both side by side on shared lines (or one after the other: Word's plain-text export), Word as the two
cells of a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import columns, core, has_list_mark, indent, is_capitals, is_person_name, without_list_mark

SIGNATURE_BEFORE = 12  # a signature may stand just above «Nơi nhận»
RIGHT_COLUMN = 30  # a line alone on its row that starts this far right belongs to the right column
_RECIPIENTS = re.compile(r"Nơi\s+nhận\s*:?", re.IGNORECASE)
AUTHORITY = re.compile(r"(?:T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s*\S")
# «(Đã ký)», «[đã ký]», «(Ký tên, đóng dấu)»: notes where the signature was, not part of the block.
_SIGNED_NOTE = re.compile(r"[(\[]\s*(?:đã\s+ký|ký[^)\]]*|chữ\s+ký[^)\]]*)[)\]]", re.IGNORECASE)
# The purpose written after a recipient: «(b/c)», «(để báo cáo)», «(t/h)», «(để biết)».
# Words need their brackets («(để biết)»), the abbreviations not («để b/c»).
_PURPOSE = re.compile(
    r"(?:\(\s*(?:để\s+)?(?P<what>b/c|báo\s+cáo|t/h|thực\s+hiện|biết)\s*\)|(?:để\s+)?(?P<short>b/c|t/h))"
    r"\s*[,;.]?\s*$",
    re.IGNORECASE,
)
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*[,;.]?\s*$")  # another parenthetical: «(phối hợp)»
_GROUPED = re.compile(r"[|}{]")  # a brace or bar that gave several recipients one purpose, broken by conversion
PURPOSES = {"b/c": "b/c", "báo cáo": "b/c", "t/h": "t/h", "thực hiện": "t/h", "biết": "biết"}
# Text copied from a PDF runs the two columns together with one space: «- Thường trực Tỉnh ủy (b/c), PHÓ BÍ
# THƯ», «Nơi nhận: K/T TRƯỞNG BAN», «- Lưu VT. Trần Quốc Hùng». The signature's authority and positions are
# words no recipient ends with; a name at the end of a line is taken only after them, and never for sure.
_RUN_IN_AUTHORITY = re.compile(r"\s+(?=(?:T/M|TM\.|K/T|KT\.|T/L|TL\.)\s*[A-ZĐ])")
_RUN_IN_POSITION = re.compile(
    r"(?<=[,;.)])\s+(?P<piece>(?:PHÓ\s+)?(?:TỔNG\s+)?(?:BÍ\s+THƯ|TRƯỞNG\s+BAN|CHỦ\s+NHIỆM|CHÁNH\s+VĂN\s+PHÒNG)"
    r"(?:\s+THƯỜNG\s+TRỰC)?)$"
)
_RUN_IN_NAME = re.compile(
    r"(?<=[,;.)])\s+(?P<piece>(?:[A-ZĐ\u00c0-\u1ef9][a-zđ\u00e0-\u1ef9]*\s+){1,5}[A-ZĐ\u00c0-\u1ef9][a-zđ\u00e0-\u1ef9]*)$"
)


@dataclass(frozen=True)
class Signature:
    on_behalf: str | None  # «T/M BAN THƯỜNG VỤ»; None when the signer signs in his or her own name
    position: str | None
    name: str
    wrapped: bool = False  # the position was read from several lines (or the authority wrapped into it)


@dataclass(frozen=True)
class Recipient:
    name: str
    purpose: str | None  # b/c, t/h, biết, lưu


@dataclass
class Closing:
    recipients: list[Recipient]
    grouped: bool  # a shared purpose was written with a brace or bar: which recipients it covers is unsure
    signature: Signature | None
    run_in: bool = False  # the two columns were run together on shared lines and had to be taken apart
    found: bool = True  # «Nơi nhận» was found
    list_closed: bool = True  # its list ended at the signature or the page's end, not at a line it could not place


def is_recipients_line(text: str) -> bool:
    return _RECIPIENTS.match(core(text)) is not None


def _after_label(line: str) -> str:
    """What follows «Nơi nhận:» on its own line (a first recipient written there), or nothing."""
    label = _RECIPIENTS.match(core(line))
    return core(line)[label.end() :] if label is not None else ""


def read_closing(lines: list[str]) -> Closing:
    """The closing of plain-text lines: «Nơi nhận» and the signature, side by side or one after the other."""
    start = next((i for i in range(len(lines) - 1, -1, -1) if is_recipients_line(lines[i])), None)
    if start is None:
        left, right, run_in = _split(lines[-SIGNATURE_BEFORE:])
        return Closing([], False, read_signature(right or left), run_in, found=False)
    left, right, run_in = _split(lines[start:])
    recipients, grouped, used = read_recipients([_after_label(left[0]), *left[1:]])
    rest = left[max(used, 1) :]
    signature = read_signature(right + rest)
    if signature is None:  # the signature above «Nơi nhận»
        above_left, above_right, _ = _split(lines[max(0, start - SIGNATURE_BEFORE) : start])
        signature = read_signature(above_right or above_left)
    return Closing(recipients, grouped, signature, run_in, list_closed=_ends_list(rest))


def read_closing_cells(left: list[str], right: list[str]) -> Closing:
    """The closing from a Word table's two cells (paragraphs, left «Nơi nhận», right the signature)."""
    at = next((i for i, text in enumerate(left) if is_recipients_line(text)), None)
    recipients, grouped, used = read_recipients([_after_label(left[at]), *left[at + 1 :]] if at is not None else [])
    rest = left[at + max(used, 1) :] if at is not None else []
    signature = read_signature(right) or read_signature(left)
    return Closing(recipients, grouped, signature, found=at is not None, list_closed=_ends_list(rest))


def _ends_list(rest: list[str]) -> bool:
    """Whether the line a recipients list stopped at is one that may end it: a signature's line, a note."""
    following = next((core(line) for line in rest if core(line)), None)
    return following is None or bool(
        AUTHORITY.match(following)
        or is_capitals(following)
        or is_person_name(following)
        or _SIGNED_NOTE.search(following)
    )


def _split(lines: list[str]) -> tuple[list[str], list[str], bool]:
    """The left and right columns of closing lines (a line alone on its row goes where it starts), and whether
    some were run together and taken apart by their words."""
    left: list[str] = []
    right: list[str] = []
    run_in = signature_seen = False
    for line in lines:
        parts = columns(line)
        if len(parts) > 1:
            left.append(" " * parts[0].column + parts[0].text)
            right.append(" ".join(p.text for p in parts[1:]))
        elif parts and parts[0].column >= RIGHT_COLUMN:
            right.append(parts[0].text)
        elif (cut := _run_in(line, signature_seen)) is not None:
            left.append(line[: cut[0]])
            right.append(cut[1])
            run_in = signature_seen = True
        else:
            left.append(line)
    return left, right, run_in


def _run_in(line: str, signature_seen: bool) -> tuple[int, str] | None:
    """(where the left column's text ends, the signature's piece) of a line that runs both columns together."""
    text = line.rstrip()
    authority = _RUN_IN_AUTHORITY.search(text)
    if authority is not None and text[: authority.start()].strip():
        return authority.start(), text[authority.end() :]
    for pattern in (_RUN_IN_POSITION, _RUN_IN_NAME) if signature_seen else (_RUN_IN_POSITION,):
        found = pattern.search(text)
        if found is not None:
            return found.start(), found["piece"]
    return None


def read_recipients(lines: list[str]) -> tuple[list[Recipient], bool, int]:
    """(recipients, grouped, lines used) of the list under «Nơi nhận:»: items «- …», wrapped items joined."""
    items: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        text = core(line)
        if not text:
            continue
        if has_list_mark(text):
            items.append(without_list_mark(text))
        elif items and (indent(line) > 0 or text[:1].islower()) and not AUTHORITY.match(text):
            items[-1] = f"{items[-1]} {text}"
        elif items:
            break
        else:
            continue
        used = i + 1
    grouped = any(_GROUPED.search(item) for item in items)
    recipients = [r for r in (_recipient(item) for item in items) if r is not None]
    return recipients, grouped or len(recipients) < len(items), used


def _recipient(item: str) -> Recipient | None:
    text = _GROUPED.sub(" ", item)
    purpose = None
    found = _PURPOSE.search(text)
    if found is not None:
        purpose = PURPOSES[" ".join((found["what"] or found["short"]).lower().split())]
        text = text[: found.start()]
    else:
        text = _TRAILING_NOTE.sub("", text)
    name = " ".join(text.split()).strip(" ,;.")
    if not name:
        return None
    if name.lower().startswith("lưu"):
        purpose = "lưu"
    return Recipient(name, purpose)


def read_signature(lines: list[str]) -> Signature | None:
    """The signature block in a column's lines: authority, position, name; None without a signer's name."""
    texts = [t for t in (core(_SIGNED_NOTE.sub("", line)) for line in lines) if t]
    authority = next((i for i, t in enumerate(texts) if AUTHORITY.match(t) and is_capitals(t)), None)
    name_at = next((i for i, t in enumerate(texts) if is_person_name(t) and (authority is None or i > authority)), None)
    if name_at is None:
        return None
    start = authority + 1 if authority is not None else 0
    capitals = [t for t in texts[start:name_at] if is_capitals(t) and not AUTHORITY.match(t)]
    if authority is None and not capitals:
        return None  # a name alone is not a signature block
    if authority is None:
        capitals = capitals[-1:]  # signing in one's own name: the position is the line above the name
    position = " ".join(capitals) if capitals else None
    return Signature(texts[authority] if authority is not None else None, position, texts[name_at], len(capitals) > 1)
