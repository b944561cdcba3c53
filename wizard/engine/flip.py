"""Find the smallest change of answers that changes the recommendation.

Single-answer changes are tried first, in question order; where none flips a `neither`,
pairs of changes are tried among the answers that rule options out.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from wizard.engine.conditions import threshold
from wizard.engine.decide import Decision, State
from wizard.engine.model import Model
from wizard.engine.units import convert

Change = tuple[str, Any]  # (question id, new value or None for "unanswered")


def find_flip(state: State, base: Decision) -> tuple[list[Change], Decision] | None:
    """Return the first smallest change that flips the recommendation, and its decision."""
    model = state.book.model
    singles: list[Change] = []
    to_neither = None
    for question in model.question_order:
        for value in candidates(question, state.answers, state.book):
            decision = state.with_answer(question, value)
            if decision.recommendation == base.recommendation:
                singles.append((question, value))
            elif decision.recommendation != "neither":
                return [(question, value)], decision
            elif to_neither is None:
                # A change that closes every door is worth telling only when nothing else
                # changes the outcome.
                to_neither = [(question, value)], decision

    if base.recommendation != "neither":
        return to_neither
    return _find_pair(state, base, singles)


def _find_pair(state: State, base: Decision, singles: list[Change]):
    # Only answers that currently rule something out can open a way when all are closed.
    binding = {
        state.book.constraints[index]["question"] for index, hits in enumerate(state.hits) if hits
    }
    relevant = [change for change in singles if change[0] in binding]
    for position, first in enumerate(relevant):
        inner = State(state.book, _apply(state.answers, [first]))
        for second in relevant[position + 1 :]:
            if second[0] == first[0]:
                continue
            decision = inner.with_answer(*second)
            if decision.recommendation != base.recommendation:
                return [first, second], decision
    return None


def _apply(answers: dict[str, Any], changes: list[Change]) -> dict[str, Any]:
    changed = dict(answers)
    for question, value in changes:
        if value is None:
            changed.pop(question, None)
        else:
            changed[question] = value
    return changed


def candidates(question: str, answers: dict[str, Any], book) -> Iterator[Any]:
    """The values worth trying for one question: each gives the rules a different input."""
    model = book.model
    spec = model.questions[question]
    current = answers.get(question)
    kind = spec["kind"]

    if kind in ("one", "yes_no"):
        values = [o["value"] for o in spec["options"]] if kind == "one" else [True, False]
        yield from (value for value in values if value != current)
    elif kind in ("many", "regions"):
        allowed = [o["value"] for o in spec["options"]] if kind == "many" else model.region_codes
        chosen = current or ()
        for item in chosen:
            yield tuple(other for other in chosen if other != item) or None
        for item in allowed:
            if item not in chosen:
                yield tuple(other for other in allowed if other in chosen or other == item)
    else:
        for value in _number_candidates(question, spec, book, model):
            if value != current:
                yield value

    if current is not None and kind != "many" and kind != "regions":
        yield None


def _number_candidates(question: str, spec: dict[str, Any], book, model: Model) -> list[float]:
    # Values either side of every limit and threshold the rules compare this answer with.
    edges: set[float] = set()
    for constraint in book.constraints:
        if constraint["question"] != question:
            continue
        for option in model.options:
            fact = model.fact_for(option, constraint["dimension"])
            if fact is None or "number" not in fact["value"]:
                continue
            limit = convert(fact["value"]["number"], fact["value"]["unit"], spec["unit"])
            edges.update((limit, math.floor(limit) + 1.0))
    for preference in book.preferences:
        condition = preference["when"]
        if condition.get("answer") == question and "at_least" in condition:
            limit = threshold(condition, model)
            edges.update((limit, limit - 1.0 if limit >= 1 else limit / 2))
    return sorted(value for value in edges if _in_range(value, spec))


def _in_range(value: float, spec: dict[str, Any]) -> bool:
    if "minimum" in spec and value < spec["minimum"]:
        return False
    if "maximum" in spec and value > spec["maximum"]:
        return False
    return not ("exclusive_minimum" in spec and value <= spec["exclusive_minimum"])
