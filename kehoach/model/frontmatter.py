"""Split a document into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML loader that leaves dates as text.

    PyYAML would raise on `2023-02-30` while constructing; the schema layer reports it instead,
    with the field name and line.
    """


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_CLOSING = re.compile(r"^---[ \t]*$", re.M)


@dataclass
class Split:
    front: str  # YAML text, without the --- lines
    body: str
    front_line: int  # file line of the first YAML line
    body_line: int  # file line of the first body line


def split(text: str) -> Split | None:
    """Return the parts, or None when the text does not start with a front matter block."""
    first = text.split("\n", 1)[0].rstrip()
    if first != "---":
        return None
    rest_start = len(text.split("\n", 1)[0]) + 1
    closing = _CLOSING.search(text, rest_start)
    if closing is None:
        return None
    front = text[rest_start : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    front_lines = front.count("\n")
    return Split(front=front, body=text[body_start:], front_line=2, body_line=2 + front_lines + 1)


class _Fallback(Exception):
    """The text uses a YAML feature the fast path leaves to PyYAML's full constructor (tags, complex keys)."""


class AliasRefused(yaml.YAMLError):
    """Anchors and aliases (`&x`, `*x`): front matter never needs them, and a few of them can expand to
    gigabytes (an «alias bomb»), so content may not use them at all."""

    def __init__(self, line: int) -> None:
        super().__init__("anchors and aliases are not allowed")
        self.line = line  # 0-based


@dataclass(frozen=True)
class Duplicate:
    """A key written twice in one mapping: YAML keeps the last value silently, which loses data."""

    path: tuple[str | int, ...]  # where the mapping is, then the key
    line: int  # 0-based line of the second occurrence


@dataclass
class Parsed:
    data: object
    duplicates: list[Duplicate]


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_IMPLICIT = Loader.yaml_implicit_resolvers
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}


def _plain_scalar(value: str) -> object:
    """Resolve a plain scalar exactly as PyYAML's implicit resolvers would (dates excepted, see Loader)."""
    for tag, regexp in _IMPLICIT.get(value[0] if value else "", ()):
        if regexp.match(value):
            construct = _SCALAR_TAGS.get(tag)
            if construct is None:
                raise _Fallback
            return construct(yaml.ScalarNode(tag, value))
    return value


_NO_KEY = object()


def _fast_load(text: str) -> Parsed:
    """Build Python values straight from libyaml's events.

    PyYAML's generic constructor costs about as much as parsing itself; front matter only needs
    mappings, sequences and scalars, so those are built here and anything else falls back.
    """
    stack: list[Any] = []
    keys: list[Any] = []  # per open mapping, its pending key (per open sequence a placeholder: its index is its length)
    root: object = None
    duplicates: list[Duplicate] = []
    documents = 0
    event: Any
    # the most frequent events are tested first: this loop is most of a cold load
    for event in yaml.parse(text, Loader=_BaseLoader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                raise AliasRefused(event.start_mark.line)
            if event.tag is not None and event.tag != "!":
                raise _Fallback
            value = event.value if (event.style or not event.implicit[0]) else _plain_scalar(event.value)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()
            keys.pop()
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None:
                raise AliasRefused(event.start_mark.line)
            if event.tag is not None and not event.implicit:
                raise _Fallback
            stack.append({} if kind is yaml.MappingStartEvent else [])
            keys.append(_NO_KEY)
            continue
        elif kind is yaml.AliasEvent:
            raise AliasRefused(event.start_mark.line)
        else:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Fallback  # PyYAML reports a second document as the error it is
            continue
        if not stack:
            root = value
            continue
        top = stack[-1]
        if type(top) is list:
            top.append(value)
        elif keys[-1] is _NO_KEY:
            if isinstance(value, (dict, list)) or value == "<<":
                raise _Fallback  # complex keys and merge keys: let PyYAML decide
            keys[-1] = value
            if value in top:
                where = tuple(len(c) if type(c) is list else str(k) for c, k in zip(stack[:-1], keys[:-1]))
                duplicates.append(Duplicate((*where, str(value)), event.start_mark.line))
        else:
            top[keys[-1]] = value  # a duplicated key keeps the last value, as PyYAML does
            keys[-1] = _NO_KEY
    return Parsed(root, duplicates)


def _node_duplicates(node: yaml.Node, path: tuple[str | int, ...]) -> list[Duplicate]:
    found: list[Duplicate] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                found.append(Duplicate((*path, key), key_node.start_mark.line))
            seen.add(key)
            found += _node_duplicates(value_node, (*path, key if key is not None else "?"))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            found += _node_duplicates(item, (*path, i))
    return found


def parse_yaml(text: str) -> Parsed:
    """Values and duplicated keys of a YAML text; raises yaml.YAMLError (AliasRefused for anchors and aliases)."""
    try:
        return _fast_load(text)
    except _Fallback:
        event: Any
        for event in yaml.parse(text, Loader=_BaseLoader):  # the fast path stopped early: refuse aliases anywhere
            if type(event) is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
                raise AliasRefused(event.start_mark.line) from None
        node = yaml.compose(text, Loader=Loader)
        return Parsed(yaml.load(text, Loader=Loader), _node_duplicates(node, ()) if node is not None else [])


def load_yaml(text: str) -> object:
    return parse_yaml(text).data


COLLECTION = object()  # what values_of() gives for a key whose value is a list, a mapping or an alias


def values_of(text: str, keys: frozenset[str]) -> list[tuple[str, object]]:
    """(key, value) for every value written for one of `keys`, at any depth and however often the key repeats.

    A parsed mapping keeps only the last of two equal keys; the event stream keeps them all, so a
    rule that must see every occurrence (visibility) reads this. A scalar comes as its text, anything
    else as COLLECTION. Raises yaml.YAMLError for text that does not parse.
    """
    found: list[tuple[str, object]] = []
    # per open collection: None for a sequence; for a mapping, the key whose value comes next (or _NO_KEY)
    stack: list[object] = []
    event: Any
    for event in yaml.parse(text, Loader=_BaseLoader):
        kind = type(event)
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            stack.pop()  # the collection was counted as a key or value when it started
            continue
        if kind not in (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
            continue
        top = stack[-1] if stack else None
        if type(top) is list:  # a mapping: [the key whose value comes next, or _NO_KEY]
            value = event.value if kind is yaml.ScalarEvent else COLLECTION
            if top[0] is _NO_KEY:
                top[0] = value
            else:
                if top[0] in keys:
                    found.append((str(top[0]), value))
                top[0] = _NO_KEY
        if kind is yaml.MappingStartEvent:
            stack.append([_NO_KEY])
        elif kind is yaml.SequenceStartEvent:
            stack.append(None)
    return found


def node_line(front: str, path: tuple[str | int, ...]) -> int | None:
    """0-based line of the YAML node at `path` (keys and list indexes); None if not found.

    Only called when reporting a problem, so the slower compose pass stays off the hot path.
    """
    try:
        node = yaml.compose(front, Loader=Loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    line, node = key_node.start_mark.line, value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            return line
    return line


@dataclass(frozen=True)
class YamlProblem:
    line: int | None  # 0-based
    message: str
    hint: str


_INDENT = (
    "thụt lề không khớp với các dòng trên",
    "Các trường cùng cấp phải thẳng cột; mỗi mục của danh sách bắt đầu bằng «- », các trường của mục đó thụt "
    "vào thêm hai dấu cách.",
)
# PyYAML's problem text -> (what is wrong, how to fix it), said the way a staff member can act on.
_YAML_PROBLEMS = [
    (
        "mapping values are not allowed",
        (
            "dấu «:» không được phép ở đây",
            'Nếu giá trị có dấu hai chấm, đặt cả giá trị trong ngoặc kép, ví dụ title: "Kế hoạch: sơ kết"; nếu là '
            "một trường mới, xuống dòng và viết thẳng cột với các trường khác.",
        ),
    ),
    (
        "could not find expected ':'",
        (
            "thiếu dấu «:» sau tên trường (hoặc giá trị bị ngắt sang dòng sau)",
            "Viết «tên: giá trị» trên một dòng; giá trị dài thì viết «tên: >-» rồi các dòng sau thụt vào hai dấu cách.",
        ),
    ),
    ("did not find expected '-' indicator", _INDENT),
    ("did not find expected key", _INDENT),
    ("expected <block end>", _INDENT),
    (
        "did not find expected ',' or '}'",
        (
            "ngoặc «{…}» chưa đóng, hoặc một giá trị có dấu phẩy chưa đặt trong ngoặc kép",
            'Đóng ngoặc «}» cuối dòng; giá trị có dấu phẩy đặt trong ngoặc kép: {name: "Các ban, Văn phòng"}.',
        ),
    ),
    (
        "did not find expected ',' or ']'",
        (
            "ngoặc «[…]» chưa đóng, hoặc một giá trị có dấu phẩy chưa đặt trong ngoặc kép",
            "Đóng ngoặc «]» cuối dòng; giá trị có dấu phẩy đặt trong ngoặc kép.",
        ),
    ),
    (
        "found unexpected end of stream",
        ("ngoặc kép mở ở dòng này chưa được đóng", "Thêm dấu ngoặc kép đóng ở cuối giá trị."),
    ),
    (
        "found unknown escape character",
        ("dấu «\\» trong ngoặc kép", "Trong ngoặc kép viết «\\\\» thay cho «\\», hoặc dùng ngoặc đơn '…'."),
    ),
    (
        "another document",
        ("phần đầu có thêm một dòng «---»", "Phần đầu chỉ là một khối giữa hai dòng «---»; xóa dòng «---» thừa."),
    ),
    (
        "expected <document start>",
        ("có chữ thừa sau khi phần đầu đã kết thúc", "Xóa ký tự thừa (thường là ngoặc đóng «}» hoặc «]» dư)."),
    ),
    ("constructor for the tag", ("dùng thẻ YAML «!…»", "Bỏ thẻ «!…», viết thẳng giá trị.")),
    (
        "special characters are not allowed",
        ("có ký tự điều khiển không in được", "Xóa ký tự lạ (thường do dán từ Word hoặc PDF)."),
    ),
    ("anchor", ("dùng neo hoặc bí danh YAML («&…», «*…»)", "Kho không dùng neo, bí danh: viết thẳng giá trị.")),
    ("alias", ("dùng neo hoặc bí danh YAML («&…», «*…»)", "Kho không dùng neo, bí danh: viết thẳng giá trị.")),
]
_UNKNOWN = ("YAML không hợp lệ", "Kiểm tra thụt lề (chỉ dùng dấu cách), dấu «:» sau tên trường và các ngoặc kép.")


def explain_yaml_error(err: yaml.YAMLError, text: str) -> YamlProblem:
    """Where a YAML syntax error is, what is wrong and how to fix it, in Vietnamese."""
    if isinstance(err, AliasRefused):
        return YamlProblem(err.line, *dict(_YAML_PROBLEMS)["alias"])
    problem = str(getattr(err, "problem", None) or "")
    context = str(getattr(err, "context", None) or "")
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if ("quoted scalar" in context or "flow" in context) and getattr(err, "context_mark", None) is not None:
        mark = err.context_mark  # type: ignore[attr-defined]  # an unclosed quote or bracket: where it opens
    line = mark.line if mark is not None else None
    lines = text.split("\n")
    earlier = _earlier_cause(lines, line if line is not None else len(lines) - 1)
    if earlier is not None:
        return earlier
    here = lines[line] if line is not None and line < len(lines) else ""
    if "\t" in here or ("cannot start any token" in problem and "\t" in text):
        tab = line if "\t" in here else next(i for i, s in enumerate(lines) if "\t" in s)
        return YamlProblem(
            tab, "dòng có ký tự tab", "YAML chỉ nhận thụt lề bằng dấu cách: thay mỗi tab bằng hai dấu cách."
        )
    if "cannot start any token" in problem and mark is not None:
        char = here[mark.column : mark.column + 1] or "?"
        return YamlProblem(
            line,
            f"giá trị không được bắt đầu bằng «{char}»",
            f'Đặt cả giá trị trong ngoặc kép, ví dụ title: "{char}…".',
        )
    for needle, (what, how) in _YAML_PROBLEMS:
        if needle in problem:
            return YamlProblem(line, what, how)
    return YamlProblem(line, *_UNKNOWN)


_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[\w.-]+\s*:\s+|\{[^}]*:\s*)?(?P<q>["'])""")
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?[\w.-]+:(?![\s/]|$)")


def _earlier_cause(lines: list[str], upto: int) -> YamlProblem | None:
    """A mistake above the line PyYAML names, which it only noticed later: a quote opened and never closed
    (the value swallows the next lines), or «tên:giá trị» without the space YAML needs after «:»."""
    for i, line in enumerate(lines[: upto + 1]):
        opened = _OPEN_QUOTE.match(line)
        if opened is not None:
            quote = opened.group("q")
            rest = (
                line[opened.end() :].replace("\\" + quote, "")
                if quote == '"'
                else line[opened.end() :].replace("''", "")
            )
            if quote not in rest:
                return YamlProblem(
                    i,
                    "ngoặc kép mở ở dòng này chưa được đóng (hoặc đóng bằng dấu ngoặc cong “ ”)",
                    f"Đóng giá trị bằng dấu {quote} thẳng ở cuối dòng.",
                )
        if _NO_SPACE_AFTER_COLON.match(line) and i < upto:
            return YamlProblem(i, "thiếu dấu cách sau dấu «:»", "Viết «tên: giá trị», có một dấu cách sau «:».")
        if i >= upto - 1 and line.strip() and not _YAML_LINE.match(line):
            return YamlProblem(
                i,
                "dòng này không có dạng «tên: giá trị» (thiếu dấu «:», hoặc giá trị bị xuống dòng)",
                "Nếu là phần tiếp của giá trị dòng trên, nối lên dòng trên (hoặc viết «tên: >-» rồi "
                "thụt các dòng vào hai dấu cách); nếu là một trường, thêm «:» sau tên trường.",
            )
    return None


_YAML_LINE = re.compile(r"^(?:\s|#|-(?:\s|$)|[\w.-]+\s*:|$)")


def probable_body_start(front: str) -> int | None:
    """0-based line where official text seems to begin inside what was read as front matter: the closing
    «---» is missing and a later «---» (a separator in the body) closed the block instead.

    A line that is not YAML is body text when it follows a blank line or is followed by more text that is
    not YAML; a lone line among fields is a field's broken value (a title run onto a second line)."""
    lines = front.split("\n")
    seen_key = False
    for i, line in enumerate(lines):
        if not _YAML_LINE.match(line):
            if not seen_key:
                return None
            following = next((s for s in lines[i + 1 :] if s.strip()), "")
            if (i > 0 and not lines[i - 1].strip()) or (following and not _YAML_LINE.match(following)):
                return i
            continue
        seen_key = seen_key or bool(re.match(r"[\w.-]+\s*:", line))
    return None
