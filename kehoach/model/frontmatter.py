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
    """The text uses a YAML feature the fast path leaves to PyYAML's full constructor."""


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


def _fast_load(text: str) -> object:
    """Build Python values straight from libyaml's events.

    PyYAML's generic constructor costs about as much as parsing itself; front matter only needs
    mappings, sequences and scalars, so those are built here and anything else falls back.
    """
    stack: list[Any] = []
    keys: list[Any] = []
    root: object = None
    event: Any
    for event in yaml.parse(text, Loader=_BaseLoader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                raise _Fallback
            value = event.value if (event.style or not event.implicit[0]) else _plain_scalar(event.value)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or (event.tag is not None and not event.implicit):
                raise _Fallback
            stack.append({} if kind is yaml.MappingStartEvent else [])
            keys.append(_NO_KEY)
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()
            keys.pop()
        elif kind is yaml.AliasEvent:
            raise _Fallback
        else:
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
        else:
            if keys[-1] in top:
                raise _Fallback  # duplicate key: keep PyYAML's behaviour (last one wins)
            top[keys[-1]] = value
            keys[-1] = _NO_KEY
    return root


_NO_KEY = object()


def load_yaml(text: str) -> object:
    try:
        return _fast_load(text)
    except _Fallback:
        return yaml.load(text, Loader=Loader)


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


# Common PyYAML problems, said the way a staff member can act on.
_YAML_PROBLEMS = [
    (
        "mapping values are not allowed",
        "dấu «:» không được phép ở đây — nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép",
    ),
    (
        "cannot start any token",
        "có ký tự không được phép ở đầu giá trị (ví dụ dấu tab, «@», «`») — thụt lề bằng dấu cách và đặt giá trị trong ngoặc kép",
    ),
    ("could not find expected ':'", "thiếu dấu «:» sau tên trường"),
    ("did not find expected key", "thụt lề không khớp với các dòng trên"),
    ("expected <block end>", "thụt lề không khớp với các dòng trên"),
    ("did not find expected ',' or '}'", "ngoặc «{…}» chưa đóng hoặc giá trị có dấu phẩy chưa đặt trong ngoặc kép"),
    ("did not find expected ',' or ']'", "ngoặc «[…]» chưa đóng hoặc giá trị có dấu phẩy chưa đặt trong ngoặc kép"),
    ("found unexpected end of stream", "chuỗi trong ngoặc kép chưa được đóng"),
    ("found duplicate anchor", "trùng tên neo YAML"),
    ("found undefined alias", "dùng bí danh YAML chưa định nghĩa"),
]


def explain_yaml_error(err: yaml.YAMLError) -> tuple[int | None, str]:
    """0-based line and a Vietnamese explanation of a YAML syntax error."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    problem = (getattr(err, "problem", None) or str(err)).strip()
    for needle, vi in _YAML_PROBLEMS:
        if needle in problem:
            return (mark.line if mark else None), vi
    return (mark.line if mark else None), f"YAML không hợp lệ ({problem})"
