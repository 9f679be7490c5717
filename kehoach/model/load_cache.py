"""A cache of the per-file load work (YAML, text scans), so a repeated run re-reads only what changed.

Records hold built-in values only and are stored with `marshal` (several times faster than pickle
here, and it cannot construct arbitrary objects). The file lives in the user's cache directory, never
in the repository, so that nothing arriving in a pull request is ever read as a cache. Records are
keyed by path and content hash, and the whole file is dropped when kehoach's own code, Python or
PyYAML changes. A cache that cannot be read or written is ignored: it only ever saves time, it never
changes a result.

A record decides what a build publishes, so only records nobody else could have written are read: the
directory (created private, 0700) and the file must belong to the current user and be writable by no one
else. On a shared machine another user cannot plant a record.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import yaml

CACHE_ENV = "KEHOACH_CACHE_DIR"
SUFFIX = ".marshal"
STALE_AFTER_DAYS = 30  # caches of repositories not loaded for this long (old clones, temporary copies) are removed
PACKAGE = Path(__file__).resolve().parent.parent  # the whole kehoach package: any of its code may shape a record


def cache_dir() -> Path:
    """$KEHOACH_CACHE_DIR, else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path(os.path.expanduser("~")) / ".cache"
    return Path(base) / "kehoach"


def trusted(st: os.stat_result) -> bool:
    """Owned by the current user and writable by nobody else (where the system has owners at all)."""
    if not hasattr(os, "getuid"):  # Windows: the user's profile folder protects it
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def private_directory(path: Path, create: bool) -> bool:
    """Whether `path` is a directory only the current user may write (made so when `create` and missing)."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and trusted(st)


def content_digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the code that produced a record may have changed."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{sys.version}|{yaml.__version__}".encode())
    for source in sorted(PACKAGE.rglob("*.py")):
        h.update(source.relative_to(PACKAGE).as_posix().encode())
        h.update(source.read_bytes())
    return h.hexdigest()


class LoadCache:
    """Records of one repository: relative path → (content digest, record)."""

    def __init__(self, root: Path):
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=10).hexdigest()
        self.file = cache_dir() / f"load-{name}{SUFFIX}"
        self.old: dict[str, tuple[bytes, tuple]] = self._read()
        self.new: dict[str, tuple[bytes, tuple]] = {}

    def _read(self) -> dict:
        if not private_directory(self.file.parent, create=False):
            return {}
        try:
            fd = os.open(self.file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as f:
                if not trusted(os.fstat(f.fileno())):
                    return {}
                fingerprint, records = marshal.loads(f.read())  # loads: marshal.load reads a file piecemeal
        except Exception:  # missing, truncated, foreign or from another version: start afresh
            return {}
        if fingerprint != code_fingerprint() or not isinstance(records, dict):
            return {}
        records = {
            path: value
            for path, value in records.items()  # only well-formed (digest, record) pairs
            if type(value) is tuple and len(value) == 2 and type(value[0]) is bytes and type(value[1]) is tuple
        }
        with contextlib.suppress(OSError):
            os.utime(self.file)  # in use: not stale, whether or not this run changes it
        return records

    def __bool__(self) -> bool:
        return bool(self.old)

    def get(self, path: str, digest: bytes) -> tuple | None:
        found = self.old.get(path)
        return found[1] if found is not None and found[0] == digest else None

    def put(self, path: str, digest: bytes, record: tuple[object, ...]) -> None:
        self.new[path] = (digest, record)

    def save(self) -> None:
        """Write the records of this run, atomically, when they differ from what was read."""
        if self.new.keys() == self.old.keys() and all(self.old[k][0] == v[0] for k, v in self.new.items()):
            return
        tmp = None
        if not private_directory(self.file.parent, create=True):
            return  # a directory others may write is not ours to fill
        try:
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".load-")  # 0600
            with os.fdopen(fd, "wb") as f:
                f.write(_dumps(self.new))
            os.replace(tmp, self.file)
            self._prune()
        except OSError:  # a read-only home or a full disk costs speed, not correctness
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def _prune(self) -> None:
        cutoff = time.time() - STALE_AFTER_DAYS * 86400
        for other in self.file.parent.glob(f"load-*{SUFFIX}"):
            try:
                if other != self.file and other.stat().st_mtime < cutoff:
                    other.unlink()
            except OSError:
                pass


def _dumps(records: dict) -> bytes:
    """The cache file's bytes; a record marshal cannot hold (front matter with an explicit YAML
    timestamp, say) is left out rather than costing the others their place."""
    try:
        return marshal.dumps((code_fingerprint(), records))
    except ValueError:
        kept = {}
        for path, record in records.items():
            try:
                marshal.dumps(record)
            except ValueError:
                continue
            kept[path] = record
        return marshal.dumps((code_fingerprint(), kept))
