"""The broken-file corpus: each file in tests/data_faults/ breaks the base data in one way.

A fault file starts with a header of comments:

    # fault: what is wrong, in a few words (one kind of fault per file)
    # replaces: facts/base.yaml      (or `# adds: facts/extra.yaml`)
    # pad-to: 131073                 (optional: pad the file with comments to this size)
    # expect: data/facts/extra.yaml:7:12: facts[0].value.text: ... (the exact problem line)

The test copies tests/data_faults/base/ and the project's schemas into a temporary data
folder, puts the fault file in place, runs every check (`python -m wizard check`'s own
`run_checks`, SDK models included) and compares the printed problems with the `expect`
lines, word for word and in order.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fault_support import FAULTS_DIR, base_data, install, read_fault

from wizard.maintain.check import run_checks

FAULT_FILES = sorted(FAULTS_DIR.glob("*.yaml"))
HOSTILE = ["billion-laughs", "deep-nesting", "oversized", "too-many-values"]


def test_base_data_is_sound(tmp_path: Path) -> None:
    problems, summary = run_checks(base_data(tmp_path))
    assert [problem.format() for problem in problems] == []
    assert summary == (
        "SDK models: 1 architectures, 1 facts, 1 gotchas, 1 services checked "
        "(1 limits, 2 CLI commands, 1 JSON requests, 4 names in text)"
    )


@pytest.mark.parametrize("fault_file", FAULT_FILES, ids=[path.stem for path in FAULT_FILES])
def test_fault_is_reported_exactly(fault_file: Path, tmp_path: Path) -> None:
    fault = read_fault(fault_file)
    root = base_data(tmp_path)
    install(fault_file, fault, root)

    problems, _ = run_checks(root)

    assert [problem.format() for problem in problems] == fault.expect


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_refused_within_a_second(name: str, tmp_path: Path) -> None:
    fault_file = FAULTS_DIR / f"{name}.yaml"
    fault = read_fault(fault_file)
    root = base_data(tmp_path)
    install(fault_file, fault, root)

    started = time.perf_counter()
    problems, _ = run_checks(root, sdk=False)
    elapsed = time.perf_counter() - started

    assert [problem.format() for problem in problems] == fault.expect
    # The whole check of the base data takes about 0.1 s; the hostile file adds little.
    assert elapsed < 3.0


def test_corpus_has_at_least_25_kinds_each_in_its_own_file() -> None:
    faults = {path.stem: read_fault(path) for path in FAULT_FILES}
    kinds = [fault.kind for fault in faults.values()]

    assert len(faults) >= 25
    assert [name for name, fault in faults.items() if not fault.kind] == []
    assert [name for name, fault in faults.items() if not fault.target] == []
    assert [name for name, fault in faults.items() if not fault.expect] == []
    assert sorted(kind for kind in set(kinds) if kinds.count(kind) > 1) == []
