"""Read every YAML file under data/ into one bundle of plain dicts and lists.

The bundle is what the engine takes (after a JSON round trip in the browser), so it holds
only JSON types: dates become ISO strings. Files are read safely (see `yamlfile`): a file that
cannot be read raises `DataError`, whose `.problems` locate every problem found. Loading does
not validate; `wizard.dataset.validate.check_data` does, and the build runs it first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wizard.dataset.layout import display_name
from wizard.dataset.problems import DataError, Problem
from wizard.dataset.yamlfile import read_yaml

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
    "tips.yaml": "tips",
    "open_questions.yaml": "open_questions",
}

# Files the bundle keeps whole, under a key of their own.
WHOLE_FILES = {"meta.yaml": "meta", "rules.yaml": "rules"}


def load_bundle(root: Path = DATA_DIR) -> dict[str, Any]:
    """Load data/ into the bundle: one key per concern, facts merged from data/facts/."""
    reader = _Reader(root)
    bundle: dict[str, Any] = {}

    for file_name, key in LIST_FILES.items():
        bundle[key] = reader.read(root / file_name, key)

    for file_name, key in WHOLE_FILES.items():
        bundle[key] = reader.read(root / file_name)

    facts: list[dict[str, Any]] = []
    for path in sorted((root / "facts").glob("*.yaml")):
        facts.extend(reader.read(path, "facts") or [])
    bundle["facts"] = facts

    # The scenario gallery: one file per scenario, id equal to the file name.
    bundle["scenarios"] = [
        reader.read(path) for path in sorted((root / "scenarios").glob("*.yaml"))
    ]

    if reader.problems:
        raise DataError(reader.problems)
    return _jsonable(bundle)


class _Reader:
    """Read files one by one, collecting every problem instead of stopping at the first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def read(self, path: Path, key: str | None = None) -> Any:
        file = display_name(self.root, path)
        if not path.is_file():
            self.problems.append(Problem(file, 1, 1, "(file)", "file is missing"))
            return None

        doc = read_yaml(path, file)
        fatal = [problem for problem in doc.problems if not doc.readable]
        self.problems.extend(fatal)
        if fatal or key is None:
            return doc.data
        if not isinstance(doc.data, dict) or key not in doc.data:
            self.problems.append(doc.problem((), f'missing the top-level key "{key}"'))
            return None
        return doc.data[key]


def _jsonable(node: Any) -> Any:
    # YAML dates are kept as their text (a str subclass); the bundle holds plain str only.
    if isinstance(node, dict):
        return {str(key): _jsonable(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_jsonable(value) for value in node]
    if isinstance(node, str):
        return str(node)
    return node
