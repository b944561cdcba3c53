"""`python -m wizard impact --base REF`: the gallery's outcomes before and after a change."""

from __future__ import annotations

import subprocess

import pytest
from fault_support import base_data

from wizard.maintain import impact

SCENARIO = """\
id: untrusted-code
title: Users' code in a sandbox
description: Users send code that must run apart from everything else.
answers:
  code_author: users
  regions: [us-east-1]
  session_hours: 4
expect:
  recommendation: lambda-microvms
why: Untrusted code favours MicroVMs (mv-max-session).
facts: [mv-max-session]
"""


def git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path):
    """A throwaway repository whose first commit holds the base data."""
    root = base_data(tmp_path)
    (root / "scenarios" / "untrusted-code.yaml").write_text(SCENARIO)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base data")
    return root


def shorten_session_cap(root):
    facts = root / "facts" / "base.yaml"
    text = facts.read_text()
    facts.write_text(text.replace("{number: 28800, unit: seconds", "{number: 7200, unit: seconds"))


def test_a_fact_change_that_flips_a_scenario_is_reported_with_its_cause(repo, capsys):
    shorten_session_cap(repo)

    assert impact.main(["--base", "HEAD", "--data", str(repo)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Data changes since HEAD: 1 fact",
        "  mv-max-session: value 28800 seconds -> 7200 seconds",
        "",
        "untrusted-code: Users' code in a sandbox",
        "  recommendation: lambda-microvms -> agentcore-runtime",
        "  ruled_out: [] -> [lambda-microvms]",
        "  warnings: [microvms-suspended-time-counts] -> []",
        "  because of: mv-max-session (value 28800 seconds -> 7200 seconds)",
        "  the gallery expects lambda-microvms: update the scenario or the data",
        "1 of 1 scenarios changed outcome since HEAD.",
    ]


def test_fail_exits_1_when_an_outcome_changed(repo, capsys):
    shorten_session_cap(repo)

    assert impact.main(["--base", "HEAD", "--data", str(repo), "--fail"]) == 1


def test_a_change_that_flips_nothing_lists_the_facts_only(repo, capsys):
    facts = repo / "facts" / "base.yaml"
    facts.write_text(facts.read_text().replace("Docker and a PTY", "Docker and a real PTY"))

    assert impact.main(["--base", "HEAD", "--data", str(repo), "--fail"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Data changes since HEAD: 1 fact",
        "  mv-os-features: changed value.label",
        "",
        "0 of 1 scenarios changed outcome since HEAD.",
    ]


def test_an_unknown_ref_is_a_usage_error(repo, capsys):
    assert impact.main(["--base", "no-such-ref", "--data", str(repo)]) == 2
    assert capsys.readouterr().err == (
        "impact: git archive --format=tar: fatal: not a valid object name: no-such-ref\n"
    )


def test_the_work_tree_is_left_alone(repo):
    shorten_session_cap(repo)
    before = subprocess.run(
        ["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout

    impact.main(["--base", "HEAD", "--data", str(repo)])

    after = subprocess.run(
        ["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout
    assert after == before == " M data/facts/base.yaml\n"
