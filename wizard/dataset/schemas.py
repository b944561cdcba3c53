"""Validate a document against its JSON Schema and locate every error at a line and column.

Every schema error becomes one `Problem` in plain words: unknown fields name the field and the
allowed ones, missing fields quote the schema's description, and a value that YAML 1.1 read
as a boolean, number or date where text is expected says so and how to quote it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource
from yaml.nodes import ScalarNode

from wizard.dataset.problems import Problem
from wizard.dataset.yamlfile import TAG, Document, YamlDate

# Patterns the schemas use, in words for the reader.
PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "id",
        "use lowercase letters and digits in words joined by hyphens, like mv-max-session",
    ),
    "^[a-z][a-z0-9_]*$": ("name", "use lowercase snake_case, like max_session"),
    "^\\d{4}-\\d{2}-\\d{2}$": ("date", "write the date as YYYY-MM-DD"),
    "^[a-z]{2}(-gov)?-[a-z]+-\\d$": ("Region code", "write a Region code such as us-east-1"),
    "^https://": ("address", "addresses start with https://"),
    "^\\d{4}\\.\\d{2}\\.\\d{2}(\\.\\d+)?$": (
        "data version",
        "write YYYY.MM.DD, adding .N for a second change on the same day",
    ),
    "^[a-z0-9]+$": ("language name", "use a lowercase highlighting language such as bash"),
}

# Better hints than the schema descriptions give, for the fields every record needs.
FIELD_HINTS = {
    "sources": "cite at least one source id from data/sources.yaml",
    "as_of": "give the date the value was last checked, as YYYY-MM-DD",
    "url": "give the address the source can be read at, starting with https://",
    "evidence": "say how the value was established; CONTRIBUTING.md explains the grades",
}

TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "nothing",
}

DATE_WHERE_TEXT = "date where text is expected"
_CHECK_TYPE = Draft202012Validator.VALIDATORS["type"]


def _type_keyword(validator: Any, types: Any, instance: Any, schema: dict) -> Iterator:
    # An unquoted date is text to us only where the schema asks for a date.
    if isinstance(instance, YamlDate) and schema.get("format") != "date":
        yield ValidationError(DATE_WHERE_TEXT)
        return
    yield from _CHECK_TYPE(validator, types, instance, schema)


DataValidator = validators.extend(Draft202012Validator, validators={"type": _type_keyword})


def load_schemas(schema_dir: Path) -> dict[str, dict]:
    """Return every schema in `schema_dir`, keyed by file name without `.schema.json`."""
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schemas[path.name.removesuffix(".schema.json")] = json.loads(path.read_text("utf-8"))
    return schemas


def make_validators(schemas: dict[str, dict]) -> dict[str, Any]:
    """Return a validator per schema, each able to resolve references to the others."""
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    checker = Draft202012Validator.FORMAT_CHECKER
    return {
        name: DataValidator(schema, registry=registry, format_checker=checker)
        for name, schema in schemas.items()
    }


def schema_problems(doc: Document, validator: Any) -> list[Problem]:
    """Validate the document's data and return every error as a located problem."""
    problems: list[Problem] = []
    for error in validator.iter_errors(doc.data):
        problems.extend(_convert(doc, error))
    # `required` reports each missing field once per error; keep one of each.
    problems = list(dict.fromkeys(problems))
    return _explained_by_misspelling(problems)


def _explained_by_misspelling(problems: list[Problem]) -> list[Problem]:
    # `sorces: [...]` makes "sources" missing as well; the unknown field says it all.
    suggested = set()
    for problem in problems:
        match = re.match(r'unknown field "[^"]*"', problem.message)
        hint = re.match(r'did you mean "([^"]*)"', problem.hint)
        if match and hint:
            parent = problem.path.rsplit(".", 1)[0] if "." in problem.path else "(file)"
            suggested.add((problem.file, parent, hint.group(1)))
    return [
        problem
        for problem in problems
        if not (
            (match := re.match(r'missing required field "([^"]*)"', problem.message))
            and (problem.file, problem.path, match.group(1)) in suggested
        )
    ]


def _convert(doc: Document, error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    value = error.validator_value
    instance = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}

    if keyword == "additionalProperties":
        return _unknown_fields(doc, path, instance, schema)
    if keyword == "required":
        properties = schema.get("properties", {})
        return [
            doc.problem(path, f'missing required field "{name}"', _field_hint(name, properties))
            for name in value
            if isinstance(instance, dict) and name not in instance
        ]
    if keyword in ("oneOf", "anyOf"):
        return _one_of(doc, error)
    if keyword == "type":
        return [_wrong_type(doc, path, value, instance, error.message)]
    if keyword == "enum":
        allowed = ", ".join(str(item) for item in value)
        hint = _did_you_mean(instance, [str(item) for item in value]) + f"allowed: {allowed}"
        return [doc.problem(path, f"{_show(instance)} is not an allowed value", hint)]
    if keyword == "const":
        return [doc.problem(path, f"must be {_show(value)}, not {_show(instance)}")]
    if keyword == "pattern":
        name, hint = PATTERNS.get(value, ("value", f"match the pattern {value}"))
        return [doc.problem(path, f"{_show(instance)} is not a valid {name}", hint)]
    if keyword == "format":
        return [doc.problem(path, f"{_show(instance)} is not a valid {value}", "write YYYY-MM-DD")]
    if keyword == "minItems":
        noun = "item" if value == 1 else "items"
        message = f"needs at least {value} {noun}, found {len(instance)}"
        return [doc.problem(path, message, _field_hint(path[-1] if path else "", {}))]
    if keyword == "maxItems":
        return [doc.problem(path, f"takes at most {value} items, found {len(instance)}")]
    if keyword == "minLength":
        message = "must not be empty" if value == 1 else f"needs at least {value} characters"
        return [doc.problem(path, message)]
    if keyword == "uniqueItems":
        return _repeated_items(doc, path, instance)
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        words = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "more than",
            "exclusiveMaximum": "less than",
        }
        return [doc.problem(path, f"must be {words[keyword]} {value}, not {instance}")]
    if keyword in ("minProperties", "maxProperties"):
        fields = ", ".join(schema.get("properties", {}))
        count = len(instance)
        bound = "at least" if keyword == "minProperties" else "at most"
        noun = "field" if count == 1 else "fields"
        message = f"has {count} {noun} ({', '.join(instance)}); it takes {bound} {value}"
        return [doc.problem(path, message, f"fields: {fields}" if fields else "")]
    return [doc.problem(path, error.message)]


def _unknown_fields(doc: Document, path: tuple, instance: Any, schema: dict) -> list[Problem]:
    allowed = list(schema.get("properties", {}))
    problems = []
    for key in instance:
        if key in allowed:
            continue
        hint = _did_you_mean(key, allowed) + f"allowed: {', '.join(allowed)}"
        problems.append(doc.problem((*path, key), f'unknown field "{key}"', hint, at_key=True))
    return problems


def _wrong_type(doc: Document, path: tuple, expected: Any, instance: Any, message: str) -> Problem:
    node = doc.node_at(path)
    plain = isinstance(node, ScalarNode) and node.style is None
    source = node.value if isinstance(node, ScalarNode) else ""

    if message == DATE_WHERE_TEXT:
        return doc.problem(
            path,
            f"{source} is read as a date by YAML 1.1 where text is expected",
            f'quote it: "{source}"',
        )

    types = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(TYPE_WORDS.get(name, name) for name in types)
    if plain and "string" in types and node.tag != TAG + "str":
        if instance is None:
            return doc.problem(path, "is empty where text is expected", "write the text")
        read_as = _read_as(instance)
        return doc.problem(
            path, f"{source} is read as {read_as} where text is expected", f'quote it: "{source}"'
        )
    return doc.problem(path, f"expected {wanted}, found {_describe(instance)}")


def _one_of(doc: Document, error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    options = error.validator_value
    instance = error.instance

    if not error.context:
        return [doc.problem(path, "matches more than one allowed form; make it match one")]

    # The form that shares the most fields with the value is the one the author meant.
    def overlap(option: dict) -> int:
        fields = option.get("properties", {})
        return sum(key in fields for key in instance) if isinstance(instance, dict) else 0

    scores = [overlap(option) for option in options]
    best = max(scores, default=0)
    if best and scores.count(best) == 1 and scores.index(best) in branches:
        problems = []
        for sub in branches[scores.index(best)]:
            problems.extend(_convert(doc, sub))
        return problems

    forms = "write one of: " + "; ".join(_form(option) for option in options)
    if isinstance(instance, dict):
        return [doc.problem(path, "matches none of the allowed forms", forms)]
    return [doc.problem(path, f"expected a mapping, found {_describe(instance)}", forms)]


def _form(option: dict) -> str:
    required = option.get("required")
    if required:
        return "{" + ", ".join(required) + "}"
    return option.get("description", "?")


def _repeated_items(doc: Document, path: tuple, instance: list) -> list[Problem]:
    seen: list[Any] = []
    for index, item in enumerate(instance):
        if item in seen:
            return [doc.problem((*path, index), f"{_show(item)} is listed twice")]
        seen.append(item)
    return [doc.problem(path, "lists an item twice")]


def _field_hint(name: Any, properties: dict) -> str:
    if name in FIELD_HINTS:
        return FIELD_HINTS[name]
    description = properties.get(name, {}).get("description", "")
    return f"{name}: {description}" if description else ""


def _did_you_mean(value: Any, allowed: list[str]) -> str:
    close = difflib.get_close_matches(str(value), allowed, n=1)
    return f'did you mean "{close[0]}"? ' if close else ""


def _read_as(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return _describe(value)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _show(value: Any) -> str:
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f'"{short}"'
    if isinstance(value, bool):
        return str(value).lower()
    return json.dumps(value) if isinstance(value, (int, float, list, dict)) else str(value)
