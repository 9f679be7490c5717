"""Read one content file: organizations.yml into the tree, a document file into an `Entry`.

Never raises on bad input: each problem becomes a finding with path and line, and the file is loaded
as far as it can be.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..findings import Code, Finding
from ..text.analysis import TextAnalysis, analyse
from .decode import decode
from .entry import Entry, Kind
from .frontmatter import Duplicate, node_line, parse_yaml, probable_body_start, split
from .load_cache import LoadCache, content_digest
from .orgs import OrgTree
from .repository import ORGANIZATIONS_FILE
from .schema import Document, OrganizationsFile
from .validation import duplicate_findings, schema_findings, yaml_error_finding


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
        parsed_yaml = parse_yaml(text)
    except yaml.YAMLError as e:
        return OrgTree([]), [*findings, yaml_error_finding(e, rel, text, 1, None)]
    findings += duplicate_findings(parsed_yaml.duplicates, rel, text, 1, None)
    data = parsed_yaml.data
    try:
        parsed = OrganizationsFile.model_validate(data if isinstance(data, dict) else {"organizations": data})
    except ValidationError as e:
        return OrgTree([]), findings + schema_findings(e, OrganizationsFile, rel, text, 1, None)
    tree = OrgTree(parsed.organizations)
    findings += _twice_declared(parsed, text)
    seen: set[str] = set()
    for i, org in enumerate(parsed.organizations):
        if org.key in seen:
            line = node_line(text, ("organizations", i, "key"))
            findings.append(
                Finding(
                    Code.S003,
                    rel,
                    line + 1 if line is not None else None,
                    f"Mã tổ chức «{org.key}» bị khai báo hai lần.",
                    hint="Đổi mã của một trong hai tổ chức, hoặc xóa khai báo thừa.",
                    subject=org.key,
                )
            )
        seen.add(org.key)
        if org.parent and org.parent not in tree:
            line = node_line(text, ("organizations", i, "parent"))
            findings.append(
                Finding(
                    Code.S004,
                    rel,
                    line + 1 if line is not None else None,
                    f"Tổ chức «{org.key}» có cấp trên «{org.parent}» không tồn tại.",
                    hint="Sửa «parent» thành mã một tổ chức đã khai báo.",
                    subject=org.parent,
                )
            )
    return tree, findings


def _twice_declared(parsed: OrganizationsFile, text: str) -> list[Finding]:
    """S003 for a unit key or term id used twice within one organisation (owners and terms are looked up by it)."""
    findings = []
    for i, org in enumerate(parsed.organizations):
        for part, what, keys in (
            ("units", "Mã đơn vị", [u.key for u in org.units]),
            ("terms", "Mã nhiệm kỳ", [t.id for t in org.terms]),
        ):
            for j, key in enumerate(keys):
                if key in keys[:j]:
                    line = node_line(text, ("organizations", i, part, j))
                    findings.append(
                        Finding(
                            Code.S003,
                            ORGANIZATIONS_FILE,
                            line + 1 if line is not None else None,
                            f"{what} «{key}» của tổ chức «{org.key}» bị khai báo hai lần.",
                            hint="Đổi mã hoặc xóa khai báo thừa.",
                            subject=key,
                        )
                    )
    return findings


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
    duplicates: list[Duplicate] = field(default_factory=list)  # keys written twice in the front matter

    def analysed(self) -> RawDocument:
        """The same document with its text analysis computed (in a worker process, or to fill the cache)."""
        if self.analysis is None:
            self.analysis = analyse(self.body).as_record()
        return self

    def cache_record(self) -> tuple[object, ...] | None:
        """What the load cache keeps: the parsed front matter and the text analysis, not the file's text."""
        if self.analysis is None:
            return None
        return self.data, self.analysis, [(list(d.path), d.line) for d in self.duplicates]


ReadResult = tuple[RawDocument | None, list[Finding]]


def cached_document(root: Path, file: Path, kind: Kind, folder: Path, cache: LoadCache) -> ReadResult | None:
    """The document as the load cache holds it; None unless the cache holds this exact file."""
    rel = file.relative_to(root).as_posix()
    try:
        content = file.read_bytes()
    except OSError:
        return None  # read_document says why
    digest = content_digest(content)
    record = cache.get(rel, digest)
    if record is None or len(record) != 3:
        return None
    data, analysis, duplicates = record
    if not isinstance(data, dict) or not isinstance(analysis, tuple) or not isinstance(duplicates, list):
        return None
    try:
        dups = [Duplicate(tuple(where), line) for where, line in duplicates]
    except (TypeError, ValueError):
        return None
    return _parsed(
        rel, file.relative_to(folder).with_suffix("").as_posix(), kind, content, digest, (data, analysis, dups)
    )


def read_document(root: Path, file: Path, kind: Kind, folder: Path) -> ReadResult:
    """(RawDocument or None, findings) for one document file."""
    try:
        content = file.read_bytes()
    except OSError as e:
        rel = file.relative_to(root).as_posix()
        return None, [
            Finding(
                Code.F001,
                rel,
                None,
                f"Không đọc được tệp ({e.strerror or type(e).__name__}).",
                hint="Kiểm tra quyền đọc của tệp; tệp phải là một tệp chữ bình thường.",
            )
        ]
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
    cached: tuple[dict[str, object], tuple[object, ...], list[Duplicate]] | None,
) -> ReadResult:
    """Decode and split the file; the front matter and analysis come from `cached` when given, else YAML is parsed."""
    text, findings = decode(content, rel)
    if text is None:
        return None, findings
    parts = split(text)
    if parts is None:
        findings.append(_missing_front_matter(text, rel, key))
        return None, findings
    if cached is not None:
        data, analysis, duplicates = cached
        raw = RawDocument(
            rel,
            key,
            kind,
            data,
            parts.body,
            parts.body_line,
            parts.front,
            parts.front_line,
            analysis,
            digest,
            duplicates,
        )
        return raw, findings + duplicate_findings(duplicates, rel, parts.front, parts.front_line, key)
    try:
        parsed = parse_yaml(parts.front)
    except yaml.YAMLError as e:
        findings.append(yaml_error_finding(e, rel, parts.front, parts.front_line, key))
        return None, findings
    if not isinstance(parsed.data, dict):
        findings.append(
            Finding(Code.S001, rel, parts.front_line, "Phần đầu văn bản phải là các cặp «tên: giá trị».", document=key)
        )
        return None, findings
    findings += duplicate_findings(parsed.duplicates, rel, parts.front, parts.front_line, key)
    return RawDocument(
        rel,
        key,
        kind,
        parsed.data,
        parts.body,
        parts.body_line,
        parts.front,
        parts.front_line,
        digest=digest,
        duplicates=parsed.duplicates,
    ), findings


def _missing_front_matter(text: str, rel: str, key: str) -> Finding:
    if text.split("\n", 1)[0].strip() == "---":  # opened, never closed
        body = probable_body_start(text.split("\n", 1)[1] if "\n" in text else "")
        return Finding(
            Code.S001,
            rel,
            1,
            "Phần đầu mở bằng dòng «---» nhưng không có dòng «---» đóng lại.",
            hint=f"Thêm một dòng «---» ngay trước dòng {2 + (body or 0)} (sau trường cuối cùng của phần đầu)."
            if body is not None
            else "Thêm một dòng «---» sau trường cuối cùng của phần đầu.",
            document=key,
        )
    return Finding(
        Code.S001,
        rel,
        1,
        "Thiếu phần đầu văn bản (front matter) giữa hai dòng «---».",
        hint="Tệp phải bắt đầu bằng dòng «---», các trường YAML, rồi dòng «---».",
        document=key,
    )


def validate_document(raw: RawDocument) -> tuple[Entry | None, list[Finding]]:
    try:
        doc = Document.model_validate(raw.data)
    except ValidationError as e:
        return None, schema_findings(e, Document, raw.path, raw.front, raw.front_line, raw.key)
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
