"""The published data document, its JSON Schema, its version, and the generated field docs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from jsonschema import Draft202012Validator

from wizard.dataset import DATA_DIR, load_bundle
from wizard.dataset.publish import (
    SCHEMA_FINGERPRINT,
    SCHEMA_VERSION,
    bundle_document,
    bundle_schema,
    schema_fingerprint,
)
from wizard.dataset.schema_docs import api_fields_markdown

ROOT = Path(__file__).resolve().parents[1]


def validator():
    schema = bundle_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_document_wraps_the_bundle_with_its_versions():
    bundle = load_bundle(DATA_DIR)

    document = bundle_document(bundle, commit="0123abc")

    assert document["schema_version"] == SCHEMA_VERSION
    assert document["data_version"] == bundle["meta"]["data_version"]
    assert document["generated_from"] == {
        "package": "agent-compute-wizard",
        "package_version": "1.0.0",
        "data_dir": "data",
        "commit": "0123abc",
    }
    assert document["bundle"] is bundle


def test_the_published_document_validates_against_its_schema():
    document = json.loads(json.dumps(bundle_document(load_bundle(DATA_DIR))))

    assert [error.message for error in validator().iter_errors(document)] == []


def test_the_schema_rejects_a_document_with_a_broken_fact():
    document = json.loads(json.dumps(bundle_document(load_bundle(DATA_DIR))))
    del document["bundle"]["facts"][0]["as_of"]
    document["bundle"]["sources"][0]["url"] = "ftp://example.com"

    errors = sorted(
        (list(error.absolute_path), error.message) for error in validator().iter_errors(document)
    )

    assert errors == [
        (["bundle", "facts", 0], "'as_of' is a required property"),
        (["bundle", "sources", 0, "url"], "'ftp://example.com' does not match '^https://'"),
    ]


def test_schema_version_is_semver_and_moves_with_the_shape():
    assert re.fullmatch(r"\d+\.\d+\.\d+", SCHEMA_VERSION)
    fingerprint = schema_fingerprint(bundle_schema())
    assert fingerprint == SCHEMA_FINGERPRINT, (
        "The shape of the published data changed. Bump SCHEMA_VERSION in "
        "wizard/dataset/publish.py (minor for an addition, major for a removal or rename, which "
        f"also needs /api/v2/) and set SCHEMA_FINGERPRINT to {fingerprint!r}."
    )


def test_descriptions_do_not_change_the_fingerprint(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "schema", data / "schema")
    path = data / "schema" / "facts.schema.json"
    schema = json.loads(path.read_text())
    schema["properties"]["facts"]["description"] = "Reworded."
    path.write_text(json.dumps(schema))

    assert schema_fingerprint(bundle_schema(data)) == SCHEMA_FINGERPRINT


def test_field_docs_are_generated_from_the_schema_descriptions(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "schema", data / "schema")
    path = data / "schema" / "facts.schema.json"
    schema = json.loads(path.read_text())
    schema["properties"]["facts"]["items"]["properties"]["as_of"]["description"] = (
        "A sentence written only in the schema."
    )
    path.write_text(json.dumps(schema))

    markdown = api_fields_markdown(data)

    assert "| `bundle.facts[].as_of*` | date (YYYY-MM-DD) | A sentence written only in the " in (
        markdown
    )


def test_field_docs_list_every_field_of_a_fact():
    markdown = api_fields_markdown()
    facts = json.loads((DATA_DIR / "schema" / "facts.schema.json").read_text())
    fields = facts["properties"]["facts"]["items"]["properties"]

    missing = [name for name in fields if f"`bundle.facts[].{name}" not in markdown]

    assert missing == []


def test_the_api_page_names_the_stable_addresses():
    page = (ROOT / "docs" / "api.md").read_text()

    assert "`api/v1/data.json`" in page
    assert "`api/v1/data.schema.json`" in page
    assert "(api/fields.md)" in page
