"""load_bundle: the bundle's shape, JSON types only, and located errors."""

from __future__ import annotations

import json

import pytest
from fault_support import base_data

from wizard.dataset import DATA_DIR, DataError, load_bundle

BUNDLE_KEYS = [
    "architectures",
    "facts",
    "gotchas",
    "groups",
    "meta",
    "open_questions",
    "outcomes",
    "questions",
    "regions",
    "rules",
    "scenarios",
    "services",
    "sources",
    "tips",
]


def test_the_bundle_has_one_key_per_concern():
    assert sorted(load_bundle(DATA_DIR)) == BUNDLE_KEYS


def test_the_bundle_holds_json_types_only_and_dates_as_iso_text():
    bundle = load_bundle(DATA_DIR)

    assert json.loads(json.dumps(bundle)) == bundle
    fact = next(fact for fact in bundle["facts"] if fact["id"] == "mv-max-session")
    assert fact["as_of"] == "2026-11-20"
    assert type(fact["as_of"]) is str


def test_facts_from_every_file_are_merged_in_file_order(tmp_path):
    root = base_data(tmp_path)
    (root / "facts" / "zz.yaml").write_text(
        "facts:\n  - {id: late, service: lambda-microvms, dimension: billing,\n"
        "     value: {text: x}, sources: [base-doc], as_of: 2026-12-03,"
        " evidence: official_doc}\n"
    )

    bundle = load_bundle(root)

    assert [fact["id"] for fact in bundle["facts"]] == [
        "mv-max-session",
        "ac-regions",
        "mv-os-features",
        "late",
    ]


def test_an_unreadable_file_raises_data_error_with_every_problem(tmp_path):
    root = base_data(tmp_path)
    (root / "meta.yaml").write_text("data_version: [\n")
    (root / "regions.yaml").write_bytes(b"regions: [caf\xe9]\n")

    with pytest.raises(DataError) as raised:
        load_bundle(root)

    assert [problem.format() for problem in raised.value.problems] == [
        "data/regions.yaml:1:14: (file): file is not valid UTF-8: byte 0xe9 cannot start a "
        "character here (save the file as UTF-8; it looks like Latin-1 or Windows-1252)",
        "data/meta.yaml:2:1: (file): YAML syntax error: expected the node content, but found "
        "'<stream end>' (while parsing a flow node at line 2)",
    ]
