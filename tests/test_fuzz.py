"""Property-based fuzzing of the loader and checker: any input gives findings or success, never a crash.

`make test` runs a few examples per property; `make fuzz` runs KEHOACH_FUZZ_EXAMPLES per property
(≥ 10,000 in all) and prints Hypothesis' statistics.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import unicodedata
from pathlib import Path

import yaml
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import pieces

from kehoach.checks import run_checks
from kehoach.findings import CHECKS
from kehoach.model.load import load_repository
from kehoach.site.document import document_page

EXAMPLES = int(os.environ.get("KEHOACH_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED = (ROOT / "plans" / "duk-hanoi-dh" / "kh-90-2023.md").read_text(encoding="utf-8")
FRONT, BODY = SEED.split("\n---\n", 1)[0][4:], SEED.split("\n---\n", 1)[1]
FIELDS = yaml.safe_load(FRONT)

PIECES = pieces(markup=True, controls=True)
VIETNAMESE = st.lists(PIECES, max_size=60).map(" ".join)

YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.dates().map(str) | VIETNAMESE,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "title", "owner", "deadline", "type", "target", "code", "x"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)

WORKDIR = Path(tempfile.mkdtemp(prefix="kehoach-fuzz-"))
(WORKDIR / "plans" / "duk-hanoi-dh").mkdir(parents=True)
shutil.copy2(ROOT / "organizations.yml", WORKDIR / "organizations.yml")
TARGET = WORKDIR / "plans" / "duk-hanoi-dh" / "kh-90-2023.md"


def loaded(repo) -> tuple:
    return (
        [(f.code, f.path, f.line, f.message) for f in repo.findings],
        [
            (
                e.key,
                e.doc.model_dump_json(),
                e.plain.text,
                [(c.symbol, c.start) for c in e.citations],
                e.deadline_phrases,
                [d.text for d in e.written_dates],
            )
            for e in repo.entries
        ],
    )


def check_bytes(data: bytes, organizations: bytes | None = None) -> None:
    """Load and check a repository holding this one file; every outcome must be findings or pages."""
    TARGET.write_bytes(data)
    orgs = WORKDIR / "organizations.yml"
    orgs.write_bytes(organizations if organizations is not None else (ROOT / "organizations.yml").read_bytes())
    result = run_checks(load_repository(WORKDIR, jobs=1), dt.date(2023, 3, 16))
    # the load cache, filled then read, changes nothing the loader reports
    plain = loaded(result.view.repo)
    assert loaded(load_repository(WORKDIR, jobs=1, cache=True)) == plain
    assert loaded(load_repository(WORKDIR, jobs=1, cache=True)) == plain
    for f in result.findings:
        assert f.code in CHECKS and f.path and f.message, f
        assert str(WORKDIR) not in f.message  # messages name repository paths, never the machine's
    for entry in result.view.repo.entries:
        document_page(entry, result.view)


def document(fields: dict, body: str) -> bytes:
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}".encode()


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(sorted(FIELDS) + ["tasks", "relations", "acknowledgements", "sai_ten"]), YAML_VALUES, max_size=6
    ),
    VIETNAMESE,
)
def test_wrong_types_and_unknown_fields_in_front_matter(changes, body):
    check_bytes(document(FIELDS | changes, BODY + body))


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(FRONT)),
            st.integers(0, 12),
            st.sampled_from(
                [
                    ":",
                    "- ",
                    "[",
                    "]",
                    "{",
                    "}",
                    "\t",
                    "\n",
                    "'",
                    '"',
                    "&a",
                    "*a",
                    "!!python/object",
                    "---",
                    "? ",
                    "|",
                    ">",
                    "#",
                    "\x00",
                    "\ufeff",
                ]
            ),
        ),
        max_size=6,
    )
)
def test_malformed_yaml_syntax(edits):
    front = FRONT
    for at, cut, insert in edits:
        at = min(at, len(front))
        front = front[:at] + insert + front[at + cut :]
    check_bytes(f"---\n{front}\n---\n{BODY}".encode())


ENCODINGS = st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "latin-1", "nfd", "mixed"]
)


@FUZZ
@given(ENCODINGS, VIETNAMESE, st.binary(max_size=64), st.integers(0, 3))
def test_encodings_binary_data_and_confusables(encoding, text, noise, where):
    source = SEED + text
    if encoding == "nfd":
        data = unicodedata.normalize("NFD", source).encode("utf-8")
    elif encoding == "mixed":  # half decomposed, half composed: what a copy-paste from two programs gives
        half = len(source) // 2
        data = (source[:half] + unicodedata.normalize("NFD", source[half:])).encode("utf-8")
    else:
        data = source.encode(encoding, errors="replace")
    position = [0, len(data) // 3, len(data) // 2, len(data)][where]
    check_bytes(data[:position] + noise + data[position:])


@FUZZ
@given(st.integers(1, 400), VIETNAMESE, st.booleans())
def test_huge_files(repeat, text, without_front_matter):
    body = (BODY + text) * repeat  # up to ~6 MB of official text
    data = body.encode("utf-8") if without_front_matter else document(FIELDS, body)
    check_bytes(data)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["key", "name", "level", "parent", "codes", "terms", "units", "known"]), YAML_VALUES, max_size=4
    ),
    st.integers(0, 8),
)
def test_malformed_organizations_file(changes, which):
    data = yaml.safe_load((ROOT / "organizations.yml").read_text(encoding="utf-8"))
    orgs = data["organizations"]
    orgs[which % len(orgs)].update(changes)
    check_bytes(SEED.encode("utf-8"), yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
