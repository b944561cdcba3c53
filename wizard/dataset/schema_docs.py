"""Render the published document's fields as Markdown tables, from the schemas' descriptions.

The field documentation is written once, in data/schema/*.schema.json; this turns it into the
"Data API: fields" page at build time (wizard/site/pages/api_fields.py), so the page cannot
drift from the data.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from wizard.dataset.loader import DATA_DIR
from wizard.dataset.publish import bundle_schema

TYPE_WORDS = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "true/false",
    "object": "mapping",
    "array": "list",
    "null": "null",
}


def api_fields_markdown(data_dir: Path = DATA_DIR) -> str:
    """Return Markdown documenting every field of /api/v1/data.json, one table per part."""
    schema = bundle_schema(data_dir)
    resolver = _Resolver(schema)
    lines = [
        "Every field of `/api/v1/data.json`, generated from the JSON Schemas in `data/schema/` "
        "when the site is built. `*` marks a required field; `[]` stands for each item of a "
        "list.",
        "",
        "## The document",
        "",
    ]
    envelope = {k: v for k, v in schema["properties"].items() if k != "bundle"}
    lines += _table(resolver, {"properties": envelope, "required": schema["required"]}, "")

    bundle = schema["properties"]["bundle"]
    for key, node in bundle["properties"].items():
        lines += ["", f"## `bundle.{key}`", "", _cell(node.get("description", "")), ""]
        lines += _table(resolver, {"properties": {key: node}, "required": [key]}, "bundle.")
    return "\n".join(lines) + "\n"


class _Resolver:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.by_id = {sub["$id"]: sub for sub in schema.get("$defs", {}).values()}

    def resolve(self, node: dict[str, Any], base: dict[str, Any]) -> tuple[dict, dict]:
        """Follow `$ref`s; return the node and the schema resource it belongs to."""
        while "$ref" in node:
            ref = node["$ref"]
            address, _, pointer = ref.partition("#")
            resource = self.by_id.get(address, base) if address else base
            target: Any = resource
            for part in [p for p in pointer.split("/") if p]:
                target = target[part]
            node, base = {**target, **{k: v for k, v in node.items() if k != "$ref"}}, resource
        return node, base


def _table(resolver: _Resolver, parent: dict[str, Any], prefix: str) -> list[str]:
    rows: list[tuple[str, str, str]] = []
    _walk(resolver, parent, parent, prefix, rows, seen=set())
    lines = ["| Field | Type | Description |", "| --- | --- | --- |"]
    lines += [f"| `{name}` | {kind} | {text} |" for name, kind, text in rows]
    return lines


def _walk(
    resolver: _Resolver,
    node: dict[str, Any],
    base: dict[str, Any],
    prefix: str,
    rows: list[tuple[str, str, str]],
    seen: set[str],
) -> None:
    required = set(node.get("required", []))
    for name, child in node.get("properties", {}).items():
        ref = child.get("$ref", "")
        child, child_base = resolver.resolve(child, base)
        path = f"{prefix}{name}"
        mark = "*" if name in required else ""
        if any(row[0] == path + mark for row in rows):
            continue
        rows.append((path + mark, _type(child), _describe(child)))
        if ref and ref in seen:
            continue
        _descend(resolver, child, child_base, path, rows, seen | ({ref} if ref else set()))


def _descend(
    resolver: _Resolver,
    node: dict[str, Any],
    base: dict[str, Any],
    path: str,
    rows: list[tuple[str, str, str]],
    seen: set[str],
) -> None:
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        ref = node["items"].get("$ref", "")
        if ref in seen:
            return
        items, items_base = resolver.resolve(node["items"], base)
        _descend(resolver, items, items_base, f"{path}[]", rows, seen | ({ref} if ref else set()))
        _walk(resolver, items, items_base, f"{path}[].", rows, seen)
        return
    if "properties" in node:
        _walk(resolver, node, base, f"{path}.", rows, seen)
    for branch in node.get("oneOf", []):
        ref = branch.get("$ref", "")
        if ref in seen:
            continue
        branch, branch_base = resolver.resolve(branch, base)
        _walk(resolver, branch, branch_base, f"{path}.", rows, seen | ({ref} if ref else set()))


def _type(node: dict[str, Any]) -> str:
    if "oneOf" in node:
        return "one of several forms"
    kinds = node.get("type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    words = [TYPE_WORDS.get(kind, kind) for kind in kinds if kind]
    if "list" in words and isinstance(node.get("items"), dict):
        inner = _type(node["items"])
        words[words.index("list")] = f"list of {inner}" if inner else "list"
    if node.get("format") == "date":
        words = ["date (YYYY-MM-DD)"]
    return " or ".join(words)


def _describe(node: dict[str, Any]) -> str:
    text = node.get("description", "")
    if "enum" in node:
        text += " Allowed: " + ", ".join(f"`{value}`" for value in node["enum"]) + "."
    if "const" in node:
        text += f" Always `{json.dumps(node['const'])}`."
    return _cell(text.strip())


def _cell(text: str) -> str:
    # Table cells hold one line; escape what Markdown or HTML would read as syntax.
    text = " ".join(text.split())
    parts = re.split(r"(`[^`]*`)", text)
    escaped = [
        part
        if part.startswith("`")
        else re.sub(r"([\\*_\[\]|])", r"\\\1", html.escape(part, quote=False))
        for part in parts
    ]
    return "".join(escaped)
