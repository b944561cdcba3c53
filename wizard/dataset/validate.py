"""Validate everything in data/ and return every problem at once, each at its line.

    from wizard.dataset.validate import check_data

    problems = check_data(DATA_DIR)      # [] when the data is sound

The stages run in order and each reports what it finds without stopping the others:

1. read every YAML file safely (syntax, encoding, size, depth, anchors, duplicate keys,
   YAML 1.1 booleans);
2. validate each readable file against its JSON Schema in data/schema/;
3. check the files against each other (ids, references, vocabularies) once all are readable;
4. check text fields for raw HTML or script.

The SDK-model checks need botocore and live in `wizard.maintain.sdk_models`;
`python -m wizard check` runs them after these.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from wizard.dataset.content import content_problems
from wizard.dataset.layout import SCHEMA_DIR_NAME, data_files, display_name, schema_candidates
from wizard.dataset.limits import MAX_PROBLEMS_PER_FILE
from wizard.dataset.loader import LIST_FILES, WHOLE_FILES
from wizard.dataset.problems import Problem, format_path
from wizard.dataset.references import reference_problems
from wizard.dataset.schemas import load_schemas, make_validators, schema_problems
from wizard.dataset.yamlfile import Document, read_yaml


def check_data(root: Path) -> list[Problem]:
    """Validate the data folder `root`; return every problem found, sorted by file and line.

    An empty list means the data is sound. Nothing is raised for bad data.
    """
    problems, _ = check_documents(root)
    return problems


def check_documents(root: Path) -> tuple[list[Problem], list[Document]]:
    """Validate `root` like `check_data`, and also return the documents as read.

    The documents keep every node's position, for checks that run after these (the SDK
    models); they are empty when the schemas themselves are broken.
    """
    schema_dir = root / SCHEMA_DIR_NAME

    # 1. The schemas themselves must be sound before they can judge anything.
    problems = _schema_file_problems(root, schema_dir)
    if problems:
        return sorted(problems), []

    # 2. Read every file, then validate each readable one against its schema.
    validators = make_validators(load_schemas(schema_dir))
    docs = read_documents(root)
    problems.extend(_missing_files(root))
    for doc in docs:
        problems.extend(doc.problems)
        if doc.readable:
            problems.extend(_validate(root, doc, validators))

    # 3. Cross-file checks need every file: a file that cannot be read would make every
    #    reference into it look broken.
    #    TODO(#6): run them for the kinds whose files could all be read.
    if all(doc.readable for doc in docs) and not _missing_files(root):
        problems.extend(reference_problems(docs))
    for doc in docs:
        if doc.readable:
            problems.extend(content_problems(doc))

    return tidy(problems, docs), docs


def read_documents(root: Path) -> list[Document]:
    """Read every YAML file under `root` with positions kept; nothing is validated yet."""
    return [read_yaml(path, display_name(root, path)) for path in data_files(root)]


def _missing_files(root: Path) -> list[Problem]:
    # The files the bundle is made of must all exist (loader.py lists them).
    return [
        Problem(
            display_name(root, root / name),
            1,
            1,
            "(file)",
            "file is missing",
            "every data set needs it; see CONTRIBUTING.md",
        )
        for name in (*LIST_FILES, *WHOLE_FILES)
        if not (root / name).is_file()
    ]


def _validate(root: Path, doc: Document, validators: dict[str, Any]) -> list[Problem]:
    relative = Path(*Path(doc.file).parts[1:])
    if relative.suffix == ".yml":
        hint = f"rename it to {relative.stem}.yaml"
        return [Problem(doc.file, 1, 1, "(file)", "data files end in .yaml", hint)]

    candidates = schema_candidates(relative)
    name = next((name for name in candidates if name in validators), None)
    if name is None:
        hint = (
            f"add {root.name}/{SCHEMA_DIR_NAME}/{candidates[0]}.schema.json, "
            "or move the file out of the data folder"
        )
        return [Problem(doc.file, 1, 1, "(file)", "no schema describes this file", hint)]
    return schema_problems(doc, validators[name])


def _schema_file_problems(root: Path, schema_dir: Path) -> list[Problem]:
    problems = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        file = display_name(root, path)
        try:
            schema = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError as error:
            problems.append(Problem(file, error.lineno, error.colno, "(file)", error.msg))
            continue
        problems.extend(_meta_problems(file, schema))
        if isinstance(schema, dict) and "$id" not in schema:
            problems.append(Problem(file, 1, 1, "(file)", 'a schema needs an "$id"'))
    return problems


# Schemas already found sound in this process, by the digest of their text: checking a
# schema against the meta-schema costs more than all the rest of the check.
_SOUND_SCHEMAS: set[str] = set()


def _meta_problems(file: str, schema: Any) -> list[Problem]:
    digest = hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()
    if digest in _SOUND_SCHEMAS:
        return []
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = format_path(tuple(error.absolute_path))
        return [Problem(file, 1, 1, where, f"not a valid JSON Schema: {error.message}")]
    _SOUND_SCHEMAS.add(digest)
    return []


def tidy(problems: list[Problem], docs: list[Document]) -> list[Problem]:
    """Drop repeats, cap each file's share, and sort: the list as it is shown."""
    # A value that could not be read as written explains any later problem at the same spot.
    read_at = {(p.file, p.line, p.col) for doc in docs for p in doc.problems}
    own = {id(p) for doc in docs for p in doc.problems}
    kept = [
        p
        for p in dict.fromkeys(problems)
        if id(p) in own or (p.file, p.line, p.col) not in read_at
    ]

    # Cap each file's share, so one hostile file cannot drown the rest.
    result: list[Problem] = []
    by_file: dict[str, list[Problem]] = {}
    for problem in sorted(kept):
        by_file.setdefault(problem.file, []).append(problem)
    for file, found in by_file.items():
        result.extend(found[:MAX_PROBLEMS_PER_FILE])
        if len(found) > MAX_PROBLEMS_PER_FILE:
            hidden = len(found) - MAX_PROBLEMS_PER_FILE
            result.append(
                Problem(
                    file,
                    1,
                    1,
                    "(file)",
                    f"{hidden} more problems in this file are not shown",
                    "fix the ones above and run the check again",
                )
            )
    return result
