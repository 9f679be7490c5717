#!/usr/bin/env python3
"""Check the search evaluation set: every key exists, kinds are known, counts per kind and document.

    python tests/corpus/search/check_queries.py            # check and print counts
    python tests/corpus/search/check_queries.py --overlap  # also list, per query, the documents
                                                           # whose folded text holds every query word

Exits 1 on an error (unknown key or kind, missing field, duplicate query, kind under its minimum).
The --overlap view is a rough sanity aid for editing the set (plain substring match on folded
text), not a model of the site's ranking.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CONTENT = ("plans", "outlines", "resolutions")
KINDS = (
    "no-diacritics",
    "partial-diacritics",
    "with-diacritics",
    "symbol",
    "person",
    "unit-or-org",
    "task-phrase",
    "date",
    "phrase",
)
MIN_PER_KIND = 6
MIN_QUERIES = 70


def content_keys() -> dict[str, Path]:
    keys: dict[str, Path] = {}
    for folder in CONTENT:
        for path in sorted((ROOT / folder).rglob("*.md")):
            keys[path.relative_to(ROOT / folder).with_suffix("").as_posix()] = path
    return keys


def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def main(argv: list[str]) -> int:
    keys = content_keys()
    queries = yaml.safe_load((HERE / "queries.yml").read_text(encoding="utf-8"))
    errors: list[str] = []
    by_kind: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    also_of: Counter[str] = Counter()
    kinds_of: dict[str, set[str]] = {}
    seen: set[str] = set()

    for i, item in enumerate(queries, 1):
        where = f"#{i} {item.get('q')!r}"
        for field in ("q", "want", "kind"):
            if not item.get(field):
                errors.append(f"{where}: missing {field}")
        unknown = set(item) - {"q", "want", "also", "kind", "note"}
        if unknown:
            errors.append(f"{where}: unknown fields {sorted(unknown)}")
        q = str(item.get("q", ""))
        if q in seen:
            errors.append(f"{where}: duplicate query")
        seen.add(q)
        if item.get("kind") not in KINDS:
            errors.append(f"{where}: unknown kind {item.get('kind')!r}")
        also = item.get("also") or []
        if not isinstance(also, list):
            errors.append(f"{where}: also must be a list")
            also = []
        for key in [item.get("want"), *also]:
            if key not in keys:
                errors.append(f"{where}: no content file for key {key!r}")
        if item.get("want") in also:
            errors.append(f"{where}: want repeated in also")
        if not 1 <= len(q.split()) <= 6:
            errors.append(f"{where}: {len(q.split())} words (keep 1-6)")
        by_kind[item.get("kind")] += 1
        wanted[item.get("want")] += 1
        kinds_of.setdefault(item.get("want"), set()).add(item.get("kind"))
        for key in also:
            also_of[key] += 1

    if len(queries) < MIN_QUERIES:
        errors.append(f"{len(queries)} queries, fewer than {MIN_QUERIES}")
    for kind in KINDS:
        if by_kind[kind] < MIN_PER_KIND:
            errors.append(f"kind {kind}: {by_kind[kind]} queries, fewer than {MIN_PER_KIND}")

    print(f"{len(queries)} queries, {sum(1 for q in queries if q.get('also'))} with `also`\n")
    print("Per kind:")
    for kind in KINDS:
        print(f"  {kind:20} {by_kind[kind]:3}")
    print("\nPer wanted document (want / also; kinds):")
    for key in sorted(keys, key=lambda k: (-wanted[k], k)):
        kinds = ", ".join(sorted(kinds_of.get(key, ())))
        print(f"  {key:45} {wanted[key]:3} / {also_of[key]:<2} {kinds}")
    never = [k for k in keys if not wanted[k]]
    if never:
        print(f"\nNever wanted ({len(never)}): {', '.join(never)}")

    if "--overlap" in argv:
        texts = {k: fold(p.read_text(encoding="utf-8")) for k, p in keys.items()}
        print("\nDocuments whose folded text contains every query word (substring match):")
        for item in queries:
            words = fold(str(item["q"])).split()
            hits = [k for k, t in texts.items() if all(w in t for w in words)]
            ok = "ok " if item["want"] in hits else "-- "
            print(f"  {ok}{item['q']!r:45} -> {len(hits)}: {', '.join(hits[:6])}{' …' if len(hits) > 6 else ''}")

    if errors:
        print("\nERRORS:", *errors, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
