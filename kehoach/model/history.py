"""The repository's history from git: which commits touched each content file, read in one pass.

Pages show each document's changes, the feed lists new and changed documents, and a plan never reviewed
is compared with its upstream document as it stood when the plan was first committed. All of it comes from
one `git log` over the content folders (never one process per file) and one `git cat-file --batch` process
for the old versions asked for. Outside a git checkout, or without git, the history is empty and everything
that uses it falls back (no dates, no history section, the upstream taken as it is now).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .repository import CONTENT_PATHS

# git reads these from the environment; a build or check must read this repository and no other
_GIT_ENVIRONMENT = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE")
_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str
    day: dt.date  # the commit date (when it entered the repository)
    subject: str  # the first line of its message
    author: str


@dataclass
class History:
    root: Path
    commits: dict[str, list[Commit]] = field(default_factory=dict)  # path -> commits touching it, newest first
    order: dict[str, int] = field(default_factory=dict)  # sha -> position, 0 the newest
    _blobs: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def of(self, path: str) -> list[Commit]:
        return self.commits.get(path, [])

    def first(self, path: str) -> Commit | None:
        found = self.of(path)
        return found[-1] if found else None

    def changed_since(self, path: str, commit: Commit) -> bool:
        """Whether a commit after `commit` touched `path`."""
        position = self.order.get(commit.sha)
        return position is not None and any(self.order[c.sha] < position for c in self.of(path))

    def version_at(self, path: str, commit: Commit) -> Commit | None:
        """The last commit at or before `commit` that touched `path` (its content as of `commit`)."""
        position = self.order.get(commit.sha)
        if position is None:
            return None
        return next((c for c in self.of(path) if self.order[c.sha] >= position), None)

    def read(self, commit: Commit, path: str) -> str | None:
        """The file's text in that commit; None when it did not exist, could not be read, or is not UTF-8."""
        key = (commit.sha, path)
        if key not in self._blobs:
            self._blobs |= _read_blobs(self.root, [key])
        return self._blobs.get(key)

    def last_day(self, path: str) -> dt.date | None:
        """The day of the last commit touching `path` (a page's «cập nhật lần cuối»)."""
        found = self.of(path)
        return found[0].day if found else None

    def forget(self) -> None:
        """Drop the old versions read so far (a large build reads them batch by batch)."""
        self._blobs.clear()

    def read_many(self, wanted: list[tuple[Commit, str]]) -> None:
        """Read several old versions with one git process (they are then answered by `read`)."""
        missing = [(c.sha, p) for c, p in wanted if (c.sha, p) not in self._blobs]
        if missing:
            self._blobs |= _read_blobs(self.root, missing)


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENVIRONMENT}
    return env | {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C.UTF-8"}


def _is_top(root: Path) -> bool:
    """Whether `root` is the top of a git checkout: a repository copied into another one's folder must not
    be given the other's history."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, env=_environment(), timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    top = out.stdout.decode("utf-8", errors="replace").strip()
    return out.returncode == 0 and bool(top) and Path(top).resolve() == Path(root).resolve()


def load_history(root: Path) -> History:
    """One pass of `git log` over the content folders; an empty history outside a checkout."""
    history = History(Path(root))
    if not _is_top(root):
        return history
    try:
        out = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "log",
                f"--format={_RECORD}%H{_FIELD}%cs{_FIELD}%an{_FIELD}%s",
                "--name-only",
                "--no-renames",
                "--",
                *CONTENT_PATHS,
            ],
            cwd=root,
            capture_output=True,
            env=_environment(),
            timeout=300,
        )
    except (OSError, subprocess.SubprocessError):
        return history
    if out.returncode != 0:
        return history
    text = out.stdout.decode("utf-8", errors="replace")
    for position, record in enumerate(r for r in text.split(_RECORD) if r.strip()):
        head, _, names = record.partition("\n")
        sha, day, author, subject = (head.split(_FIELD) + ["", "", "", ""])[:4]
        try:
            commit = Commit(sha, dt.date.fromisoformat(day), subject, author)
        except ValueError:
            continue
        history.order[sha] = position
        for name in names.splitlines():
            if name.strip():
                history.commits.setdefault(name.strip(), []).append(commit)
    return history


def _read_blobs(root: Path, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str | None]:
    """Old versions through one `git cat-file --batch`: «sha:path» in, «<oid> blob <size>\\n<bytes>\\n» out."""
    found: dict[tuple[str, str], str | None] = dict.fromkeys(wanted)
    request = "".join(f"{sha}:{path}\n" for sha, path in wanted).encode("utf-8")
    try:
        out = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=root,
            input=request,
            capture_output=True,
            env=_environment(),
            timeout=300,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return found
    at = 0
    for key in wanted:
        line_end = out.find(b"\n", at)
        if line_end < 0:
            break
        header = out[at:line_end].split()
        at = line_end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue  # «… missing»: the file did not exist in that commit
        size = int(header[2])
        data = out[at : at + size]
        at += size + 1
        try:
            found[key] = data.decode("utf-8")
        except UnicodeDecodeError:
            found[key] = None
    return found
