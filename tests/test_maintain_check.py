"""`python -m wizard check`: every problem in one form, a summary, and one exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fault_support import base_data

from wizard.dataset.problems import Problem
from wizard.maintain import check
from wizard.maintain.printer import count_line

ROOT = Path(__file__).resolve().parents[1]
BASE_SUMMARY = (
    "SDK models: 1 architectures, 1 facts, 1 gotchas, 1 services checked "
    "(1 limits, 2 CLI commands, 1 JSON requests, 4 names in text)"
)


def test_sound_data_prints_a_summary_and_exits_0(tmp_path, capsys):
    root = base_data(tmp_path)

    code = check.main(["--data", str(root)])

    assert code == 0
    assert capsys.readouterr().out.splitlines() == ["data/: no problems", BASE_SUMMARY]


def test_every_problem_is_printed_then_the_check_fails_once(tmp_path, capsys):
    root = base_data(tmp_path)
    facts = root / "facts" / "base.yaml"
    text = facts.read_text()
    old = "sources: [base-doc]\n    as_of: 2026-12-03\n    review_by"
    text = text.replace(old, old.replace("base-doc", "nope"))
    facts.write_text(text.replace("evidence: sdk_model", "evidence: sdk"))
    (root / "meta.yaml").write_text("data_version: 2026.12.03\nreview_grace_days: -1\n")

    code = check.main(["--data", str(root), "--no-sdk"])

    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        'data/facts/base.yaml:8:15: facts[0].evidence: "sdk" is not an allowed value (allowed: '
        "official_doc, sdk_model, hands_on, third_party, unverified)",
        'data/facts/base.yaml:15:15: facts[1].sources[0]: unknown source "nope" (known: '
        "base-article, base-doc, base-sdk)",
        'data/meta.yaml:1:1: (file): missing required field "article" (article: The article '
        "this project started from.)",
        "data/meta.yaml:2:20: review_grace_days: must be at least 0, not -1",
        "data/: 4 errors in 2 files",
    ]


def test_the_project_data_passes_through_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "data/: no problems"
    assert done.stdout.splitlines()[1].startswith("SDK models: ")


def test_count_line_counts_errors_warnings_and_files():
    error = Problem("data/a.yaml", 1, 1, "x", "bad")
    warning = Problem("data/b.yaml", 1, 1, "x", "old", level="warning")

    assert count_line([], "data/") == "data/: no problems"
    assert count_line([error], "data/") == "data/: 1 error in 1 file"
    assert count_line([error, error, warning], "data/") == "data/: 2 errors, 1 warning in 2 files"
