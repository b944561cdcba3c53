"""Find `aws <service> <operation> --params` commands in shell snippets, and parse values.

Only the syntax is handled here; `sdk_models` checks the commands against the service
models. Positions are kept as 0-based (line, column) inside the snippet's code.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Any

# Options of the AWS CLI itself, and whether each takes a value.
GLOBAL_OPTIONS = {
    "--region": True,
    "--profile": True,
    "--output": True,
    "--query": True,
    "--endpoint-url": True,
    "--color": True,
    "--ca-bundle": True,
    "--cli-read-timeout": True,
    "--cli-connect-timeout": True,
    "--cli-binary-format": True,
    "--cli-input-json": True,
    "--cli-input-yaml": True,
    "--starting-token": True,
    "--page-size": True,
    "--max-items": True,
    "--debug": False,
    "--no-verify-ssl": False,
    "--no-paginate": False,
    "--no-sign-request": False,
    "--no-cli-pager": False,
    "--cli-auto-prompt": False,
    "--no-cli-auto-prompt": False,
    "--version": False,
}

# Shell words that end one simple command.
CONTROL = {"|", "||", "&&", ";", "&", "(", ")", "$(", "`"}


@dataclass
class Option:
    """One `--name value...` of a command; `line` and `col` locate the `--name`."""

    name: str
    values: list[str]
    line: int
    col: int


@dataclass
class AwsCommand:
    """One `aws` command: where it starts, its service, operation and options."""

    service: str
    operation: str
    line: int
    col: int
    options: list[Option] = field(default_factory=list)
    positionals: list[str] = field(default_factory=list)
    global_options: dict[str, str | None] = field(default_factory=dict)


def find_aws_commands(code: str) -> list[AwsCommand]:
    """Return every `aws SERVICE OPERATION ...` command in shell code.

    >>> [c.operation for c in find_aws_commands("time aws lambda-microvms get-microvm --x 1")]
    ['get-microvm']
    """
    commands = []
    for words in _simple_commands(code):
        command = _aws_command(words)
        if command is not None:
            commands.append(command)
    return commands


def _simple_commands(code: str) -> list[list[tuple[str, int, int]]]:
    """Split code into simple commands: lists of (word, line, column)."""
    lines = code.split("\n")
    commands: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for index, line in enumerate(lines):
        continued = line.rstrip().endswith("\\")
        text = line.rstrip()[:-1] if continued else line
        for word, col in _words(text):
            if word in CONTROL:
                if current:
                    commands.append(current)
                current = []
            else:
                current.append((word, index, col))
        if not continued and current:
            commands.append(current)
            current = []
    if current:
        commands.append(current)
    return commands


def _words(line: str) -> list[tuple[str, int]]:
    """Split one line the way a shell would, keeping the column each word starts at."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars="|&;()`")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    words = []
    search_from = 0
    try:
        for word in lexer:
            col = _find(line, word, search_from)
            search_from = col + 1 if col >= 0 else search_from
            words.append((word, max(col, 0)))
    except ValueError:
        # An unbalanced quote: keep the words read so far.
        pass
    return words


def _find(line: str, word: str, start: int) -> int:
    # The word may have had quotes removed; search for its first few characters.
    for probe in (word, word[:12]):
        found = line.find(probe, start)
        if found >= 0:
            quoted = found > 0 and line[found - 1] in "'\""
            return found - 1 if quoted else found
    return -1


def _aws_command(words: list[tuple[str, int, int]]) -> AwsCommand | None:
    names = [word for word, _, _ in words]
    if "aws" not in names:
        return None
    start = names.index("aws")
    rest = words[start + 1 :]

    # Global options may come before the service name.
    global_options: dict[str, str | None] = {}
    while rest and rest[0][0] in GLOBAL_OPTIONS:
        name = rest[0][0]
        takes_value = GLOBAL_OPTIONS[name] and len(rest) > 1
        global_options[name] = rest[1][0] if takes_value else None
        rest = rest[2:] if takes_value else rest[1:]
    if len(rest) < 2 or rest[0][0].startswith("-") or rest[1][0].startswith("-"):
        return None

    (service, line, col), (operation, _, _) = rest[0], rest[1]
    command = AwsCommand(service, operation, words[start][1], words[start][2])
    command.global_options = global_options
    del line, col

    current: Option | None = None
    for word, word_line, word_col in rest[2:]:
        if word.startswith("--"):
            current = Option(word[2:], [], word_line, word_col)
            command.options.append(current)
        elif current is not None:
            current.values.append(word)
        else:
            command.positionals.append(word)
    return command


def split_trailing(command: AwsCommand, takes_list: dict[str, bool]) -> None:
    """Move words after a single-value option to the positionals (e.g. an outfile).

    `takes_list` says, per option name, whether it takes several values.
    """
    for option in command.options:
        if not takes_list.get(option.name, False) and len(option.values) > 1:
            command.positionals.extend(option.values[1:])
            del option.values[1:]


class ShorthandError(ValueError):
    """The shorthand syntax could not be read."""


def parse_shorthand(text: str) -> Any:
    """Parse AWS CLI shorthand (`a=1,b={c=2},d=[x,y]`) into plain data; values stay text.

    >>> parse_shorthand("maxIdleDurationSeconds=300,autoResumeEnabled=false")
    {'maxIdleDurationSeconds': '300', 'autoResumeEnabled': 'false'}
    >>> parse_shorthand("a={b=1,c=[x,y]}")
    {'a': {'b': '1', 'c': ['x', 'y']}}
    """
    parser = _Shorthand(text)
    value = parser.structure(end="")
    if parser.index != len(text):
        raise ShorthandError(f"unexpected {text[parser.index]!r} at character {parser.index + 1}")
    return value


class _Shorthand:
    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0

    def structure(self, end: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while self.index < len(self.text) and self.text[self.index] != end:
            key = self._until("=")
            if self.index >= len(self.text):
                raise ShorthandError(f"expected key=value, found {key!r}")
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                raise ShorthandError(f"expected a member name, found {key!r}")
            self.index += 1
            result[key] = self.value(stops=",}" if end else ",")
            if self.index < len(self.text) and self.text[self.index] == ",":
                self.index += 1
        return result

    def value(self, stops: str) -> Any:
        char = self.text[self.index] if self.index < len(self.text) else ""
        if char == "{":
            self.index += 1
            result = self.structure(end="}")
            self._expect("}")
            return result
        if char == "[":
            self.index += 1
            items = []
            while self.index < len(self.text) and self.text[self.index] != "]":
                items.append(self.value(stops=",]"))
                if self.index < len(self.text) and self.text[self.index] == ",":
                    self.index += 1
            self._expect("]")
            return items
        return self._until(stops)

    def _until(self, stops: str) -> str:
        start = self.index
        while self.index < len(self.text) and self.text[self.index] not in stops:
            self.index += 1
        return self.text[start : self.index].strip()

    def _expect(self, char: str) -> None:
        if self.index >= len(self.text) or self.text[self.index] != char:
            raise ShorthandError(f"expected {char!r} at character {self.index + 1}")
        self.index += 1
