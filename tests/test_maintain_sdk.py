"""What the data quotes from the AWS SDK, checked against botocore's bundled models."""

from __future__ import annotations

import shutil
import sys

import pytest
import yaml
from fault_support import base_data

from wizard.dataset import DATA_DIR
from wizard.dataset.validate import read_documents
from wizard.maintain.check import run_checks
from wizard.maintain.sdk_models import _check_value, _service_model, check_sdk

LIMITS = yaml.safe_load((DATA_DIR / "sdk_checks.yaml").read_text())["limits"]
LIMIT_RECORDS = sorted(
    {
        next(
            v
            for k, v in limit.items()
            if k in ("fact", "gotcha", "architecture", "tip", "open_question")
        )
        for limit in LIMITS
    }
)


@pytest.fixture(scope="module")
def report():
    return check_sdk(read_documents(DATA_DIR))


def test_the_project_data_matches_the_models(report):
    assert [problem.format() for problem in report.problems] == []


@pytest.mark.parametrize("record_id", LIMIT_RECORDS)
def test_each_record_with_a_quoted_limit_is_checked(report, record_id):
    checked = set().union(*report.checked.values())

    assert record_id in checked


def test_the_shell_token_and_idle_policy_facts_are_checked(report):
    assert {"mv-shell", "mv-idle-handling", "mv-max-session", "ac-shell"} <= report.checked[
        "facts"
    ]
    assert "microvms-idle-policy-needs-all-fields" in report.checked["gotchas"]


def copy_of_project_data(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root)
    return root


def line_of(path, text):
    lines = path.read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_idle_policy_the_article_gave_is_refused(tmp_path):
    # The article's advice sets suspendedDurationSeconds and autoResumeEnabled only.
    root = copy_of_project_data(tmp_path)
    gotchas = root / "gotchas.yaml"
    text = gotchas.read_text()
    assert text.count('"maxIdleDurationSeconds": 300,\n') == 1
    gotchas.write_text(text.replace('            "maxIdleDurationSeconds": 300,\n', ""))
    line = line_of(gotchas, '"idlePolicy": {')
    index = yaml.safe_load(text)["gotchas"].index(
        next(
            g
            for g in yaml.safe_load(text)["gotchas"]
            if g["id"] == "microvms-idle-policy-needs-all-fields"
        )
    )

    report = check_sdk(read_documents(root))

    assert [problem.format() for problem in report.problems] == [
        f"data/gotchas.yaml:{line}:11: gotchas[{index}].fix.code: "
        "microvms-idle-policy-needs-all-fields: RunMicrovm request: idlePolicy: IdlePolicy lacks "
        "required maxIdleDurationSeconds; the model requires maxIdleDurationSeconds, "
        "suspendedDurationSeconds and autoResumeEnabled (the lambda-microvms 2025-09-09 model of "
        "botocore 1.44.8)"
    ]


def test_without_its_exception_the_websocket_shell_fails_where_it_is_named(tmp_path):
    root = copy_of_project_data(tmp_path)
    checks = yaml.safe_load((root / "sdk_checks.yaml").read_text())
    checks["exceptions"] = []
    (root / "sdk_checks.yaml").write_text(yaml.safe_dump(checks, sort_keys=False))

    report = check_sdk(read_documents(root))
    named = sorted(
        problem.message.split(":")[0]
        for problem in report.problems
        if "InvokeAgentRuntimeCommandShell is not an operation" in problem.message
    )

    assert named == ["ac-shell", "agentcore-shell-needs-redeploy"]
    assert all(
        problem.hint == 'did you mean "InvokeAgentRuntimeCommand"?' for problem in report.problems
    )


def test_a_union_takes_exactly_one_member():
    operation = _service_model("lambda-microvms").operation_model("CreateMicrovmAuthToken")
    ports = operation.input_shape.members["allowedPorts"]

    problems = list(_check_value(ports, [{"port": 8080, "allPorts": {}}], "", top_required=True))

    assert problems == [
        ("[0]", "PortSpecification takes exactly one of port, range and allPorts"),
    ]


def test_a_query_for_a_member_the_output_lacks_is_reported(tmp_path):
    root = base_data(tmp_path)
    gotchas = root / "gotchas.yaml"
    gotchas.write_text(gotchas.read_text().replace("--query 'state'", "--query 'status'"))

    problems, _ = run_checks(root)

    assert [problem.format() for problem in problems] == [
        "data/gotchas.yaml:11:68: gotchas[0].fix.code: microvms-suspended-time-counts: --query "
        'status: GetMicrovm returns no member "status" (did you mean "state"?)'
    ]


def test_without_botocore_the_check_says_the_models_were_not_checked(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "wizard.maintain.sdk_models", None)

    problems, summary = run_checks(base_data(tmp_path))

    assert problems == []
    assert summary == "SDK models: not checked (botocore is not installed; run `make setup`)"
