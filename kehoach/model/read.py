"""Read one content file: organizations.yml into the tree, a document file into an `Entry`.

Never raises on bad input: each problem becomes a finding with path and line, and the file is loaded
as far as it can be.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..findings import Code, Finding
from ..text.analysis import TextAnalysis, analyse
from .decode import decode
from .entry import Entry, Kind
from .frontmatter import explain_yaml_error, load_yaml, split
from .load_cache import LoadCache, content_digest
from .orgs import OrgTree
from .repository import ORGANIZATIONS_FILE
from .schema import Document, OrganizationsFile
from .validation import schema_findings


def load_organizations(root: Path) -> tuple[OrgTree, list[Finding]]:
    path = root / ORGANIZATIONS_FILE
    rel = ORGANIZATIONS_FILE
    if not path.exists():
        return OrgTree([]), [
            Finding(Code.S001, rel, None, "Thiếu tệp organizations.yml.", hint="Tạo tệp theo mẫu trong README.")
        ]
    text, findings = decode(path.read_bytes(), rel)
    if text is None:
        return OrgTree([]), findings
    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        line0, why = explain_yaml_error(e)
        return OrgTree([]), [*findings, Finding(Code.S001, rel, (line0 or 0) + 1, f"Lỗi cú pháp YAML: {why}.")]
    try:
        parsed = OrganizationsFile.model_validate(data if isinstance(data, dict) else {"organizations": data})
    except ValidationError as e:
        return OrgTree([]), findings + schema_findings(e, rel, text, 1, None)
    tree = OrgTree(parsed.organizations)
    seen: set[str] = set()
    for org in parsed.organizations:
        if org.key in seen:
            findings.append(
                Finding(Code.S003, rel, None, f"Mã tổ chức «{org.key}» bị khai báo hai lần.", subject=org.key)
            )
        seen.add(org.key)
        if org.parent and org.parent not in tree:
            findings.append(
                Finding(
                    Code.S004,
                    rel,
                    None,
                    f"Tổ chức «{org.key}» có cấp trên «{org.parent}» không tồn tại.",
                    hint="Sửa «parent» thành mã một tổ chức đã khai báo.",
                    subject=org.parent,
                )
            )
    return tree, findings


@dataclass
class RawDocument:
    """A document file read and parsed, not yet validated: plain data, cheap to send between processes."""

    path: str
    key: str
    kind: Kind
    data: dict[str, object]
    body: str
    body_line: int
    front: str
    front_line: int
    analysis: tuple[object, ...] | None = None  # TextAnalysis.as_record(), when computed ahead
    digest: bytes = b""  # of the file's bytes, the load cache's key

    def analysed(self) -> RawDocument:
        """The same document with its text analysis computed (in a worker process, or to fill the cache)."""
        if self.analysis is None:
            self.analysis = analyse(self.body).as_record()
        return self

    def cache_record(self) -> tuple[object, ...] | None:
        """What the load cache keeps: the parsed front matter and the text analysis, not the file's text."""
        return None if self.analysis is None else (self.data, self.analysis)


ReadResult = tuple[RawDocument | None, list[Finding]]


def cached_document(root: Path, file: Path, kind: Kind, folder: Path, cache: LoadCache) -> ReadResult | None:
    """The document as the load cache holds it; None unless the cache holds this exact file."""
    rel = file.relative_to(root).as_posix()
    content = file.read_bytes()
    digest = content_digest(content)
    record = cache.get(rel, digest)
    if record is None or len(record) != 2:
        return None
    data, analysis = record
    if not isinstance(data, dict) or not isinstance(analysis, tuple):
        return None
    return _parsed(rel, file.relative_to(folder).with_suffix("").as_posix(), kind, content, digest, (data, analysis))


def read_document(root: Path, file: Path, kind: Kind, folder: Path) -> ReadResult:
    """(RawDocument or None, findings) for one document file."""
    content = file.read_bytes()
    return _parsed(
        file.relative_to(root).as_posix(),
        file.relative_to(folder).with_suffix("").as_posix(),
        kind,
        content,
        content_digest(content),
        None,
    )


def _parsed(
    rel: str,
    key: str,
    kind: Kind,
    content: bytes,
    digest: bytes,
    cached: tuple[dict[str, object], tuple[object, ...]] | None,
) -> ReadResult:
    """Decode and split the file; the front matter and analysis come from `cached` when given, else YAML is parsed."""
    text, findings = decode(content, rel)
    if text is None:
        return None, findings
    parts = split(text)
    if parts is None:
        findings.append(
            Finding(
                Code.S001,
                rel,
                1,
                "Thiếu phần đầu văn bản (front matter) giữa hai dòng «---».",
                hint="Tệp phải bắt đầu bằng dòng «---», các trường YAML, rồi dòng «---».",
                document=key,
            )
        )
        return None, findings
    if cached is not None:
        data, analysis = cached
        raw = RawDocument(
            rel, key, kind, data, parts.body, parts.body_line, parts.front, parts.front_line, analysis, digest
        )
        return raw, findings
    try:
        loaded = load_yaml(parts.front)
    except yaml.YAMLError as e:
        line0, why = explain_yaml_error(e)
        line = parts.front_line + (line0 or 0)
        findings.append(Finding(Code.S001, rel, line, f"Lỗi cú pháp YAML ở dòng {line}: {why}.", document=key))
        return None, findings
    if not isinstance(loaded, dict):
        findings.append(
            Finding(Code.S001, rel, parts.front_line, "Phần đầu văn bản phải là các cặp «tên: giá trị».", document=key)
        )
        return None, findings
    return RawDocument(
        rel, key, kind, loaded, parts.body, parts.body_line, parts.front, parts.front_line, digest=digest
    ), findings


def validate_document(raw: RawDocument) -> tuple[Entry | None, list[Finding]]:
    try:
        doc = Document.model_validate(raw.data)
    except ValidationError as e:
        return None, schema_findings(e, raw.path, raw.front, raw.front_line, raw.key)
    entry = Entry(
        key=raw.key,
        kind=raw.kind,
        path=raw.path,
        doc=doc,
        body=raw.body,
        body_line=raw.body_line,
        front=raw.front,
        front_line=raw.front_line,
    )
    if raw.analysis is not None:
        with contextlib.suppress(TypeError, ValueError):  # a damaged cache record: analysed afresh when first asked
            entry.analysis = TextAnalysis.from_record(raw.body, raw.analysis)
    return entry, []
