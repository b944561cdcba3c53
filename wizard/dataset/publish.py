"""The published data document (`/api/v1/data.json`) and its JSON Schema.

    from wizard.dataset.publish import bundle_document, bundle_schema

    document = bundle_document(load_bundle())   # write to site/api/v1/data.json
    schema = bundle_schema()                     # write to site/api/v1/data.schema.json

The document wraps the bundle with its versions:

    {"schema_version": "1.1.0", "data_version": "2026.12.03",
     "generated_from": {...}, "bundle": {...}}

`schema_version` follows semver for the document's shape: a major version for a removal or a
rename (a new address, /api/v2/), a minor one for an addition, a patch for a fix. The bundle
schema is assembled from the schemas in data/schema/, so the documentation of every field is
written once, in those schemas. `SCHEMA_FINGERPRINT` records the shape the version was set for;
a test fails when the shape changes and the version does not.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

from wizard import __version__
from wizard.dataset.loader import DATA_DIR, LIST_FILES, WHOLE_FILES
from wizard.dataset.schemas import load_schemas

SCHEMA_VERSION = "1.1.0"

# sha256 of the schema's shape (its descriptions left out). Update it, and SCHEMA_VERSION,
# when test_dataset_publish says the shape changed.
SCHEMA_FINGERPRINT = "sha256:8726820c607afa261d629e23590476dd8c45d43b683f0647afbaa1a16350b816"

API_PATH = "api/v1/data.json"
SCHEMA_PATH = "api/v1/data.schema.json"
SCHEMA_ID = "https://agent-compute-guide.example/api/v1/data.schema.json"
SEMVER = r"^1\.\d+\.\d+$"


def bundle_document(bundle: dict[str, Any], *, commit: str | None = None) -> dict[str, Any]:
    """Wrap the bundle in the published document, with its schema and data versions.

    `commit` is the git commit the data was built from, when the caller knows it.
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "data_version": bundle.get("meta", {}).get("data_version"),
        "generated_from": {
            "package": "agent-compute-wizard",
            "package_version": __version__,
            "data_dir": "data",
            "commit": commit,
        },
        "bundle": bundle,
    }


def bundle_schema(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Return the JSON Schema of the published document, built from data/schema/."""
    schemas = load_schemas(data_dir / "schema")
    used: list[str] = []

    def part(name: str, key: str | None = None) -> dict[str, Any]:
        used.append(name)
        schema = schemas[name]
        ref = schema["$id"] + (f"#/properties/{key}" if key else "")
        prop = schema["properties"][key] if key else schema
        return {"description": prop.get("description", schema.get("title", "")), "$ref": ref}

    properties: dict[str, Any] = {}
    for file_name, key in LIST_FILES.items():
        properties[key] = part(file_name.removesuffix(".yaml"), key)
    for file_name, key in WHOLE_FILES.items():
        properties[key] = part(file_name.removesuffix(".yaml"))
    properties["facts"] = part("facts", "facts")
    properties["scenarios"] = {
        "type": "array",
        "description": "The scenario gallery: answers and the outcome each must lead to.",
        "items": {"$ref": schemas["scenario"]["$id"]},
    }
    used.append("scenario")
    defs = {name: copy.deepcopy(schemas[name]) for name in sorted(set(used))}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Agent compute guide: published data",
        "description": (
            "Everything the guide's decisions rest on, as one JSON document: the bundle the "
            "decision engine reads, with the versions of its shape and of its content."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "data_version", "generated_from", "bundle"],
        "properties": {
            "schema_version": {
                "type": "string",
                "description": (
                    "The version of this document's shape (semver). Within a major version "
                    "fields are only added; ignore fields you do not know."
                ),
                "pattern": SEMVER,
            },
            "data_version": {
                "type": "string",
                "description": (
                    "The version of the data (meta.data_version): it changes with every change "
                    "that can change an answer. Results carry it."
                ),
            },
            "generated_from": {
                "type": "object",
                "description": "What produced the document.",
                "additionalProperties": False,
                "required": ["package", "package_version", "data_dir", "commit"],
                "properties": {
                    "package": {"type": "string", "description": "The Python package."},
                    "package_version": {"type": "string", "description": "Its version."},
                    "data_dir": {"type": "string", "description": "The data folder read."},
                    "commit": {
                        "type": ["string", "null"],
                        "description": "The git commit of the data, when known.",
                    },
                },
            },
            "bundle": {
                "type": "object",
                "description": "The data, one key per concern; the engine reads this object.",
                "additionalProperties": False,
                "required": sorted(properties),
                "properties": properties,
            },
        },
        "$defs": defs,
    }


def schema_fingerprint(schema: dict[str, Any]) -> str:
    """Return the sha256 of the schema's shape: everything but its descriptions and titles."""
    shape = _strip(schema)
    text = json.dumps(shape, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: _strip(value)
            for key, value in node.items()
            if key not in ("description", "title", "$comment")
        }
    if isinstance(node, list):
        return [_strip(value) for value in node]
    return node
