"""Which files data/ holds, and which JSON Schema each one follows.

The rule is a convention, so a new data file needs no code: `data/NAME.yaml` follows
`data/schema/NAME.schema.json`, and every file in a folder `data/DIR/` follows
`data/schema/DIR.schema.json` (or the singular, `DIR` without its final "s").
"""

from __future__ import annotations

from pathlib import Path

SCHEMA_DIR_NAME = "schema"
SCHEMA_SUFFIX = ".schema.json"


def data_files(root: Path) -> list[Path]:
    """Return every YAML file under `root` (data/), sorted, leaving out the schema folder."""
    files = [
        path
        for pattern in ("*.yaml", "*.yml")
        for path in root.rglob(pattern)
        if SCHEMA_DIR_NAME not in path.relative_to(root).parts[:-1]
    ]
    return sorted(files, key=lambda path: path.relative_to(root).as_posix())


def schema_candidates(relative: Path) -> list[str]:
    """Return the schema names a data file may follow, the preferred one first.

    >>> schema_candidates(Path("facts/cost.yaml"))
    ['facts', 'fact']
    >>> schema_candidates(Path("meta.yaml"))
    ['meta']
    """
    if len(relative.parts) == 1:
        return [relative.stem]
    folder = relative.parts[0]
    return [folder, folder.removesuffix("s")] if folder.endswith("s") else [folder]


def display_name(root: Path, path: Path) -> str:
    """Return the name problems use for a file: its path from the folder above data/.

    >>> display_name(Path("/repo/data"), Path("/repo/data/facts/cost.yaml"))
    'data/facts/cost.yaml'
    """
    return (Path(root.name) / path.relative_to(root)).as_posix()
