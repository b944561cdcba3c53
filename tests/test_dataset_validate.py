"""check_data over whole data folders: the project's data, missing files, broken schemas."""

from __future__ import annotations

import json

import pytest
from fault_support import base_data

from wizard.dataset import DATA_DIR, check_data
from wizard.dataset.limits import MAX_PROBLEMS_PER_FILE


def test_the_project_data_has_no_problem():
    assert [problem.format() for problem in check_data(DATA_DIR)] == []


def test_the_base_data_of_the_fault_corpus_has_no_problem(tmp_path):
    assert check_data(base_data(tmp_path)) == []


def test_a_missing_data_file_is_reported_and_reference_checks_wait(tmp_path):
    root = base_data(tmp_path)
    (root / "sources.yaml").unlink()

    assert [problem.format() for problem in check_data(root)] == [
        "data/sources.yaml:1:1: (file): file is missing "
        "(every data set needs it; see CONTRIBUTING.md)"
    ]


def test_a_schema_that_is_not_json_stops_the_check_at_its_line(tmp_path):
    root = base_data(tmp_path)
    (root / "schema" / "regions.schema.json").write_text('{\n  "type": "object",\n}\n')

    assert [problem.format() for problem in check_data(root)] == [
        "data/schema/regions.schema.json:3:1: (file): Expecting property name enclosed in "
        "double quotes"
    ]


def test_a_schema_that_breaks_the_meta_schema_is_reported(tmp_path):
    root = base_data(tmp_path)
    path = root / "schema" / "regions.schema.json"
    schema = json.loads(path.read_text())
    schema["properties"]["regions"]["minItems"] = "one"
    path.write_text(json.dumps(schema))

    assert [problem.format() for problem in check_data(root)] == [
        "data/schema/regions.schema.json:1:1: properties.regions.minItems: not a valid JSON "
        "Schema: 'one' is not of type 'integer'"
    ]


def test_one_file_cannot_report_more_than_the_cap(tmp_path):
    root = base_data(tmp_path)
    extra = ", ".join(f"f{n:02}: 1" for n in range(1, 61))
    (root / "regions.yaml").write_text(
        f"regions:\n  - {{code: us-east-1, name: US East, {extra}}}\n"
        "  - {code: eu-west-1, name: Europe (Ireland)}\n"
    )

    problems = [problem.format() for problem in check_data(root)]

    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    assert problems[0] == (
        'data/regions.yaml:2:38: regions[0].f01: unknown field "f01" (allowed: code, name)'
    )
    assert problems[-1] == (
        f"data/regions.yaml:1:1: (file): {60 - MAX_PROBLEMS_PER_FILE} more problems in this "
        "file are not shown (fix the ones above and run the check again)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "regions:\n  - {code: us-east-1, name: ''}\n  - {code: eu-west-1, name: Ireland}\n",
            "data/regions.yaml:2:29: regions[0].name: must not be empty",
        ),
        (
            "regions:\n  - {code: us-east-1, name: One}\n  - {code: eu-west-1, name: Two}\n"
            "  - {code: us-east-1, name: Three}\n",
            'data/regions.yaml:4:12: regions[2].code: duplicate Region id "us-east-1" (also at '
            "data/regions.yaml:2:12; ids must be unique across files)",
        ),
        (
            "regions:\n  - {code: us-east-1, name: One}\n  - {code: eu-west-1, name: Two}\n"
            "  - {code: US-EAST-2, name: Three}\n",
            'data/regions.yaml:4:12: regions[2].code: "US-EAST-2" is not a valid Region code '
            "(write a Region code such as us-east-1)",
        ),
    ],
    ids=["empty-name", "duplicate-code", "code-form"],
)
def test_region_file_rules(tmp_path, text, expected):
    root = base_data(tmp_path)
    (root / "regions.yaml").write_text(text)

    assert [problem.format() for problem in check_data(root)] == [expected]
