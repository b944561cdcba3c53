"""Random valid answer sets drawn from data/questions.yaml: for the Pyodide parity test and
the engine benchmark, so both exercise the same spread of answers."""

from __future__ import annotations

import random
from typing import Any


def random_answers(bundle: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One valid answer set: each question answered or not, values across their whole range."""
    regions = [region["code"] for region in bundle["regions"]]
    answers: dict[str, Any] = {}
    for question in bundle["questions"]:
        if rng.random() < 0.45:
            continue
        values = [option["value"] for option in question.get("options", [])]
        kind = question["kind"]
        if kind == "one":
            answers[question["id"]] = rng.choice(values)
        elif kind == "many":
            answers[question["id"]] = rng.sample(values, rng.randint(0, len(values)))
        elif kind == "regions":
            answers[question["id"]] = rng.sample(regions, rng.randint(1, 4))
        elif kind == "yes_no":
            answers[question["id"]] = rng.random() < 0.5
        else:
            answers[question["id"]] = _number(question, rng)
    return answers


def _number(question: dict[str, Any], rng: random.Random) -> float | int:
    low = question.get("minimum", 0)
    high = question.get("maximum", rng.choice([4, 16, 48, 400, 20_000]))
    choice = rng.random()
    if choice < 0.2:
        return rng.randint(max(1, int(low)), max(1, int(high)))
    if choice < 0.3:
        return high
    # Rounded, but never down to 0 where a question wants more than 0.
    return max(round(rng.uniform(max(low, 0.01), high), rng.choice([0, 1, 2, 3])), 0.01)
