"""Load a content repository: organisations, every document file, and federated sites' documents.

Never raises on bad input (see read.py). Large repositories are read on every core; files unchanged
since the last run come from the load cache.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..findings import Code, Finding
from .entry import Kind
from .federation import remote_entries
from .load_cache import LoadCache
from .read import RawDocument, ReadResult, cached_document, load_organizations, read_document, validate_document
from .repository import CONTENT_FOLDERS, Repository

Job = tuple[Path, Path, Kind, Path]  # (root, file, kind, content folder)


# Files a content folder may hold besides documents, read by people, not by kehoach.
NOT_DOCUMENTS = {"readme.md", "index.md", ".gitkeep"}


def document_files(root: Path) -> tuple[list[tuple[Path, Kind, Path]], list[Finding]]:
    """Every document file under the content folders, in a fixed order, and a finding (S010) for anything
    else found there: a file that is not `.md`, a symbolic link, a folder named `*.md`. Nothing is read
    through a link, so no file outside the repository is ever read as content."""
    files: list[tuple[Path, Kind, Path]] = []
    findings: list[Finding] = []
    for folder_name, kind in CONTENT_FOLDERS.items():
        folder = root / folder_name
        if folder.is_symlink():
            findings.append(_unreadable(root, folder, "là một liên kết (symlink)", "Thay liên kết bằng thư mục thật."))
            continue
        if not folder.is_dir():
            continue
        for directory, subdirs, names in os.walk(folder):
            here = Path(directory)
            subdirs.sort()
            for name in list(subdirs):
                path = here / name
                if path.is_symlink() or name.lower().endswith(".md"):
                    subdirs.remove(name)  # not walked into
                    findings.append(
                        _unreadable(
                            root,
                            path,
                            "là một liên kết (symlink)" if path.is_symlink() else "là một thư mục có tên đuôi .md",
                            "Thay liên kết bằng thư mục thật." if path.is_symlink() else "Đổi tên thư mục (bỏ «.md»).",
                        )
                    )
            for name in sorted(names):
                path = here / name
                if name.lower() in NOT_DOCUMENTS and not path.is_symlink():
                    continue
                if path.is_symlink():
                    findings.append(
                        _unreadable(
                            root,
                            path,
                            "là một liên kết (symlink)",
                            "Thay liên kết bằng chính tệp văn bản, hoặc xóa liên kết.",
                        )
                    )
                elif name.endswith(".md"):
                    files.append((path, kind, folder))
                else:
                    findings.append(_not_a_document(root, path))
    return files, findings


def _unreadable(root: Path, path: Path, what: str, hint: str) -> Finding:
    rel = path.relative_to(root).as_posix()
    return Finding(
        Code.S010, rel, None, f"«{rel}» {what}: máy không đọc, trang web không có văn bản này.", hint=hint, subject=rel
    )


def _not_a_document(root: Path, path: Path) -> Finding:
    name = path.name
    suffix = "".join(path.suffixes[-1:]).lower()
    if suffix in (".docx", ".doc", ".odt", ".pdf", ".rtf"):
        hint = (
            f"Tệp gốc (Word, PDF) không đặt ở đây: nhập bằng «kehoach import {name}» (hoặc đặt vào thư mục "
            "nhap/), rồi xóa tệp này khỏi thư mục văn bản."
        )
    elif name.lower().endswith(".md") or ".md." in name.lower():
        fixed = name[: name.lower().index(".md") + 3]
        hint = f"Nếu đây là văn bản của kho, đổi tên thành «{fixed[:-3]}.md»; nếu thừa, xóa."
    else:
        hint = "Văn bản của kho là tệp .md; nếu tệp này thừa, xóa; nếu là văn bản, đổi đuôi thành .md."
    return _unreadable(root, path, f"không phải tệp văn bản .md (đuôi «{suffix or 'không có'}»)", hint)


def _read_and_analyse(job: Job) -> ReadResult:
    """Worker: the per-file work (decoding, YAML, text analysis), returned as plain data."""
    raw, findings = read_document(*job)
    return (raw.analysed() if raw is not None else None), findings


def _read(job: Job) -> ReadResult:
    return read_document(*job)


# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 400


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
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


def _collect(repo: Repository, raws: Iterable[ReadResult], cache: LoadCache | None) -> None:
    for raw, file_findings in raws:
        repo.findings.extend(file_findings)
        if raw is None:
            continue
        record = raw.cache_record()
        if cache is not None and record is not None:
            cache.put(raw.path, raw.digest, record)
        entry, more = validate_document(raw)
        repo.findings.extend(more)
        if entry is not None:
            repo.entries.append(entry)


def load_repository(root: Path | str, jobs: int | None = None, cache: bool = False) -> Repository:
    """Load everything under `root`. Large repositories are read and analysed on every core.

    With `cache`, files unchanged since the last cached run skip YAML and the text analysis (load_cache).
    """
    with gc_paused():
        return _load_repository(Path(root), jobs, LoadCache(Path(root)) if cache else None)


def _load_repository(root: Path, jobs: int | None, cache: LoadCache | None) -> Repository:
    orgs, findings = load_organizations(root)
    listed, others = document_files(root)
    repo = Repository(root=root, orgs=orgs, findings=findings + others)
    files: list[Job] = [(root, f, kind, folder) for f, kind, folder in listed]
    # unchanged files come from the cache; only the others are parsed
    found = [cached_document(*job, cache=cache) for job in files] if cache else [None] * len(files)
    misses = [job for job, result in zip(files, found) if result is None]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    with contextlib.ExitStack() as stack:
        parsed: Iterator[ReadResult]
        # fork: workers inherit the loaded modules at no cost; where it does not exist (Windows) one process reads all
        if workers > 1 and len(misses) >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(workers))
            # imap, not map: each chunk is validated as it arrives, so the pickled results of the
            # whole repository are never held at once (map doubled the peak memory).
            parsed = pool.imap(_read_and_analyse, misses, chunksize=max(1, len(misses) // (workers * 16)))
        elif cache is not None:  # analysed now rather than lazily, so that the next run finds it cached
            parsed = map(_read_and_analyse, misses)
        else:
            parsed = map(_read, misses)
        # in file order, whatever came from the cache: a warm run reports exactly what a cold one does
        _collect(repo, (next(parsed) if result is None else result for result in found), cache)
    if cache is not None:
        cache.save()
    repo.remote, more = remote_entries(root, {e.doc.issuer for e in repo.entries})
    repo.findings.extend(more)
    return repo


__all__ = ["PARALLEL_THRESHOLD", "RawDocument", "document_files", "gc_paused", "load_organizations", "load_repository"]
