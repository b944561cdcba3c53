"""Which schema each data file follows: the checker and the editor settings agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.dataset import DATA_DIR
from wizard.dataset.layout import data_files, schema_candidates

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = json.loads((ROOT / ".vscode" / "settings.json").read_text())
DATA_FILES = [path.relative_to(DATA_DIR) for path in data_files(DATA_DIR)]


def editor_schema(relative: Path) -> str | None:
    """The schema the editor settings give a data file, as a path from the repository."""
    for schema, globs in SETTINGS["yaml.schemas"].items():
        for glob in globs:
            if (Path("data") / relative).match(glob):
                return schema.removeprefix("./")
    return None


@pytest.mark.parametrize("relative", DATA_FILES, ids=[str(path) for path in DATA_FILES])
def test_the_editor_validates_each_file_with_the_schema_the_check_uses(relative):
    names = [
        name
        for name in schema_candidates(relative)
        if (DATA_DIR / "schema" / f"{name}.schema.json").is_file()
    ]

    assert editor_schema(relative) == f"data/schema/{names[0]}.schema.json"


def test_every_schema_named_in_the_editor_settings_exists():
    missing = [schema for schema in SETTINGS["yaml.schemas"] if not (ROOT / schema).is_file()]

    assert missing == []


def test_the_editor_reads_yaml_as_the_checker_does():
    # PyYAML reads YAML 1.1; an editor reading 1.2 would accept `no` as text and hide surprises.
    assert SETTINGS["yaml.yamlVersion"] == "1.1"
