"""Check what the data quotes from the AWS SDK against botocore's bundled service models.

Three kinds of quote are checked, all without network access:

- the limits listed in data/sdk_checks.yaml: a record's words (for example "1 to 28,800"),
  the model member they describe, and the model's value;
- every `aws <service> <operation> --option value` command in a shell snippet, and every JSON
  snippet declared as a request: the operation, each option or member name, the values
  (ranges, enums, types), and the required members, including those of nested structures;
- every operation name (`CreateMicrovmShellAuthToken`) and member name
  (`maxIdleDurationSeconds`) in the text of a record, looked up in the models of the
  record's services.

Names the models cannot hold are exceptions in data/sdk_checks.yaml, each with a reason and a
removal condition; an exception that is no longer needed fails the check.
"""

from __future__ import annotations

import difflib
import functools
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import botocore
import botocore.session
from botocore import xform_name
from botocore.exceptions import UnknownServiceError
from botocore.model import OperationModel, ServiceModel, Shape

from wizard.dataset.problems import KeyPath, Problem
from wizard.dataset.yamlfile import Document
from wizard.maintain.cli_snippets import (
    GLOBAL_OPTIONS,
    AwsCommand,
    ShorthandError,
    find_aws_commands,
    parse_shorthand,
    split_trailing,
)

SDK_FILE = "sdk_checks.yaml"
SHELL_LANGUAGES = {"bash", "sh", "shell", "console", "zsh"}

# Record kinds a limit can name, by the key that names them.
TARGETS = {
    "fact": "facts",
    "gotcha": "gotchas",
    "architecture": "architectures",
    "tip": "tips",
    "open_question": "open_questions",
}

# Fields whose text is code or an address: never scanned for names.
NOT_PROSE = {"code", "url"}

# A lowerCamelCase word: a possible member name such as maxIdleDurationSeconds.
MEMBER_WORD = re.compile(r"(?<![\w:/.$@-])[a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*)+\b")

# Options of an operation that replace its other options.
WHOLE_INPUT = {"cli-input-json", "cli-input-yaml", "generate-cli-skeleton"}

SKIP = object()


@dataclass
class SdkReport:
    """What the SDK check found, and how much of the data it covered."""

    problems: list[Problem] = field(default_factory=list)
    checked: dict[str, set[str]] = field(default_factory=dict)
    limits: int = 0
    commands: int = 0
    json_requests: int = 0
    names: int = 0

    def covered(self, kind: str, record_id: str) -> None:
        """Note that a record was checked against a model."""
        self.checked.setdefault(kind, set()).add(record_id)

    def summary(self) -> str:
        """One line on the coverage, for the end of `python -m wizard check`."""
        parts = [f"{len(ids)} {kind}" for kind, ids in sorted(self.checked.items())]
        return (
            f"SDK models: {', '.join(parts) or 'no records'} checked "
            f"({self.limits} limits, {self.commands} CLI commands, "
            f"{self.json_requests} JSON requests, {self.names} names in text)"
        )


@dataclass(frozen=True)
class Record:
    """A record with an id, where it sits, and the services its text is about."""

    kind: str
    id: str
    doc: Document
    path: KeyPath
    data: dict[str, Any]


def check_sdk(docs: list[Document]) -> SdkReport:
    """Check the documents against the botocore models named in data/sdk_checks.yaml."""
    report = SdkReport()
    config = next(
        (doc for doc in docs if PurePosixPath(doc.file).name == SDK_FILE and doc.readable), None
    )
    if config is None or not isinstance(config.data, dict):
        return report
    _SdkCheck(docs, config, report).run()
    return report


class _SdkCheck:
    def __init__(self, docs: list[Document], config: Document, report: SdkReport) -> None:
        self.docs = [doc for doc in docs if doc.readable and doc is not config]
        self.config = config
        self.report = report
        self.models: dict[str, ServiceModel] = {}
        self.apis: dict[str, list[str]] = {}
        self.broken: set[str] = set()
        self.records = _records(self.docs)
        self.used_exceptions: set[int] = set()
        self.used_words: set[str] = set()
        self.operation_word: re.Pattern[str] | None = None

    def run(self) -> None:
        self._version()
        self._load_models()
        if not self.models:
            return
        for index, limit in enumerate(_list(self.config.data.get("limits"))):
            if isinstance(limit, dict):
                self._limit(("limits", index), limit)
        self._snippets()
        self._names_in_text()
        self._exceptions()
        self._plain_words()

    # --- set-up ---

    def _version(self) -> None:
        declared = self.config.data.get("botocore")
        installed = botocore.__version__
        if isinstance(declared, str) and declared != installed:
            self._config_problem(
                ("botocore",),
                f"botocore {installed} is installed, but the SDK checks were written for "
                f"{declared}",
                "run `make setup` to install the pinned version; to move to a new one, update "
                "requirements.txt, constraints.txt and this line, then review every failure",
            )

    def _load_models(self) -> None:
        apis = self.config.data.get("apis")
        for service, names in (apis or {}).items():
            self.apis[service] = []
            for index, name in enumerate(_list(names)):
                try:
                    self.models[name] = _service_model(name)
                except UnknownServiceError:
                    self.broken.update((service, name))
                    self._config_problem(
                        ("apis", service, index),
                        f'botocore {botocore.__version__} has no service model "{name}"',
                        "use the name of a folder under botocore/data",
                    )
                    continue
                self.apis[service].append(name)
        verbs = {
            re.match(r"[A-Z][a-z]+", operation).group(0)
            for model in self.models.values()
            for operation in model.operation_names
        }
        self.operation_word = re.compile(
            r"(?<![\w:/.$@-])(?:" + "|".join(sorted(verbs)) + r")(?:[A-Z][a-z0-9]+|[A-Z]+\b)+\b"
        )

    # --- limits listed in sdk_checks.yaml ---

    def _limit(self, path: KeyPath, limit: dict[str, Any]) -> None:
        key = next((key for key in TARGETS if key in limit), None)
        if key is None:
            return
        record = self.records.get(TARGETS[key], {}).get(limit[key])
        if record is None:
            self._config_problem((*path, key), f'unknown {key.replace("_", " ")} "{limit[key]}"')
            return
        self.report.limits += 1
        self.report.covered(record.kind, record.id)

        api, member = limit.get("api"), limit.get("member")
        model = self.models.get(api)
        if model is None:
            self._config_problem((*path, "api"), f'"{api}" is not one of the models in apis')
            return
        shape, error, hint = _resolve_member(model, member)
        if shape is None:
            self._config_problem((*path, "member"), f"{record.id}: {error}", hint)
            return

        prefix = f"{record.id}: {member} in {_label(model)}"
        for bound in ("min", "max"):
            if bound in limit and shape.metadata.get(bound) != limit[bound]:
                actual = shape.metadata.get(bound)
                found = f"has {bound} {actual}" if actual is not None else f"sets no {bound}"
                expected = limit[bound] if limit[bound] is not None else "none"
                self._config_problem(
                    (*path, bound),
                    f"{prefix} {found}, not {expected}",
                    f"update {key} {record.id} and this check together",
                )
        if "required" in limit:
            actual_required = list(getattr(shape, "required_members", []))
            if sorted(actual_required) != sorted(limit["required"]):
                self._config_problem(
                    (*path, "required"),
                    f"{prefix} requires {_names(actual_required)}, not "
                    f"{_names(limit['required'])}",
                    f"update {key} {record.id} and this check together",
                )
        if "enum" in limit:
            allowed = _enum(shape)
            missing = [value for value in limit["enum"] if value not in allowed]
            if missing:
                self._config_problem(
                    (*path, "enum"),
                    f"{prefix} does not allow {_names(missing)} (it allows {_names(allowed)})",
                    f"update {key} {record.id} and this check together",
                )
        if "documented" in limit:
            documentation = _plain(shape.documentation)
            if limit["documented"] not in documentation:
                self._config_problem(
                    (*path, "documented"),
                    f'{prefix} is no longer documented as "{limit["documented"]}"',
                    f'the model says: "{_clip(documentation)}"',
                )
        if limit.get("fact_value") in ("min", "max"):
            self._fact_value(record, limit["fact_value"], shape, prefix)
        self._quoted(record, key, path, limit)

    def _fact_value(self, record: Record, bound: str, shape: Shape, prefix: str) -> None:
        value = record.data.get("value")
        number = value.get("number") if isinstance(value, dict) else None
        if number != shape.metadata.get(bound):
            self._record_problem(
                record,
                ("value", "number"),
                f"{prefix} has {bound} {shape.metadata.get(bound)}, but the fact gives {number}",
                "the fact's number must equal the model's value",
            )

    def _quoted(self, record: Record, key: str, path: KeyPath, limit: dict) -> None:
        text = " ".join(value for _, value in _prose(record.data, ()))
        line, _ = self.config.position((*path,))
        for phrase in _list(limit.get("quoted")):
            if isinstance(phrase, str) and phrase not in text:
                self._record_problem(
                    record,
                    (),
                    f'{record.id}: the text no longer says "{phrase}", which '
                    f"{self.config.file}:{line} checks against {limit.get('member')}",
                    "update the check to the new wording, or restore the wording",
                )

    # --- snippets ---

    def _snippets(self) -> None:
        declared = self._declared_json_snippets()
        found: set[tuple] = set()
        for record in self._all_records():
            for path, snippet in _snippets_of(record):
                language = snippet.get("language")
                code = snippet.get("code")
                if not isinstance(code, str):
                    continue
                code_path = (*record.path, *path, "code")
                # TODO(#6): check boto3 calls in Python snippets (client("lambda-microvms")
                # .run_microvm(...)) against the models as well; only shell and JSON are read.
                if language in SHELL_LANGUAGES:
                    for command in find_aws_commands(code):
                        self._command(record, code_path, command)
                elif language == "json":
                    key = _snippet_key(record, path)
                    found.add(key)
                    self._json_snippet(record, code_path, code, declared.get(key))
        for key, (path, _) in declared.items():
            if key not in found:
                self._config_problem(path, f"no JSON snippet {_show_key(key)} in the data")

    def _declared_json_snippets(self) -> dict[tuple, tuple[KeyPath, dict]]:
        declared = {}
        for index, entry in enumerate(_list(self.config.data.get("json_snippets"))):
            if not isinstance(entry, dict):
                continue
            if "gotcha" in entry:
                key: tuple = ("gotchas", entry["gotcha"], None)
            else:
                key = ("architectures", entry.get("architecture"), entry.get("snippet"))
            declared[key] = (("json_snippets", index), entry)
        return declared

    def _command(self, record: Record, code_path: KeyPath, command: AwsCommand) -> None:
        model = self.models.get(command.service)
        if model is None:
            return  # a service this project does not describe, such as `aws logs`
        self.report.commands += 1
        self.report.covered(record.kind, record.id)
        where = f"aws {command.service} {command.operation}"

        def problem(line: int, col: int, message: str, hint: str = "") -> None:
            self.report.problems.append(
                record.doc.problem_in_text(code_path, line, col, f"{record.id}: {message}", hint)
            )

        operation = _operation_by_cli_name(model, command.operation)
        if operation is None:
            names = [xform_name(name, "-") for name in model.operation_names]
            problem(
                command.line,
                command.col,
                f"{_label(model)} has no operation {command.operation}",
                _did_you_mean(command.operation, names) or "see `aws help` for the service",
            )
            return

        shape = operation.input_shape
        members = {xform_name(name, "-"): name for name in shape.members} if shape else {}
        takes_list = {
            flag: shape.members[name].type_name == "list" for flag, name in members.items()
        }
        split_trailing(command, takes_list)
        given: set[str] = set()
        misspelt: set[str] = set()
        whole_input = any(option.name in WHOLE_INPUT for option in command.options)
        raw_blobs = _option_value(command, "cli-binary-format") == "raw-in-base64-out"

        for option in command.options:
            flag = f"--{option.name}"
            if flag in GLOBAL_OPTIONS or option.name in WHOLE_INPUT:
                if option.name == "query" and option.values:
                    self._query(operation, option.values[0], problem, option)
                continue
            name = members.get(option.name)
            negated = option.name.startswith("no-") and members.get(option.name[3:])
            if name is None and negated:
                name = members[option.name[3:]]
            if name is None:
                close = difflib.get_close_matches(option.name, list(members), n=1)
                misspelt.update(members[flag] for flag in close)
                problem(
                    option.line,
                    option.col,
                    f"{where} has no option {flag} in {_label(model)}",
                    _did_you_mean(option.name, list(members)) or f"options: {', '.join(members)}",
                )
                continue
            given.add(name)
            member = shape.members[name]
            for message in _cli_value(member, option.values, raw_blobs):
                problem(option.line, option.col, f"{where} {flag}: {message}", _label(model))

        # A misspelt option already explains the required member it was meant to be.
        missing = [
            name
            for name in (shape.required_members if shape else [])
            if name not in given and name not in misspelt
        ]
        if missing and not whole_input:
            flags = ", ".join(f"--{xform_name(name, '-')}" for name in missing)
            problem(
                command.line,
                command.col,
                f"{where} lacks required {flags}",
                f"{_label(model)} requires {_names(shape.required_members)}",
            )
        self._positionals(operation, command, where, problem)

    def _positionals(self, operation: OperationModel, command, where: str, problem) -> None:
        needs_outfile = operation.has_streaming_output
        extra = command.positionals[1:] if needs_outfile else command.positionals
        if needs_outfile and not command.positionals:
            problem(command.line, command.col, f"{where} needs an output file name at the end")
        if extra:
            problem(
                command.line,
                command.col,
                f"{where}: unexpected argument {extra[0]!r}",
                "only operations that stream their output take a file name",
            )

    def _query(self, operation: OperationModel, query: str, problem, option) -> None:
        # Only plain member paths are checked; anything else is JMESPath we do not parse.
        # TODO(#6): parse JMESPath (jmespath ships with botocore) to check every field name.
        if not re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*", query):
            return
        shape = operation.output_shape
        for part in query.split("."):
            if shape is None or shape.type_name != "structure" or part not in shape.members:
                allowed = (
                    list(shape.members)
                    if shape is not None and shape.type_name == "structure"
                    else []
                )
                problem(
                    option.line,
                    option.col,
                    f'--query {query}: {operation.name} returns no member "{part}"',
                    _did_you_mean(part, allowed) or f"members: {', '.join(allowed)}",
                )
                return
            shape = shape.members[part]

    def _json_snippet(
        self, record: Record, code_path: KeyPath, code: str, declared: tuple | None
    ) -> None:
        doc = record.doc
        if declared is None:
            self.report.problems.append(
                doc.problem(
                    code_path,
                    f"{record.id}: a JSON snippet must be declared in {SDK_FILE}",
                    "add it under json_snippets, as a request (api, operation) or with "
                    "not_a_request and the reason",
                )
            )
            return
        _, entry = declared
        if "not_a_request" in entry:
            return
        if entry.get("api") in self.broken:
            return
        model = self.models.get(entry.get("api"))
        if model is None or entry.get("operation") not in model.operation_names:
            self._config_problem(
                declared[0],
                f"{entry.get('api')} has no operation {entry.get('operation')}",
            )
            return
        try:
            value = json.loads(code)
        except json.JSONDecodeError as error:
            self.report.problems.append(
                doc.problem_in_text(
                    code_path,
                    error.lineno - 1,
                    error.colno - 1,
                    f"{record.id}: the JSON snippet does not parse: {error.msg}",
                )
            )
            return

        self.report.json_requests += 1
        self.report.covered(record.kind, record.id)
        operation = model.operation_model(entry["operation"])
        shape = operation.input_shape
        top_required = not entry.get("fragment", False)
        for member_path, message in _check_value(shape, value, "", top_required=top_required):
            line, col = _locate_in_code(code, member_path)
            text = f"{record.id}: {entry['operation']} request: {_at(member_path, message)}"
            problem = doc.problem_in_text(code_path, line, col, text, _label(model))
            self.report.problems.append(problem)

    # --- names in text ---

    # TODO(#6): a number in prose is checked only when a limit in sdk_checks.yaml quotes it;
    # flag numbers written next to a member name that no limit covers.
    def _names_in_text(self) -> None:
        exceptions = _list(self.config.data.get("exceptions"))
        words = {
            word for word in _list(self.config.data.get("plain_words")) if isinstance(word, str)
        }
        for record in self._all_records():
            if self.broken & set(_services_of(record)):
                continue  # its models could not be loaded; that problem is reported already
            models = self._models_for(record)
            for path, text in _prose(record.data, ()):
                self._operation_names(record, path, text, models, exceptions)
                self._member_names(record, path, text, models, exceptions, words)

    def _operation_names(self, record, path, text, models, exceptions) -> None:
        assert self.operation_word is not None
        for match in self.operation_word.finditer(text):
            name = match.group(0)
            self.report.names += 1
            self.report.covered(record.kind, record.id)
            if any(name in model.operation_names for model in models):
                continue
            if self._excepted(name, exceptions):
                continue
            everywhere = [
                api for api, model in self.models.items() if name in model.operation_names
            ]
            hint = (
                f"it is an operation of {', '.join(everywhere)}, which is not a model of this "
                "record's services"
                if everywhere
                else _did_you_mean(name, [op for m in models for op in m.operation_names])
                or f"if no model can hold it, add it to exceptions in {SDK_FILE} with a reason"
            )
            self._record_problem(
                record, path, f"{record.id}: {name} is not an operation of {_apis(models)}", hint
            )

    def _member_names(self, record, path, text, models, exceptions, words) -> None:
        for match in MEMBER_WORD.finditer(text):
            name = match.group(0)
            if name in words:
                self.used_words.add(name)
                continue
            self.report.names += 1
            self.report.covered(record.kind, record.id)
            if any(name in _member_names(model) for model in models):
                continue
            if self._excepted(name, exceptions):
                continue
            known = sorted({member for model in models for member in _member_names(model)})
            self._record_problem(
                record,
                path,
                f"{record.id}: {name} is not a member name in {_apis(models)}",
                _did_you_mean(name, known)
                or f"if it is an ordinary word, add it to plain_words in {SDK_FILE}",
            )

    def _excepted(self, name: str, exceptions: list) -> bool:
        for index, exception in enumerate(exceptions):
            if isinstance(exception, dict) and exception.get("name") == name:
                self.used_exceptions.add(index)
                return True
        return False

    def _models_for(self, record: Record) -> list[ServiceModel]:
        services = _services_of(record)
        names = [api for service in services for api in self.apis.get(service, [])]
        if not names:
            names = list(self.models)
        return [self.models[name] for name in dict.fromkeys(names)]

    # --- exceptions and plain words ---

    def _exceptions(self) -> None:
        for index, exception in enumerate(_list(self.config.data.get("exceptions"))):
            if not isinstance(exception, dict):
                continue
            name, api = exception.get("name"), exception.get("api")
            model = self.models.get(api)
            path = ("exceptions", index)
            if model is not None and (
                name in model.operation_names or name in _member_names(model)
            ):
                self._config_problem(
                    (*path, "name"),
                    f"exception no longer needed: {_label(model)} now holds {name}",
                    "remove this exception",
                )
            elif index not in self.used_exceptions:
                self._config_problem(
                    (*path, "name"),
                    f"exception no longer needed: no data quotes {name} any more",
                    "remove this exception",
                )

    def _plain_words(self) -> None:
        for index, word in enumerate(_list(self.config.data.get("plain_words"))):
            if isinstance(word, str) and word not in self.used_words:
                self._config_problem(
                    ("plain_words", index),
                    f'plain word "{word}" no longer appears in the data',
                    "remove it from plain_words",
                )

    # --- helpers ---

    def _all_records(self) -> Iterator[Record]:
        for records in self.records.values():
            yield from records.values()

    def _config_problem(self, path: KeyPath, message: str, hint: str = "") -> None:
        self.report.problems.append(self.config.problem(path, message, hint))

    def _record_problem(self, record: Record, path: KeyPath, message: str, hint: str) -> None:
        self.report.problems.append(record.doc.problem((*record.path, *path), message, hint))


# --- reading the models ---


@functools.cache
def _service_model(name: str) -> ServiceModel:
    """Load a service model from the botocore wheel once per process (no network)."""
    return botocore.session.get_session().get_service_model(name)


def _label(model: ServiceModel) -> str:
    return f"the {model.service_name} {model.api_version} model of botocore {botocore.__version__}"


def _apis(models: list[ServiceModel]) -> str:
    return ", ".join(model.service_name for model in models)


def _operation_by_cli_name(model: ServiceModel, cli_name: str) -> OperationModel | None:
    for name in model.operation_names:
        if xform_name(name, "-") == cli_name:
            return model.operation_model(name)
    return None


_MEMBER_NAMES: dict[str, set[str]] = {}


def _member_names(model: ServiceModel) -> set[str]:
    """Return every member name of every structure in the model."""
    key = f"{model.service_name}/{model.api_version}"
    if key not in _MEMBER_NAMES:
        names: set[str] = set()
        for shape_name in model.shape_names:
            shape = model.shape_for(shape_name)
            if shape.type_name == "structure":
                names.update(shape.members)
        _MEMBER_NAMES[key] = names
    return _MEMBER_NAMES[key]


def _resolve_member(model: ServiceModel, dotted: str) -> tuple[Shape | None, str, str]:
    """Resolve `Operation.member...`, `Shape.member...` or `Shape`; else say why not.

    Returns the shape, or None with a message and a hint.
    """
    first, *rest = dotted.split(".")
    if first in model.operation_names:
        shape = model.operation_model(first).input_shape
    elif first in model.shape_names:
        shape = model.shape_for(first)
    else:
        names = list(model.operation_names) + list(model.shape_names)
        message = f"{_label(model)} has no operation or shape {first}"
        return None, message, _did_you_mean(first, names)
    walked = first
    for part in rest:
        while shape.type_name in ("list", "map"):
            shape = shape.member if shape.type_name == "list" else shape.value
        members = list(shape.members) if shape.type_name == "structure" else []
        if part not in members:
            message = f"{walked} has no member {part} in {_label(model)}"
            hint = " ".join(filter(None, [_did_you_mean(part, members), "members:"]))
            return None, message, f"{hint} {', '.join(members)}"
        shape = shape.members[part]
        walked += f".{part}"
    return shape, "", ""


def _enum(shape: Shape) -> list[str]:
    """Return the allowed values of a string shape, or of the items of a list of them."""
    while shape.type_name == "list":
        shape = shape.member
    return list(getattr(shape, "enum", None) or [])


# --- checking values against shapes ---


def _cli_value(member: Shape, values: list[str], raw_blobs: bool) -> list[str]:
    """Check the words given to one CLI option; return problems in words."""
    if member.type_name == "boolean":
        return [f"is a flag and takes no value, found {values[0]!r}"] if values else []
    if not values:
        return ["needs a value"]
    if any("$" in value or value.startswith(("file://", "fileb://")) for value in values):
        return []
    if member.type_name == "blob":
        if raw_blobs:
            return []
        return [
            "AWS CLI v2 reads blob values as base64, so this text would be refused; add "
            "--cli-binary-format raw-in-base64-out, or pass fileb://FILE"
        ]

    parsed: Any
    if member.type_name in ("structure", "map", "list") and values[0][:1] in "{[":
        try:
            parsed = json.loads(" ".join(values))
        except json.JSONDecodeError as error:
            return [f"is not valid JSON: {error.msg}"]
    elif member.type_name in ("structure", "map"):
        try:
            parsed = parse_shorthand(values[0])
        except ShorthandError as error:
            return [f"cannot read the shorthand: {error}"]
    elif member.type_name == "list":
        item = member.member
        try:
            parsed = [
                parse_shorthand(value) if item.type_name == "structure" else value
                for value in values
            ]
        except ShorthandError as error:
            return [f"cannot read the shorthand: {error}"]
    else:
        parsed = values[0]
    problems = _check_value(member, parsed, "", top_required=True, from_text=True)
    return [_at(path, message) for path, message in problems]


def _check_value(
    shape: Shape, value: Any, path: str, *, top_required: bool, from_text: bool = False
) -> Iterator[tuple[str, str]]:
    """Yield (member path, problem) for every way `value` breaks `shape`."""
    kind = shape.type_name
    if isinstance(value, str) and "$" in value:
        return
    if kind == "structure":
        yield from _check_structure(shape, value, path, top_required, from_text)
    elif kind == "list":
        items = value if isinstance(value, list) else [value]
        yield from _bounds(shape, len(items), path, "items")
        for index, item in enumerate(items):
            yield from _check_value(
                shape.member, item, f"{path}[{index}]", top_required=True, from_text=from_text
            )
    elif kind == "map":
        if not isinstance(value, dict):
            yield path, f"expected a mapping, found {_kind(value)}"
            return
        yield from _bounds(shape, len(value), path, "entries")
        for key, item in value.items():
            yield from _check_value(
                shape.value, item, _join(path, key), top_required=True, from_text=from_text
            )
    elif kind in ("integer", "long"):
        number = _as_int(value, from_text)
        if number is None:
            yield path, f"expected a whole number, found {value!r}"
            return
        yield from _range(shape, number, path)
    elif kind in ("float", "double"):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            yield path, f"expected a number, found {value!r}"
    elif kind == "boolean":
        if not (isinstance(value, bool) or (from_text and value in ("true", "false"))):
            yield path, f"expected true or false, found {value!r}"
    elif kind == "string":
        if not isinstance(value, str):
            yield path, f"expected text, found {value!r}"
            return
        if shape.enum and value not in shape.enum:
            yield path, f"{value!r} is not one of {_names(shape.enum)}"
        yield from _bounds(shape, len(value), path, "characters")


def _check_structure(
    shape: Shape, value: Any, path: str, top_required: bool, from_text: bool
) -> Iterator[tuple[str, str]]:
    if not isinstance(value, dict):
        yield path, f"expected a structure ({shape.name}), found {_kind(value)}"
        return
    for key in value:
        if key not in shape.members:
            hint = _did_you_mean(key, list(shape.members))
            allowed = f"members: {', '.join(shape.members)}"
            yield (
                path,
                f"{shape.name} has no member {key} ("
                + (f"{hint} " if hint else "")
                + f"{allowed})",
            )
    if path or top_required:
        missing = [name for name in shape.required_members if name not in value]
        if missing:
            yield (
                path,
                (
                    f"{shape.name} lacks required {_names(missing)}; the model requires "
                    f"{_names(shape.required_members)}"
                ),
            )
    if shape.metadata.get("union") and len(value) != 1:
        yield path, f"{shape.name} takes exactly one of {_names(list(shape.members))}"
    for key, item in value.items():
        if key in shape.members:
            yield from _check_value(
                shape.members[key], item, _join(path, key), top_required=True, from_text=from_text
            )


def _bounds(shape: Shape, count: int, path: str, noun: str) -> Iterator[tuple[str, str]]:
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if low is not None and count < low:
        yield path, f"has {count} {noun}, below the model's minimum of {low}"
    if high is not None and count > high:
        yield path, f"has {count} {noun}, above the model's maximum of {high}"


def _range(shape: Shape, number: int, path: str) -> Iterator[tuple[str, str]]:
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if low is not None and number < low:
        yield path, f"{number} is below the model's minimum of {low}"
    if high is not None and number > high:
        yield path, f"{number} is above the model's maximum of {high}"


def _as_int(value: Any, from_text: bool) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if from_text and isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    return None


# --- the data side ---


def _records(docs: list[Document]) -> dict[str, dict[str, Record]]:
    """Index every record that has an id: the items of each file's top-level lists."""
    records: dict[str, dict[str, Record]] = {}
    for doc in docs:
        if not isinstance(doc.data, dict):
            continue
        if isinstance(doc.data.get("id"), str):
            kind = PurePosixPath(doc.file).parent.name
            records.setdefault(kind, {})[doc.data["id"]] = Record(
                kind, doc.data["id"], doc, (), doc.data
            )
            continue
        for key, items in doc.data.items():
            for index, item in enumerate(_list(items)):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    record = Record(key, item["id"], doc, (key, index), item)
                    records.setdefault(key, {}).setdefault(item["id"], record)
    return records


def _services_of(record: Record) -> list[str]:
    data = record.data
    if record.kind == "services":
        return [record.id]
    services = [data["service"]] if isinstance(data.get("service"), str) else []
    services += [s for s in _list(data.get("services")) if isinstance(s, str)]
    services += [
        target["service"]
        for target in _list(data.get("applies_to"))
        if isinstance(target, dict) and isinstance(target.get("service"), str)
    ]
    return services


def _snippets_of(record: Record) -> Iterator[tuple[KeyPath, dict]]:
    """Yield (path inside the record, snippet) for every code snippet the record holds."""
    data = record.data
    if isinstance(data.get("fix"), dict):
        yield ("fix",), data["fix"]
    for index, snippet in enumerate(_list(data.get("snippets"))):
        if isinstance(snippet, dict):
            yield ("snippets", index), snippet


def _snippet_key(record: Record, path: KeyPath) -> tuple:
    index = path[1] if path[0] == "snippets" else None
    return (record.kind, record.id, index)


def _show_key(key: tuple) -> str:
    kind, record_id, index = key
    return f"in {kind} {record_id}" + (f", snippet {index}" if index is not None else "")


def _prose(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_PROSE:
                yield from _prose(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _prose(item, (*path, index))
    elif isinstance(node, str):
        yield path, node


def _locate_in_code(code: str, member_path: str) -> tuple[int, int]:
    """Find the line of the last named member of `member_path` in JSON code (0-based)."""
    names = [part for part in re.split(r"[.\[\]]", member_path) if part and not part.isdigit()]
    lines = code.split("\n")
    start = 0
    for name in names:
        for index in range(start, len(lines)):
            col = lines[index].find(f'"{name}"')
            if col >= 0:
                start = index
                break
    if not names:
        return 0, 0
    col = lines[start].find(f'"{names[-1]}"')
    return start, max(col, 0)


def _option_value(command: AwsCommand, name: str) -> str | None:
    for option in command.options:
        if option.name == name and option.values:
            return option.values[0]
    return command.global_options.get(f"--{name}")


def _plain(documentation: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", documentation or "")).split())


def _clip(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def _names(names: list[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names) or "nothing"
    return ", ".join(names[:-1]) + " and " + names[-1]


def _at(path: str, message: str) -> str:
    return f"{path}: {message}" if path else message


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text"}.get(type(value), repr(value))


def _did_you_mean(value: str, options: list[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1)
    return f'did you mean "{close[0]}"?' if close else ""


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []
