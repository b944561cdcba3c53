"""Answers are checked against the questions; every problem is reported at once."""

import pytest

from wizard.engine import InvalidAnswers, evaluate


def problems_of(answers, bundle):
    with pytest.raises(InvalidAnswers) as caught:
        evaluate(answers, bundle)
    return caught.value.problems


def test_every_problem_is_reported_at_once(bundle):
    problems = problems_of(
        {"code_author": "robots", "vcpus": 0, "colour": "blue", "gpu": "yes"}, bundle
    )

    assert [problem["answer"] for problem in problems] == ["code_author", "vcpus", "colour", "gpu"]
    assert problems[0] == {
        "answer": "code_author",
        "value": "robots",
        "message": "code_author: 'robots' is not one of the allowed values",
        "allowed": "agent, users, both",
    }
    assert problems[1]["message"] == "vcpus: 0 is out of range"
    assert problems[1]["allowed"] == "a number more than 0 (vcpu)"
    assert problems[2]["message"] == "colour: 'blue' is not a question"
    assert problems[3]["message"] == "gpu: 'yes' must be true or false"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            {"regions": ["us-east-1", "mars-1"]},
            "regions: ['us-east-1', 'mars-1'] contains unknown Region codes: 'mars-1'",
        ),
        ({"regions": "us-east-1"}, "regions: 'us-east-1' must be a list of Region codes"),
        ({"os_features": ["docker", 7]}, "os_features: ['docker', 7] contains unknown values: 7"),
        ({"io_wait_percent": 101}, "io_wait_percent: 101 is out of range"),
        ({"session_hours": float("nan")}, "session_hours: nan must be a number"),
        ({"session_hours": True}, "session_hours: True must be a number"),
        ({"architecture": ["arm64"]}, "architecture: ['arm64'] is not one of the allowed values"),
    ],
)
def test_each_kind_of_bad_value_is_named(bundle, answers, message):
    assert [problem["message"] for problem in problems_of(answers, bundle)] == [message]


def test_answers_that_are_not_a_mapping_are_refused(bundle):
    problems = problems_of(["code_author"], bundle)

    assert problems[0]["message"].endswith("answers must be an object of question id to value")


def test_null_means_unanswered(bundle):
    result = evaluate({"code_author": None, "gpu": None}, bundle)

    assert "code_author" not in result["answers"]
    assert {"question": "gpu", "text": "No GPU."} in result["assumptions"]


def test_lists_are_put_in_the_questions_order_without_repeats(bundle):
    result = evaluate({"os_features": ["mount", "docker", "mount"]}, bundle)

    assert result["answers"]["os_features"] == ["docker", "mount"]
