"""Load a content repository: organisations and documents, never raising on bad input.

Every problem with a file becomes a finding with its path and line; the file is then skipped
or loaded as far as it can be, so one broken file never hides the findings of the others.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from .citations import Citation, find_citations
from .dates import find_deadline_phrases, written_dates
from .federation import remote_entries
from .findings import Finding
from .frontmatter import explain_yaml_error, load_yaml, node_line, split
from .load_cache import LoadCache, content_digest
from .model import Document, OrganizationsFile
from .orgs import OrgTree
from .plain import PlainText
from .text import CONFUSABLES, is_nfc, nfc
from .validation import schema_findings

KINDS = {"plans": "plan", "outlines": "outline", "resolutions": "resolution"}
ORGANIZATIONS_FILE = "organizations.yml"


@dataclass
class Entry:
    """One document file: its key, where it lives, its metadata and its official body."""

    key: str
    kind: str
    path: str
    doc: Document
    body: str
    body_line: int
    front: str = ""
    front_line: int = 2
    url: str | None = None  # a federated site's page, for documents of another repository (kind "remote")

    def field_line(self, *path) -> int | None:
        """File line of a front matter field, e.g. ("tasks", 2, "owner")."""
        line0 = node_line(self.front, path)
        return self.front_line + line0 if line0 is not None else None

    @cached_property
    def plain(self) -> PlainText:
        return PlainText(self.body)

    @cached_property
    def citations(self) -> list[Citation]:
        return find_citations(self.plain)

    @cached_property
    def deadline_phrases(self) -> list[tuple[int, int, str]]:
        return find_deadline_phrases(self.plain.text)

    @cached_property
    def written_dates(self) -> list:
        return list(written_dates(self.plain.text))

    def file_line(self, plain_offset: int) -> int:
        return self.body_line + self.plain.line(plain_offset) - 1


class _DateMatch:
    """The parts of a date match the checks use; re.Match objects cannot cross processes."""

    __slots__ = ("_groups", "_text", "_start")

    def __init__(self, groups: dict, text: str, start: int):
        self._groups, self._text, self._start = groups, text, start

    def groupdict(self):
        return self._groups

    def group(self, _=0):
        return self._text

    def start(self):
        return self._start


@dataclass
class Repository:
    root: Path
    orgs: OrgTree
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    remote: list[Entry] = field(default_factory=list)  # documents of federated sites (kehoach.yml)


def decode(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Bytes to NFC text with confusables reported. Returns (text or None, findings)."""
    findings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        return None, [Finding("F001", path, 1, "Tệp không phải văn bản UTF-8 (có vẻ là UTF-16 hoặc tệp nhị phân).",
                              hint="Mở tệp và lưu lại với mã hóa UTF-8.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        return None, [Finding("F001", path, line, f"Byte không hợp lệ trong UTF-8 ở dòng {line} (có thể tệp lưu bằng mã Windows-1258).",
                              hint="Mở tệp và lưu lại với mã hóa UTF-8.")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not is_nfc(text):
        line = next(i for i, ln in enumerate(text.split("\n"), 1) if not is_nfc(ln))
        findings.append(Finding("F002", path, line, "Văn bản có chữ ở dạng tách dấu (NFD), tìm kiếm và so khớp sẽ sai.",
                                hint=f"Chạy «kehoach normalize {path}» (chỉ đổi cách mã hóa dấu, không đổi chữ nào)."))
        text = nfc(text)
    if any(ch in text for ch in CONFUSABLES):  # rare: scan character by character only then
        findings.extend(_confusable_findings(text, path))
        text = text.translate(str.maketrans(CONFUSABLES))
    return text, findings


def _confusable_findings(text: str, path: str) -> list[Finding]:
    findings = []
    for lineno, line_text in enumerate(text.split("\n"), 1):
        for col, ch in enumerate(line_text, 1):
            if ch in CONFUSABLES:
                findings.append(Finding(
                    "F003", path, lineno,
                    f"Ký tự «{ch}» (U+{ord(ch):04X}) ở cột {col} trông giống «{CONFUSABLES[ch]}» (U+{ord(CONFUSABLES[ch]):04X}) nhưng là chữ khác.",
                    hint=f"Thay «{ch}» bằng «{CONFUSABLES[ch]}».", subject=ch))
    return findings


def load_organizations(root: Path) -> tuple[OrgTree, list[Finding]]:
    path = root / ORGANIZATIONS_FILE
    rel = ORGANIZATIONS_FILE
    if not path.exists():
        return OrgTree([]), [Finding("S001", rel, None, "Thiếu tệp organizations.yml.", hint="Tạo tệp theo mẫu trong README.")]
    text, findings = decode(path.read_bytes(), rel)
    if text is None:
        return OrgTree([]), findings
    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        line0, why = explain_yaml_error(e)
        return OrgTree([]), findings + [Finding("S001", rel, (line0 or 0) + 1, f"Lỗi cú pháp YAML: {why}.")]
    try:
        parsed = OrganizationsFile.model_validate(data if isinstance(data, dict) else {"organizations": data})
    except ValidationError as e:
        return OrgTree([]), findings + schema_findings(e, rel, text, 1, None)
    tree = OrgTree(parsed.organizations)
    seen: set[str] = set()
    for i, org in enumerate(parsed.organizations):
        if org.key in seen:
            findings.append(Finding("S003", rel, None, f"Mã tổ chức «{org.key}» bị khai báo hai lần.", subject=org.key))
        seen.add(org.key)
        if org.parent and org.parent not in tree:
            findings.append(Finding("S004", rel, None, f"Tổ chức «{org.key}» có cấp trên «{org.parent}» không tồn tại.",
                                    hint="Sửa «parent» thành mã một tổ chức đã khai báo.", subject=org.parent))
    return tree, findings


@dataclass
class RawDocument:
    """A document file read and parsed, not yet validated: plain data, cheap to send between processes."""

    path: str
    key: str
    kind: str
    data: dict
    body: str
    body_line: int
    front: str
    front_line: int
    analysis: tuple | None = None  # (plain text state, citations, deadline phrases, dates), when precomputed
    digest: bytes = b""  # of the file's bytes, the load cache's key

    def cache_record(self) -> tuple:
        """What the load cache keeps: the parsed front matter and the text scans, not the file's text."""
        (_, text, has_markup), citations, phrases, dates = self.analysis
        return self.data, text if has_markup else None, [c.as_record() for c in citations], phrases, dates


_MISS = object()  # read_document(cached_only=True) on a file the cache does not hold


def read_document(root: Path, file: Path, kind: str, folder: Path, cache: LoadCache | None = None,
                  cached_only: bool = False):
    """(RawDocument or None, findings); with `cached_only`, _MISS unless the cache holds this exact file."""
    rel = file.relative_to(root).as_posix()
    key = file.relative_to(folder).with_suffix("").as_posix()
    content = file.read_bytes()
    digest = content_digest(content)
    record = cache.get(rel, digest) if cache is not None else None
    if record is None and cached_only:
        return _MISS
    text, findings = decode(content, rel)
    if text is None:
        return None, findings
    parts = split(text)
    if parts is None:
        findings.append(Finding("S001", rel, 1, "Thiếu phần đầu văn bản (front matter) giữa hai dòng «---».",
                                hint="Tệp phải bắt đầu bằng dòng «---», các trường YAML, rồi dòng «---».", document=key))
        return None, findings
    if record is not None:
        try:
            data, marked, citations, phrases, dates = record
            plain_state = (parts.body, parts.body if marked is None else marked, marked is not None)
            analysis = (plain_state, [Citation.from_record(c) for c in citations], phrases, dates)
        except (TypeError, ValueError):  # a record of some other shape: parse the file instead
            if cached_only:
                return _MISS
        else:
            return RawDocument(rel, key, kind, data, parts.body, parts.body_line, parts.front, parts.front_line,
                               analysis, digest), findings
    try:
        data = load_yaml(parts.front)
    except yaml.YAMLError as e:
        line0, why = explain_yaml_error(e)
        line = parts.front_line + (line0 or 0)
        findings.append(Finding("S001", rel, line, f"Lỗi cú pháp YAML ở dòng {line}: {why}.", document=key))
        return None, findings
    if not isinstance(data, dict):
        findings.append(Finding("S001", rel, parts.front_line, "Phần đầu văn bản phải là các cặp «tên: giá trị».", document=key))
        return None, findings
    return RawDocument(rel, key, kind, data, parts.body, parts.body_line, parts.front, parts.front_line,
                       digest=digest), findings


def validate_document(raw: RawDocument) -> tuple[Entry | None, list[Finding]]:
    try:
        doc = Document.model_validate(raw.data)
    except ValidationError as e:
        return None, schema_findings(e, raw.path, raw.front, raw.front_line, raw.key)
    entry = Entry(key=raw.key, kind=raw.kind, path=raw.path, doc=doc, body=raw.body, body_line=raw.body_line,
                  front=raw.front, front_line=raw.front_line)
    if raw.analysis is not None:
        plain_state, citations, phrases, dates = raw.analysis
        plain = PlainText.__new__(PlainText)
        plain.__setstate__(plain_state)
        entry.__dict__.update(plain=plain, citations=citations, deadline_phrases=phrases,
                              written_dates=[_DateMatch(*d) for d in dates])
    return entry, []


def load_document(root: Path, file: Path, kind: str, folder: Path) -> tuple[Entry | None, list[Finding]]:
    raw, findings = read_document(root, file, kind, folder)
    if raw is None:
        return None, findings
    entry, more = validate_document(raw)
    return entry, findings + more


def document_files(root: Path) -> list[tuple[Path, str, Path]]:
    files = []
    for folder_name, kind in KINDS.items():
        folder = root / folder_name
        if folder.is_dir():
            files += [(f, kind, folder) for f in sorted(folder.rglob("*.md")) if f.name.lower() not in ("readme.md", "index.md")]
    return files


def _read_and_analyse(job) -> tuple[RawDocument | None, list[Finding]]:
    """Worker: the per-file work (decoding, YAML, text scans), returned as plain data."""
    raw, findings = read_document(*job)
    if raw is not None and raw.analysis is None:
        plain = PlainText(raw.body)
        dates = [(m.groupdict(), m.group(0), m.start()) for m in written_dates(plain.text)]
        raw.analysis = (plain.__getstate__(), find_citations(plain), find_deadline_phrases(plain.text), dates)
    return raw, findings


# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 400


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector for a batch that allocates many small acyclic objects.

    Loading 10,000 documents otherwise triggers hundreds of full collections (about 20% of the time).
    What the batch made is then frozen: the first collection after it would otherwise walk every one
    of those objects (a second at 10,000 documents), and the checks that follow would walk them again.
    The next batch thaws them first, so a long-lived process (`mkdocs serve`) still frees old cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _collect(repo: Repository, raws, cache: LoadCache | None) -> None:
    for raw, file_findings in raws:
        repo.findings.extend(file_findings)
        if raw is not None:
            if cache is not None and raw.analysis is not None:
                cache.put(raw.path, raw.digest, raw.cache_record())
            entry, more = validate_document(raw)
            repo.findings.extend(more)
            if entry is not None:
                repo.entries.append(entry)


def load_repository(root: Path | str, jobs: int | None = None, cache: bool = False) -> Repository:
    """Load everything under `root`. Large repositories are read and analysed on every core.

    With `cache`, files unchanged since the last cached run skip YAML and the text scans (load_cache).
    """
    with gc_paused():
        return _load_repository(Path(root), jobs, LoadCache(Path(root)) if cache else None)


def _load_repository(root: Path, jobs: int | None, cache: LoadCache | None) -> Repository:
    orgs, findings = load_organizations(root)
    repo = Repository(root=root, orgs=orgs, findings=findings)
    files = [(root, f, kind, folder) for f, kind, folder in document_files(root)]
    # unchanged files come from the cache; only the others are parsed
    found = [read_document(*job, cache=cache, cached_only=True) for job in files] if cache else [_MISS] * len(files)
    misses = [job for job, result in zip(files, found) if result is _MISS]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    with contextlib.ExitStack() as stack:
        # fork: workers inherit the loaded modules at no cost; where it does not exist (Windows) one process reads all
        if workers > 1 and len(misses) >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(workers))
            # imap, not map: each chunk is validated as it arrives, so the pickled results of the
            # whole repository are never held at once (map doubled the peak memory).
            parsed = pool.imap(_read_and_analyse, misses, chunksize=max(1, len(misses) // (workers * 16)))
        elif cache is not None:  # analysed now rather than lazily, so that the next run finds it cached
            parsed = map(_read_and_analyse, misses)
        else:
            parsed = (read_document(*job) for job in misses)
        # in file order, whatever came from the cache: a warm run reports exactly what a cold one does
        _collect(repo, (next(parsed) if result is _MISS else result for result in found), cache)
    if cache is not None:
        cache.save()
    repo.remote, more = remote_entries(root, Entry)
    repo.findings.extend(more)
    return repo
