"""Read one YAML data file safely, keeping the line and column of every node.

`read_yaml` never raises for a bad file: it returns a `Document` whose `problems` say what is
wrong, each located at a line and column. It refuses, before they can cost time or memory:
files over `MAX_FILE_BYTES`, byte-order marks and text that is not UTF-8, anchors and aliases
(so nothing can expand), nesting deeper than `MAX_DEPTH`, and explicit tags. While building
the data it reports duplicate keys, keys that are not text, and the YAML 1.1 booleans
(`yes`, `no`, `on`, `off`) that YAML 1.2 tools read as text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wizard.dataset.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES
from wizard.dataset.problems import KeyPath, Level, Problem, format_path

TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = {TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
CANONICAL_BOOLEANS = {"true", "false", "True", "False", "TRUE", "FALSE"}
OTHER_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


class YamlDate(str):
    """Text that YAML 1.1 reads as a date (an unquoted `2026-12-03`), kept as its source text.

    The schema check accepts it only where a date is expected (`format: date`); anywhere else
    it is a YAML surprise, because other loaders hand the program a date object instead.
    """


@dataclass
class Document:
    """One data file as read: its data, where each node sits, and what went wrong."""

    file: str
    data: Any = None
    readable: bool = False
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    nodes: dict[KeyPath, Node] = field(default_factory=dict)
    keys: dict[KeyPath, Node] = field(default_factory=dict)

    def position(self, path: KeyPath, *, at_key: bool = False) -> tuple[int, int]:
        """Return the 1-based line and column of `path`, or of its nearest known ancestor."""
        while True:
            node = (self.keys.get(path) if at_key else None) or self.nodes.get(path)
            if node is not None:
                return node.start_mark.line + 1, node.start_mark.column + 1
            if not path:
                return 1, 1
            path = path[:-1]

    def problem(
        self,
        path: KeyPath,
        message: str,
        hint: str = "",
        *,
        level: Level = "error",
        at_key: bool = False,
    ) -> Problem:
        """Build a problem located at `path` in this file (at its key when `at_key`)."""
        line, col = self.position(path, at_key=at_key)
        return Problem(self.file, line, col, format_path(path), message, hint, level)

    def node_at(self, path: KeyPath) -> Node | None:
        """Return the node that holds the value at `path`, if the path exists."""
        return self.nodes.get(path)

    def text_position(self, path: KeyPath, line: int, col: int = 0) -> tuple[int, int]:
        """Return the file position of `line`:`col` (0-based) inside the text at `path`.

        Exact for literal block scalars (`code: |`), where each line of the text is a line of
        the file; for other styles it falls back to where the value starts.
        """
        node = self.nodes.get(path)
        if not isinstance(node, ScalarNode) or node.style != "|":
            return self.position(path)
        first = node.start_mark.line + 1
        lines = self.text.splitlines()
        if first + line >= len(lines):
            return self.position(path)
        # The block's indentation is that of its first line that is not blank.
        block = next((raw for raw in lines[first:] if raw.strip()), "")
        indent = len(block) - len(block.lstrip(" "))
        return first + line + 1, indent + col + 1

    def problem_in_text(
        self, path: KeyPath, line: int, col: int, message: str, hint: str = ""
    ) -> Problem:
        """Build a problem located at a line and column inside the text at `path`."""
        at_line, at_col = self.text_position(path, line, col)
        return Problem(self.file, at_line, at_col, format_path(path), message, hint)


def read_yaml(path: Path, file: str) -> Document:
    """Read the YAML file at `path`; `file` is the name problems are reported under."""
    doc = Document(file)

    # 1. Measure before reading, so a huge file costs nothing.
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        doc.problems.append(
            Problem(
                file,
                1,
                1,
                "(file)",
                f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                "split it into several files; the limit is set in wizard/dataset/limits.py",
            )
        )
        return doc

    # 2. Decode: UTF-8 only, without a byte-order mark.
    text = _decode(path.read_bytes(), doc)
    if text is None:
        return doc
    doc.text = text

    # 3. Compose the node tree, refusing aliases, deep nesting and oversized input.
    root = _compose(text, doc)
    if root is None:
        return doc

    # 4. Build plain data, keeping every node's position.
    builder = _Builder(doc)
    doc.data = builder.build(root, ())
    doc.readable = not builder.fatal
    return doc


def _decode(raw: bytes, doc: Document) -> str | None:
    for bom, name in OTHER_BOMS.items():
        if raw.startswith(bom):
            doc.problems.append(
                Problem(
                    doc.file,
                    1,
                    1,
                    "(file)",
                    f"file is {name}, not UTF-8",
                    "save it as UTF-8 without a byte-order mark",
                )
            )
            return None

    if raw.startswith(codecs.BOM_UTF8):
        doc.problems.append(
            Problem(
                doc.file,
                1,
                1,
                "(file)",
                "file starts with a byte-order mark",
                "save it as UTF-8 without a BOM; some YAML tools read the mark as text",
            )
        )
        raw = raw[len(codecs.BOM_UTF8) :]

    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        col = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        byte = raw[error.start]
        doc.problems.append(
            Problem(
                doc.file,
                line,
                col,
                "(file)",
                f"file is not valid UTF-8: byte 0x{byte:02x} cannot start a character here",
                "save the file as UTF-8; it looks like Latin-1 or Windows-1252",
            )
        )
        return None


class _Refused(Exception):
    """Stops composing a file at the first construct the data may not use."""

    def __init__(self, mark: yaml.Mark, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.hint = hint


class _Loader(yaml.SafeLoader):
    """A SafeLoader whose composer refuses anchors and aliases and stops at MAX_DEPTH."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.count = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            event = self.get_event()
            raise _Refused(
                event.start_mark,
                f"alias *{event.anchor} is not allowed",
                "write the value out in full; anchors and aliases are refused in data files",
            )
        event = self.peek_event()
        if event.anchor is not None:
            raise _Refused(
                event.start_mark,
                f"anchor &{event.anchor} is not allowed",
                "write the value out in full; anchors and aliases are refused in data files",
            )

        self.count += 1
        if self.count > MAX_NODES:
            raise _Refused(
                event.start_mark,
                f"file holds more than {MAX_NODES:,} values",
                "split it into several files; the limit is set in wizard/dataset/limits.py",
            )

        is_collection = isinstance(event, (SequenceStartEvent, MappingStartEvent))
        if is_collection and self.depth >= MAX_DEPTH:
            raise _Refused(
                event.start_mark,
                f"nesting is deeper than {MAX_DEPTH} levels",
                "flatten the structure; the limit is set in wizard/dataset/limits.py",
            )

        self.depth += is_collection
        self.descend_resolver(parent, index)
        if self.check_event(ScalarEvent):
            node = self.compose_scalar_node(None)
        elif self.check_event(SequenceStartEvent):
            node = self.compose_sequence_node(None)
        else:
            node = self.compose_mapping_node(None)
        self.ascend_resolver()
        self.depth -= is_collection
        return node


def _compose(text: str, doc: Document) -> Node | None:
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
    except _Refused as refused:
        doc.problems.append(_at_mark(doc, refused.mark, refused.message, refused.hint))
        return None
    except yaml.MarkedYAMLError as error:
        doc.problems.append(_syntax_problem(doc, error))
        return None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        doc.problems.append(
            Problem(
                doc.file,
                line,
                col,
                "(file)",
                f"control character {code:#04x} is not allowed in YAML",
                "delete it; it is often pasted in invisibly from a web page",
            )
        )
        return None
    finally:
        if loader is not None:
            loader.dispose()

    if root is None:
        doc.problems.append(Problem(doc.file, 1, 1, "(file)", "file is empty"))
    return root


SYNTAX_HINTS = {
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "mapping values are not allowed here": 'quote text that contains ": "',
    "found duplicate anchor": "anchors are refused anyway; write the value out in full",
}


def _syntax_problem(doc: Document, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem}"
    hints = [hint for text, hint in SYNTAX_HINTS.items() if text in (error.problem or "")]
    if error.context and error.context_mark is not None:
        hints.append(f"{error.context} at line {error.context_mark.line + 1}")
    return _at_mark(doc, mark, message, "; ".join(hints))


def _at_mark(doc: Document, mark: yaml.Mark | None, message: str, hint: str) -> Problem:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(doc.file, line, col, "(file)", message, hint)


class _Builder:
    """Turn a composed node tree into plain data, noting each node's position."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.fatal = False
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: Node, path: KeyPath) -> Any:
        self.doc.nodes[path] = node
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            self._check_tag(node, TAG + "seq", path)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        self._check_tag(node, TAG + "map", path)
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key in first_seen:
                first = first_seen[key].start_mark.line + 1
                self._report(
                    key_node,
                    (*path, key),
                    f'duplicate key "{key}" (first at line {first})',
                    "remove one of them; YAML silently keeps only the last",
                )
            else:
                first_seen[key] = key_node
            self.doc.keys[(*path, key)] = key_node
            result[key] = self.build(value_node, (*path, key))
        return result

    def _key(self, node: Node, path: KeyPath) -> str:
        if not isinstance(node, ScalarNode):
            self.fatal = True
            self._report(node, path, "a key must be text, not a list or mapping")
            return f"<key at line {node.start_mark.line + 1}>"
        value = self._scalar(node, path, is_key=True)
        if not isinstance(value, str) or isinstance(value, YamlDate):
            self._report(
                node,
                (*path, str(node.value)),
                f'key "{node.value}" is read as {_describe(value)}; keys must be text',
                f'quote it: "{node.value}"',
            )
        return str(node.value)

    def _scalar(self, node: ScalarNode, path: KeyPath, *, is_key: bool = False) -> Any:
        if node.tag not in PLAIN_TAGS:
            self.fatal = True
            self._report(
                node,
                path,
                f"tag {node.tag.replace(TAG, '!!')} is not allowed",
                "remove the tag; data files use plain text, numbers, true and false",
            )
            return node.value
        if node.tag == TAG + "timestamp":
            return YamlDate(node.value)
        value = self.scalars.construct_object(node)
        if node.tag == TAG + "bool" and node.value not in CANONICAL_BOOLEANS and not is_key:
            self._report(
                node,
                path,
                f'"{node.value}" is read as the boolean {str(value).lower()} by YAML 1.1 and '
                "as text by YAML 1.2",
                f'write {str(value).lower()}, or "{node.value}" in quotes if you mean the word',
            )
        return value

    def _check_tag(self, node: Node, expected: str, path: KeyPath) -> None:
        if node.tag != expected:
            self.fatal = True
            self._report(
                node,
                path,
                f"tag {node.tag.replace(TAG, '!!')} is not allowed",
                "remove the tag; data files use plain mappings and lists",
            )

    def _report(self, node: Node, path: KeyPath, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.doc.problems.append(
            Problem(
                self.doc.file,
                mark.line + 1,
                mark.column + 1,
                format_path(path),
                message,
                hint,
            )
        )


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "empty (null)"
    if isinstance(value, YamlDate):
        return "a date"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return "text"
