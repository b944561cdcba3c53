"""Read every YAML file under data/ into one bundle of plain dicts and lists.

The bundle is what the engine takes (after a JSON round trip in the browser), so it holds
only JSON types: dates become ISO strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# Files whose top-level key is a list that the bundle keeps under the same name.
LIST_FILES = {
    "sources.yaml": "sources",
    "regions.yaml": "regions",
    "services.yaml": "services",
    "dimensions.yaml": "groups",
    "questions.yaml": "questions",
    "outcomes.yaml": "outcomes",
    "gotchas.yaml": "gotchas",
    "architectures.yaml": "architectures",
}


def load_bundle(root: Path = DATA_DIR) -> dict[str, Any]:
    """Load data/ into the bundle: one key per concern, facts merged from data/facts/."""
    bundle: dict[str, Any] = {}

    for file_name, key in LIST_FILES.items():
        bundle[key] = _read(root / file_name)[key]

    bundle["meta"] = _read(root / "meta.yaml")
    bundle["rules"] = _read(root / "rules.yaml")

    facts: list[dict[str, Any]] = []
    for path in sorted((root / "facts").glob("*.yaml")):
        facts.extend(_read(path)["facts"])
    bundle["facts"] = facts

    return _jsonable(bundle)


def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _jsonable(node: Any) -> Any:
    # YAML gives dates as date objects; JSON, and so the browser, has only strings.
    if isinstance(node, dict):
        return {key: _jsonable(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_jsonable(value) for value in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node
