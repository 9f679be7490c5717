"""Where kehoach may write: every file a command or a build writes goes through here.

A name made from repository content (an organisation key in a calendar's name, a document key in a page's
path) must never reach outside the folder being written, whatever the content says: `inside` refuses a
name that is absolute, climbs with «..», or resolves (through a symbolic link) elsewhere. Files are written
whole or not at all: into a temporary file beside the target, then renamed over it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath


class OutsideFolder(ValueError):
    """A path that would be written outside the folder it belongs to."""


def relative_name(name: str | os.PathLike[str]) -> str:
    """`name` as a relative path that stays where it is put (no «..», not absolute); raises OutsideFolder."""
    text = os.fspath(name)
    parts = PurePosixPath(text.replace("\\", "/")).parts
    if (
        not text
        or "\x00" in text
        or PurePosixPath(text).is_absolute()
        or PureWindowsPath(text).is_absolute()
        or PureWindowsPath(text).drive
        or ".." in parts
    ):
        raise OutsideFolder(f"«{text[:60]}» không phải một tên tệp nằm trong thư mục được ghi.")
    return text


def inside(folder: Path, name: str | os.PathLike[str]) -> Path:
    """The path of `name` under `folder`, checked to stay there once links are followed; raises OutsideFolder."""
    base = folder.resolve()
    target = (base / relative_name(name)).resolve()
    if target == base or not target.is_relative_to(base):
        raise OutsideFolder(f"«{os.fspath(name)[:60]}» dẫn ra ngoài thư mục được ghi.")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: a full disk or a crash leaves the old file, never half a new one.
    The file keeps the permissions an existing file had."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(folder: Path, name: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` as `name` under `folder`, refusing any name that leads outside it."""
    target = inside(folder, name)
    atomic_write(target, data)
    return target
