"""Evaluate the small condition language used by rules, gotchas and architectures."""

from __future__ import annotations

from typing import Any

from wizard.engine.model import Model
from wizard.engine.units import convert

# The services each recommendation puts to work.
SERVICES_USED = {
    "agentcore-runtime": ("agentcore-runtime",),
    "lambda-microvms": ("lambda-microvms",),
    "both": ("agentcore-runtime", "lambda-microvms"),
    "neither": (),
}


def holds(
    condition: dict[str, Any],
    answers: dict[str, Any],
    model: Model,
    recommendation: str | None = None,
) -> bool:
    """Tell whether a condition holds for canonical answers (and a recommendation)."""
    if "all" in condition:
        return all(holds(part, answers, model, recommendation) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, answers, model, recommendation) for part in condition["any"])
    if "uses" in condition:
        return condition["uses"] in SERVICES_USED.get(recommendation or "neither", ())
    if "recommendation" in condition:
        return condition["recommendation"] == recommendation
    return _answer_test(condition, answers, model)


def answers_read(condition: dict[str, Any]) -> set[str]:
    """List the question ids a condition reads, so callers know what it depends on."""
    if "all" in condition or "any" in condition:
        parts = condition.get("all") or condition.get("any")
        return set().union(*(answers_read(part) for part in parts))
    if "answer" in condition:
        return {condition["answer"]}
    return set()


def _answer_test(condition: dict[str, Any], answers: dict[str, Any], model: Model) -> bool:
    value = answers.get(condition["answer"])
    if value is None:
        # An unanswered question satisfies no test: conditions ask for positive evidence.
        return False
    if "is" in condition:
        return value == condition["is"]
    if "includes" in condition:
        return condition["includes"] in value
    if "includes_any" in condition:
        return any(item in value for item in condition["includes_any"])
    if "non_empty" in condition:
        return len(value) > 0
    if "at_least" in condition:
        return value >= threshold(condition, model)
    raise ValueError(f"condition has no test: {condition}")


def threshold(condition: dict[str, Any], model: Model) -> float:
    """The number an at_least test compares with, in the answer's own unit."""
    limit = condition["at_least"]
    if not isinstance(limit, dict):
        return float(limit)
    fact = model.facts[limit["fact"]]["value"]
    unit = model.questions[condition["answer"]].get("unit", fact["unit"])
    return convert(fact["number"], fact["unit"], unit) * limit["fraction"]
