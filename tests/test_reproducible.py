"""Two builds of the same content, from different places on disk, write the same bytes."""

from __future__ import annotations

import hashlib

from helpers import build_copy


def digests(site):
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_from_different_directories_are_byte_identical(tmp_path):
    # SOURCE_DATE_EPOCH (2023-03-20) pins the build day, as a release build would; copies hold no
    # git history, so no page carries a last-updated date (the one thing git may legitimately change).
    env = {"SOURCE_DATE_EPOCH": "1679313600"}
    first = build_copy(tmp_path / "a", lambda root: None, env=env)
    second = build_copy(tmp_path / "somewhere-else", lambda root: None, env=env)
    assert first[0] == 0 and second[0] == 0, (first[1][-2000:], second[1][-2000:])
    one, two = digests(first[2]), digests(second[2])
    assert len(one) > 50 and any(name.startswith("pagefind/") for name in one)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
