"""The command line: answers from a file or typed in, three output forms, exit codes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.dataset import load_bundle

ROOT = Path(__file__).resolve().parents[1]


def run(args, stdin=""):
    """Run `python -m wizard` as a user would, in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_json_format_prints_the_result_contract(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("code_author: users\nregions: [ap-south-1]\n")

    done = run(["--answers", str(answers), "--format", "json"])

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["recommendation"] == "agentcore-runtime"
    assert result["ruled_out"]["lambda-microvms"][0]["rule"] == "region-not-served"
    assert set(result) >= {
        "recommendation", "compute_type", "reasons", "ruled_out", "warnings",
        "architecture", "flip", "assumptions", "data_version",
    }  # fmt: skip


def test_json_answers_are_read_too(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"code_author": "both"}')

    done = run(["--answers", str(answers), "--format", "json"])

    assert json.loads(done.stdout)["recommendation"] == "both"


def test_markdown_format_is_a_madr_record(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("code_author: agent\nsession_hours: 12\n")

    done = run(["--answers", str(answers), "--format", "markdown"])

    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == "# Where untrusted and agent code runs: AgentCore Runtime (instances)"
    assert "## Considered Options" in lines
    assert 'Chosen option: "AgentCore Runtime", because:' in lines
    assert "* How long can the longest session last? **12 hours**" in lines
    assert any(line.startswith("* [AgentCore Runtime lifecycle settings](") for line in lines)


def test_text_format_names_the_recommendation_first(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("code_author: users\n")

    done = run(["--answers", str(answers)])

    assert done.stdout.splitlines()[0] == "Recommendation: Lambda MicroVMs"


def test_invalid_answers_list_every_problem_on_stderr_and_exit_2(tmp_path):
    answers = tmp_path / "bad.yaml"
    answers.write_text("code_author: robots\nvcpus: -1\n")

    done = run(["--answers", str(answers)])

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{answers}: code_author: 'robots' is not one of the allowed values "
        "(allowed: agent, users, both)",
        f"{answers}: vcpus: -1 is out of range (allowed: a number more than 0 (vcpu))",
    ]


def test_unreadable_or_malformed_files_exit_2(tmp_path):
    missing = run(["--answers", str(tmp_path / "nope.yaml")])
    broken = tmp_path / "broken.yaml"
    broken.write_text("code_author: [agent\n")
    malformed = run(["--answers", str(broken)])
    listed = tmp_path / "list.yaml"
    listed.write_text("- agent\n")
    not_mapping = run(["--answers", str(listed)])

    assert missing.returncode == malformed.returncode == not_mapping.returncode == 2
    assert "cannot read the answers file: No such file or directory" in missing.stderr
    assert f"{broken}: not valid YAML or JSON" in malformed.stderr
    assert not_mapping.stderr.strip() == (
        f"{listed}: answers must be a mapping of question id to value"
    )


def test_scenario_files_can_be_passed_as_answers(tmp_path):
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text("id: x\nanswers:\n  code_author: both\n")

    done = run(["--answers", str(scenario), "--format", "json"])

    assert json.loads(done.stdout)["recommendation"] == "both"


def test_interactive_answers_skip_help_and_retry():
    # 1st question: a bad reply, then "3" (both); 2nd: help, then skip; 3rd: a bad Region,
    # then a good one; end of input ends the questions early.
    typed = "robots\n3\n?\n\nmars-1\neu-west-1\n"

    done = run(["--format", "json"], stdin=typed)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answers"] == {"code_author": "both", "regions": ["eu-west-1"]}
    assert "choose one of: agent, users, both" in done.stderr
    assert "not known: mars-1" in done.stderr
    assert "skipped: Not known; treated as neither an agent nor another workload." in done.stderr


def test_ctrl_c_leaves_cleanly():
    child = subprocess.Popen(
        [sys.executable, "-m", "wizard"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    # Wait until the first question is on screen, then press Ctrl-C.
    questions = len(load_bundle()["questions"])
    assert child.stderr.readline().startswith(f"{questions} questions.")
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)

    assert child.returncode == 130
    assert out == ""
    assert err.strip().endswith("Interrupted; nothing was written.")


def test_a_broken_data_directory_exits_3(tmp_path):
    done = run(["--answers", "-", "--data", str(tmp_path)], stdin="{}")

    assert done.returncode == 3
    assert f"{tmp_path}: the data could not be loaded" in done.stderr


@pytest.mark.parametrize("flag", ["--help"])
def test_help_documents_exit_codes(flag):
    done = run([flag])

    assert "exit codes:" in done.stdout
    assert "130 interrupted" in done.stdout
