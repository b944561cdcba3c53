"""Reading one YAML file: positions, YAML 1.1 surprises and the safety limits."""

from __future__ import annotations

from pathlib import Path

from wizard.dataset.limits import MAX_DEPTH
from wizard.dataset.yamlfile import YamlDate, read_yaml


def read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "file.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return read_yaml(path, "data/file.yaml")


def test_every_value_and_key_keeps_its_line_and_column(tmp_path):
    doc = read(tmp_path, "facts:\n  - id: a\n    value: {text: hello}\n")

    assert doc.readable
    assert doc.problems == []
    assert doc.position(("facts", 0, "id")) == (2, 9)
    assert doc.position(("facts", 0, "id"), at_key=True) == (2, 5)
    assert doc.position(("facts", 0, "value", "text")) == (3, 19)
    # A path that does not exist falls back to its nearest ancestor.
    assert doc.position(("facts", 0, "as_of")) == (2, 5)


def test_a_problem_names_file_line_column_and_key_path(tmp_path):
    doc = read(tmp_path, "facts:\n  - id: a\n")

    problem = doc.problem(("facts", 0, "id"), "is wrong", "fix it")

    assert problem.format() == "data/file.yaml:2:9: facts[0].id: is wrong (fix it)"


def test_unquoted_dates_stay_text_but_are_marked(tmp_path):
    doc = read(tmp_path, "as_of: 2026-12-03\nquoted: '2026-12-03'\n")

    assert doc.data == {"as_of": "2026-12-03", "quoted": "2026-12-03"}
    assert isinstance(doc.data["as_of"], YamlDate)
    assert not isinstance(doc.data["quoted"], YamlDate)


def test_canonical_booleans_pass_and_yaml11_ones_are_reported(tmp_path):
    doc = read(tmp_path, "a: true\nb: False\nc: off\n")

    assert doc.data == {"a": True, "b": False, "c": False}
    assert [problem.format() for problem in doc.problems] == [
        'data/file.yaml:3:4: c: "off" is read as the boolean false by YAML 1.1 and as text by '
        'YAML 1.2 (write false, or "off" in quotes if you mean the word)'
    ]


def test_duplicate_keys_keep_the_last_value_and_report_the_second_key(tmp_path):
    doc = read(tmp_path, "a: 1\nb: 2\na: 3\n")

    assert doc.readable
    assert doc.data == {"a": 3, "b": 2}
    assert [problem.format() for problem in doc.problems] == [
        'data/file.yaml:3:1: a: duplicate key "a" (first at line 1) '
        "(remove one of them; YAML silently keeps only the last)"
    ]


def test_nesting_at_the_limit_is_read_and_one_deeper_is_refused(tmp_path):
    at_limit = read(tmp_path, "[" * MAX_DEPTH + "]" * MAX_DEPTH)
    too_deep = read(tmp_path, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))

    assert at_limit.readable
    assert not too_deep.readable
    assert [problem.format() for problem in too_deep.problems] == [
        f"data/file.yaml:1:{MAX_DEPTH + 1}: (file): nesting is deeper than {MAX_DEPTH} levels "
        "(flatten the structure; the limit is set in wizard/dataset/limits.py)"
    ]


def test_a_utf16_file_is_refused_before_parsing(tmp_path):
    doc = read(tmp_path, "a: 1\n".encode("utf-16"))

    assert not doc.readable
    assert [problem.format() for problem in doc.problems] == [
        "data/file.yaml:1:1: (file): file is UTF-16, not UTF-8 "
        "(save it as UTF-8 without a byte-order mark)"
    ]


def test_an_empty_file_is_reported(tmp_path):
    doc = read(tmp_path, "# only a comment\n")

    assert [problem.format() for problem in doc.problems] == [
        "data/file.yaml:1:1: (file): file is empty"
    ]


def test_an_undefined_alias_is_refused_like_any_alias(tmp_path):
    doc = read(tmp_path, "a: *nowhere\n")

    assert [problem.format() for problem in doc.problems] == [
        "data/file.yaml:1:4: (file): alias *nowhere is not allowed "
        "(write the value out in full; anchors and aliases are refused in data files)"
    ]


def test_text_position_maps_a_line_of_a_literal_block_to_the_file(tmp_path):
    doc = read(tmp_path, "fix:\n  code: |\n    first line\n      second line\n")

    assert doc.text_position(("fix", "code"), 0) == (3, 5)
    assert doc.text_position(("fix", "code"), 1, 2) == (4, 7)
