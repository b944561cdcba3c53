"""One test per rule in data/rules.yaml, through the public evaluate()."""

import pytest

from tests.engine.conftest import fact
from wizard.engine import evaluate


def rules_hit(result, service):
    return sorted({entry["rule"] for entry in result["ruled_out"].get(service, [])})


def reason_ids(result):
    return [reason["id"] for reason in result["reasons"]]


# --- constraints ---


def test_region_not_served_rules_microvms_out_and_leaves_agentcore(bundle):
    result = evaluate({"code_author": "users", "regions": ["ap-south-1"]}, bundle)

    assert result["recommendation"] == "agentcore-runtime"
    assert result["ruled_out"]["lambda-microvms"] == [
        {
            "rule": "region-not-served",
            "compute_type": None,
            "question": "regions",
            "text": "Lambda MicroVMs is not offered in ap-south-1.",
            "facts": ["mv-regions"],
            "sources": ["microvms-agentd", "yan-cui-microvms", "infoq-microvms"],
        }
    ]
    assert reason_ids(result) == ["fallback"]


def test_feature_region_rules_agentcore_out_when_memory_is_missing(bundle):
    result = evaluate(
        {"code_author": "agent", "agentcore_services": ["memory"], "regions": ["ap-south-2"]},
        bundle,
    )

    texts = [entry["text"] for entry in result["ruled_out"]["agentcore-runtime"]]
    assert "AgentCore Memory is not offered in ap-south-2." in texts
    assert result["recommendation"] == "neither"


def test_session_too_long_moves_agentcore_to_instances(bundle):
    result = evaluate({"code_author": "agent", "session_hours": 12}, bundle)

    assert (result["recommendation"], result["compute_type"]) == ("agentcore-runtime", "instances")
    assert rules_hit(result, "lambda-microvms") == ["session-too-long"]
    assert result["ruled_out"]["agentcore-runtime"][0]["text"] == (
        "AgentCore Runtime (microVM sessions) ends a session after 8 hours; you need 12 hours."
    )
    assert "compute-type" in reason_ids(result)


def test_session_beyond_fourteen_days_rules_every_option_out(bundle):
    result = evaluate({"code_author": "agent", "session_hours": 24 * 14 + 1}, bundle)

    assert result["recommendation"] == "neither"
    assert rules_hit(result, "agentcore-runtime") == ["session-too-long"]


def test_x86_rules_out_agentcore_microvm_sessions_only(bundle):
    result = evaluate({"code_author": "agent", "architecture": "x86_64"}, bundle)

    assert (result["recommendation"], result["compute_type"]) == ("agentcore-runtime", "instances")
    assert "lambda-microvms" not in result["ruled_out"]


def test_any_architecture_is_not_tested(bundle):
    result = evaluate({"architecture": "any"}, bundle)

    assert result["ruled_out"] == {}


@pytest.mark.parametrize(
    ("answers", "rule", "ruled"),
    [
        ({"vcpus": 17}, "too-many-vcpus", ["agentcore-runtime", "lambda-microvms"]),
        ({"memory_gib": 33}, "too-much-memory", ["agentcore-runtime", "lambda-microvms"]),
        ({"disk_gib": 40}, "too-much-disk", ["lambda-microvms"]),
    ],
)
def test_size_limits_rule_options_out(bundle, answers, rule, ruled):
    result = evaluate(answers, bundle)

    assert sorted(result["ruled_out"]) == ruled
    assert {entry["rule"] for entries in result["ruled_out"].values() for entry in entries} == {
        rule
    }


def test_text_limits_never_rule_out(bundle):
    # AgentCore Instances states its size as "any EC2 instance type": no fixed limit.
    result = evaluate({"code_author": "agent", "vcpus": 64}, bundle)

    assert (result["recommendation"], result["compute_type"]) == ("agentcore-runtime", "instances")


def test_gpu_leaves_only_agentcore_instances(bundle):
    result = evaluate({"code_author": "users", "gpu": True}, bundle)

    assert (result["recommendation"], result["compute_type"]) == ("agentcore-runtime", "instances")
    assert rules_hit(result, "lambda-microvms") == ["gpu-missing"]


def test_os_features_rule_out_agentcore_but_not_the_both_design(bundle):
    result = evaluate({"code_author": "both", "os_features": ["docker", "ebpf"]}, bundle)

    assert result["recommendation"] == "both"
    assert rules_hit(result, "agentcore-runtime") == ["os-feature-missing"]
    assert result["architecture"] == "coding-agent-with-sandbox"


def test_nested_virtualization_needs_agentcore_instances(bundle):
    result = evaluate({"os_features": ["nested_virtualization"]}, bundle)

    assert (result["recommendation"], result["compute_type"]) == ("agentcore-runtime", "instances")


# --- preferences ---


@pytest.mark.parametrize(
    ("answers", "recommendation", "reason"),
    [
        ({"code_author": "agent"}, "agentcore-runtime", "agent-logic-only"),
        ({"code_author": "users"}, "lambda-microvms", "untrusted-code"),
        ({"code_author": "both"}, "both", "agent-and-untrusted-code"),
        ({"workload": "other"}, "lambda-microvms", "not-an-agent"),
        ({"workload": "agent"}, "agentcore-runtime", "an-agent"),
        ({"fleet": "aws"}, "agentcore-runtime", "aws-runs-the-fleet"),
        ({"fleet": "self"}, "lambda-microvms", "own-fleet"),
        ({"suspend_resume": True}, "lambda-microvms", "suspend-and-resume"),
        ({"inbound_auth": "builtin"}, "agentcore-runtime", "builtin-inbound-auth"),
        ({"protocols": ["mcp", "grpc"]}, "agentcore-runtime", "agent-protocols"),
        ({"protocols": ["grpc"]}, "lambda-microvms", "grpc-transport"),
        ({"agentcore_services": ["memory"]}, "agentcore-runtime", "agentcore-services"),
        ({"io_wait_percent": 30}, "agentcore-runtime", "heavy-io-wait"),
        ({"os_features": ["pty"]}, "lambda-microvms", "full-os-access"),
    ],
)
def test_each_preference_decides_alone(bundle, answers, recommendation, reason):
    result = evaluate(answers, bundle)

    assert result["recommendation"] == recommendation
    assert reason in reason_ids(result)


def test_light_io_wait_is_not_a_reason(bundle):
    result = evaluate({"io_wait_percent": 29}, bundle)

    assert reason_ids(result) == ["tie"]


def test_code_author_outweighs_the_other_preferences(bundle):
    answers = {"code_author": "users", "fleet": "aws", "inbound_auth": "builtin"}

    assert evaluate(answers, bundle)["recommendation"] == "lambda-microvms"


def test_preference_reasons_cite_the_facts_of_their_dimension(bundle):
    result = evaluate({"fleet": "aws"}, bundle)

    reason = result["reasons"][0]
    assert reason["facts"] == ["ac-managed-fleet", "mv-managed-fleet"]
    assert reason["sources"] == [
        "doc-agentcore-sessions",
        "doc-agentcore-instances",
        "doc-microvms-launching",
    ]


# --- facts decide, not code ---


# The engine treats a bundle as read-only once evaluated (it indexes it once), so each of
# these tests evaluates the original, then changes a fresh copy.


def test_a_new_microvms_region_changes_the_outcome(bundle, edited):
    answers = {"code_author": "users", "regions": ["ap-south-1"]}
    assert evaluate(answers, bundle)["recommendation"] == "agentcore-runtime"

    fact(edited, "mv-regions")["value"]["regions"].append("ap-south-1")

    assert evaluate(answers, edited)["recommendation"] == "lambda-microvms"


def test_a_longer_microvms_lifetime_changes_the_outcome(bundle, edited):
    answers = {"code_author": "users", "session_hours": 12}
    assert evaluate(answers, bundle)["recommendation"] == "agentcore-runtime"

    fact(edited, "mv-max-session")["value"]["number"] = 86400

    assert evaluate(answers, edited)["recommendation"] == "lambda-microvms"


def test_a_rule_weight_in_data_changes_the_outcome(bundle, edited):
    answers = {"code_author": "users", "fleet": "aws"}
    assert evaluate(answers, bundle)["recommendation"] == "lambda-microvms"

    weights = {rule["id"]: rule for rule in edited["rules"]["preferences"]}
    weights["aws-runs-the-fleet"]["weight"] = 20

    assert evaluate(answers, edited)["recommendation"] == "agentcore-runtime"


# --- warnings, architecture, assumptions ---


@pytest.mark.parametrize(
    ("answers", "gotcha"),
    [
        ({"code_author": "users", "os_features": ["docker"]}, "microvms-nested-container-dns"),
        ({"code_author": "users", "outbound_udp": True}, "microvms-nested-container-dns"),
        ({"code_author": "users", "image_gib": 5.4}, "microvms-image-build-disk"),
        ({"code_author": "users", "env_changes": True}, "microvms-env-vars-need-rebuild"),
        ({"cold_start": "sub_second"}, "cold-start-not-sub-second"),
        ({"code_author": "users", "launch_rate_per_second": 4}, "microvms-launch-quota"),
        ({"code_author": "users"}, "microvms-idle-policy-needs-all-fields"),
        ({"code_author": "users", "suspend_resume": True}, "microvms-suspended-time-counts"),
        ({"code_author": "users", "architecture": "x86_64"}, "microvms-x86-availability"),
        ({"code_author": "agent", "io_wait_percent": 50}, "agentcore-io-wait-background-work"),
        (
            {"code_author": "users", "regions": ["ap-south-1"]},
            "agentcore-untrusted-code-reads-role-credentials",
        ),
    ],
)
def test_gotchas_warn_when_their_condition_holds(bundle, answers, gotcha):
    assert gotcha in [warning["id"] for warning in evaluate(answers, bundle)["warnings"]]


@pytest.mark.parametrize(
    ("answers", "gotcha"),
    [
        ({"code_author": "agent", "os_features": []}, "microvms-nested-container-dns"),
        ({"code_author": "users", "image_gib": 5.3}, "microvms-image-build-disk"),
        ({"code_author": "users", "launch_rate_per_second": 3.9}, "microvms-launch-quota"),
        ({"code_author": "agent", "env_changes": True}, "microvms-env-vars-need-rebuild"),
        ({"code_author": "agent"}, "agentcore-untrusted-code-reads-role-credentials"),
        ({"code_author": "both"}, "agentcore-untrusted-code-reads-role-credentials"),
    ],
)
def test_gotchas_stay_quiet_otherwise(bundle, answers, gotcha):
    assert gotcha not in [warning["id"] for warning in evaluate(answers, bundle)["warnings"]]


def test_image_threshold_comes_from_the_build_disk_fact(edited):
    answers = {"code_author": "users", "image_gib": 5.4}
    fact(edited, "mv-build-disk")["value"]["number"] = 20

    assert "microvms-image-build-disk" not in [
        w["id"] for w in evaluate(answers, edited)["warnings"]
    ]


@pytest.mark.parametrize(
    ("answers", "architecture"),
    [
        ({"code_author": "both"}, "coding-agent-with-sandbox"),
        ({"code_author": "users", "workload": "agent"}, "claude-managed-agents-sandbox"),
        ({"code_author": "users", "workload": "other"}, "per-tenant-vm-platform"),
        ({"code_author": "agent"}, "managed-agent"),
        ({"session_hours": 400}, None),
    ],
)
def test_architecture_follows_the_recommendation(bundle, answers, architecture):
    assert evaluate(answers, bundle)["architecture"] == architecture


def test_unanswered_questions_are_listed_as_assumptions(bundle):
    result = evaluate({"code_author": "agent"}, bundle)

    questions = [assumption["question"] for assumption in result["assumptions"]]
    assert "code_author" not in questions
    assert questions[0] == "workload"
    assert len(questions) == len(bundle["questions"]) - 1


def test_result_carries_the_data_version(bundle):
    assert evaluate({}, bundle)["data_version"] == bundle["meta"]["data_version"]
