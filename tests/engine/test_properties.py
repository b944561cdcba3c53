"""Properties over the whole answer space: every answer set gives a sound result."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from tests.engine.strategies import answer_sets
from wizard.dataset import load_bundle
from wizard.engine import evaluate

BUNDLE = load_bundle()
RECOMMENDATIONS = {outcome["id"] for outcome in BUNDLE["outcomes"]}
FACTS = {fact["id"] for fact in BUNDLE["facts"]}
SOURCES = {source["id"] for source in BUNDLE["sources"]}
GOTCHAS = {gotcha["id"] for gotcha in BUNDLE["gotchas"]}
ARCHITECTURES = {architecture["id"] for architecture in BUNDLE["architectures"]}
QUESTIONS = {question["id"] for question in BUNDLE["questions"]}
EXAMPLES = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EXAMPLES
@given(answer_sets(BUNDLE))
def test_every_answer_set_gives_a_valid_result(answers):
    result = evaluate(answers, BUNDLE)

    assert result["recommendation"] in RECOMMENDATIONS
    uses_agentcore = result["recommendation"] in ("agentcore-runtime", "both")
    assert (result["compute_type"] in ("microvm", "instances")) == uses_agentcore
    assert result["reasons"], "every result explains itself"
    assert json.loads(json.dumps(result)) == result


@EXAMPLES
@given(answer_sets(BUNDLE))
def test_every_cited_id_exists(answers):
    result = evaluate(answers, BUNDLE)

    cited = [*result["reasons"], *(e for es in result["ruled_out"].values() for e in es)]
    assert {fact for entry in cited for fact in entry["facts"]} <= FACTS
    assert {source for entry in cited for source in entry["sources"]} <= SOURCES
    assert {warning["id"] for warning in result["warnings"]} <= GOTCHAS
    assert result["architecture"] is None or result["architecture"] in ARCHITECTURES
    assert {a["question"] for a in result["assumptions"]} == QUESTIONS - set(answers)


@EXAMPLES
@given(answer_sets(BUNDLE))
def test_the_same_answers_give_the_same_result(answers):
    first = json.dumps(evaluate(answers, BUNDLE), sort_keys=True)
    second = json.dumps(evaluate(dict(reversed(list(answers.items()))), BUNDLE), sort_keys=True)

    assert first == second


@EXAMPLES
@given(answer_sets(BUNDLE))
def test_applying_the_flip_really_flips(answers):
    result = evaluate(answers, BUNDLE)
    flip = result["flip"]
    if flip is None:
        return

    changed = dict(result["answers"])
    for change in flip["changes"]:
        assert changed.get(change["answer"]) == change["from"]
        if change["to"] is None:
            changed.pop(change["answer"], None)
        else:
            changed[change["answer"]] = change["to"]
    flipped = evaluate(changed, BUNDLE)

    assert flipped["recommendation"] == flip["recommendation"] != result["recommendation"]
    assert flipped["compute_type"] == flip["compute_type"]


def test_a_flip_exists_for_the_common_cases():
    # The search must find something for plain answers, not return None everywhere.
    for author in ("agent", "users", "both"):
        assert evaluate({"code_author": author}, BUNDLE)["flip"] is not None
