"""Where kehoach may write: every file a command or a build writes goes through here.

A name made from repository content (an organisation key in a calendar's name, a document key in a page's
path) must never reach outside the folder being written, whatever the content says: `inside` refuses a
name that is absolute, climbs with «..», or resolves (through a symbolic link) elsewhere. Files are written
whole or not at all: into a temporary file beside the target, then renamed over it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TypeVar

T = TypeVar("T")


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


def _read_umask() -> int:
    mask = os.umask(0)  # read once, at import: changing it later could race another thread creating a file
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _umask() -> int:
    return _UMASK


def write_file(folder: Path, name: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` as `name` under `folder`, refusing any name that leads outside it."""
    target = inside(folder, name)
    atomic_write(target, data)
    return target


class FolderRefused(ValueError):
    """A folder a command will not replace: it holds something the command did not write."""


def swap_in(new: Path, target: Path) -> None:
    """Put the folder `new` where `target` is, replacing it: renamed aside, `new` renamed in, the old removed.

    Readers see the old folder or the new one, never a mix. Two processes swapping at once both succeed
    and the last one wins: a folder that vanishes or appears meanwhile is retried, not an error.
    """
    for _ in range(20):
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.cu-"))
            try:
                os.replace(target, old / "x")
            except FileNotFoundError:  # another process took it away first
                old.rmdir()
                old = None
        try:
            os.rename(new, target)
        except OSError:  # another process put its own in between: take it away too
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
            continue
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return
    raise FolderRefused(f"Không thay được thư mục «{target.name}»: có chương trình khác đang ghi vào đó.")


class StagedFolder:
    """A new folder beside `target`, filled while `target` stays as it was, then swapped in whole
    (`publish`) or thrown away (`discard`). Each staging has its own name, so runs at once never meet."""

    def __init__(self, target: Path) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.moi-"))
        os.chmod(self.path, 0o777 & ~_umask())  # mkdtemp makes it private; the folder is meant to be read

    def publish(self) -> None:
        try:
            swap_in(self.path, self.target)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def replace_folder(target: Path, fill: Callable[[Path], T], marker: str, may_replace: Callable[[Path], bool]) -> T:
    """Make a folder afresh: `fill` writes into a new folder beside `target`, which then replaces it whole,
    so nothing of an earlier run survives. `target` must be missing, empty, marked with `marker` by an
    earlier run, or accepted by `may_replace`; anything else is a user's folder and is refused."""
    if target.exists() and not (
        target.is_dir() and (not any(target.iterdir()) or (target / marker).is_file() or may_replace(target))
    ):
        raise FolderRefused(
            f"«{target}» đã có tệp không phải do kehoach ghi (thiếu tệp {marker}); kehoach không xóa thư mục "
            "của người dùng. Chọn một thư mục trống hoặc chưa có."
        )
    staged = StagedFolder(target)
    try:
        result = fill(staged.path)
        (staged.path / marker).write_text("Thư mục do kehoach ghi; lần ghi sau thay toàn bộ.\n", encoding="utf-8")
    except BaseException:
        staged.discard()
        raise
    staged.publish()
    return result


def only_files(folder: Path, allowed: Callable[[str], bool]) -> bool:
    """Whether every file under `folder` (relative, with «/») is one `allowed` accepts."""
    return all(allowed(p.relative_to(folder).as_posix()) for p in folder.rglob("*") if not p.is_dir())


def contains(folder: Path, paths: Iterable[Path]) -> bool:
    """Whether `folder` is one of `paths` or holds one of them."""
    here = folder.resolve()
    return any(p.resolve() == here or p.resolve().is_relative_to(here) for p in paths)
