"""The fast YAML path must give exactly what PyYAML gives (with dates kept as text)."""

from __future__ import annotations

import pytest
import yaml
from helpers import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.model.frontmatter import AliasRefused, Duplicate, Loader, load_yaml, parse_yaml

SCALARS = st.one_of(
    st.sampled_from(
        [
            "yes",
            "No",
            "on",
            "OFF",
            "true",
            "~",
            "null",
            "",
            "0x1F",
            "0o17",
            "017",
            "1_000",
            "3.5",
            ".inf",
            "-.NaN",
            "1e3",
            "2023-02-30",
            "2023-02-28",
            "12:30",
            "=",
            "<<",
            "08",
            "+12",
            "Đảng ủy Khối",
            "KH",
        ]
    ),
    st.text(alphabet="abcđĐơư 0123456789.-:+_ăâêôTtFfYyNnOo~", max_size=12),
)
KEYS = st.text(alphabet="abcdefghij_", min_size=1, max_size=6)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=12,
)


def reference(text):
    return yaml.load(text, Loader=Loader)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=5), st.booleans())
def test_same_values_as_pyyaml(data, flow):
    # Dump as plain (unquoted where possible) so that implicit resolution is exercised.
    text = yaml.dump(data, allow_unicode=True, default_flow_style=flow, Dumper=yaml.SafeDumper)
    plain_text = text.replace("'", "")
    for candidate in (text, plain_text):
        try:
            expected = reference(candidate)
        except yaml.YAMLError:
            continue
        assert load_yaml(candidate) == expected, candidate


def test_tags_and_duplicates_fall_back_to_pyyaml_values():
    for text in ["a: !!str 12\n", "a: 1\na: 2\n", "d: 2023-02-30\n"]:
        assert load_yaml(text) == reference(text)
    with pytest.raises(yaml.YAMLError):  # an unhashable key is an error either way
        load_yaml("? [x]\n: 1\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "base: &b {k: 1}\nc:\n  <<: *b\n  d: 2\n",
        "a: !!str 12\nb: &y [1]\nc: *y\n",  # after a tag, where the fast path hands over to PyYAML
        # the «billion laughs»: 9 levels of 9 aliases, a kilobyte that PyYAML expands to 387 million items
        "a: &a [x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
    ],
)
def test_anchors_and_aliases_are_refused_with_their_line(text):
    with pytest.raises(AliasRefused) as refused:
        parse_yaml(text)
    assert refused.value.line == next(i for i, line in enumerate(text.split("\n")) if "&" in line or "*" in line)


def test_keys_written_twice_are_reported_where_the_second_one_is():
    text = "a: 1\ntasks:\n  - id: x\n    owner: btv\n    owner: van-phong\n  - id: y\nrelations: []\nrelations: []\n"
    parsed = parse_yaml(text)
    assert parsed.data == reference(text)  # the values PyYAML gives: the last one wins
    assert parsed.duplicates == [Duplicate(("tasks", 0, "owner"), 4), Duplicate(("relations",), 7)]
    assert parse_yaml("a: !!str 1\nb:\n  c: 1\n  c: 2\n").duplicates == [Duplicate(("b", "c"), 3)]


def test_every_repository_file_loads_identically():
    from kehoach.model.frontmatter import split

    for path in sorted(p for d in ("plans", "outlines", "resolutions") for p in (ROOT / d).rglob("*.md")):
        front = split(path.read_text(encoding="utf-8")).front
        assert load_yaml(front) == reference(front), path
    text = (ROOT / "organizations.yml").read_text(encoding="utf-8")
    assert load_yaml(text) == reference(text)


def test_values_of_sees_every_occurrence_of_a_key_however_it_is_written():
    from kehoach.model.frontmatter import COLLECTION, values_of

    text = (
        'a: 1\ninternal: true\n"internal": ""\nb: {internal: off, c: [1, {internal: [x]}]}\n'
        "? internal\n: yes\n# internal: true\nd: |\n  internal: true\n"
    )
    assert values_of(text, frozenset({"internal"})) == [
        ("internal", "true"),
        ("internal", ""),
        ("internal", "off"),
        ("internal", COLLECTION),
        ("internal", "yes"),
    ]
