"""Find the smallest change of answers that changes the recommendation.

Single-answer changes are tried first, in question order. Values that give the rules the
same input are tried once. Where no single change opens a way out of `neither`, pairs of
changes are tried among the answers that rule options out.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from wizard.engine.conditions import threshold
from wizard.engine.decide import Decision, State
from wizard.engine.model import Model
from wizard.engine.units import convert

Change = tuple[str, Any]  # (question id, new value; None for "unanswered")


def find_flip(state: State, base: Decision) -> tuple[list[Change], Decision] | None:
    """Return the first smallest change that flips the recommendation, and its decision."""
    model = state.book.model
    kept: list[Change] = []
    to_neither = None

    # When every option is ruled out, only an answer that rules one out can open it again;
    # the others only move preferences between closed options.
    order = model.question_order
    if base.recommendation == "neither":
        binding = _binding_questions(state)
        order = [question for question in order if question in binding]

    for question in order:
        for value, effect in distinct_candidates(question, state):
            decision = state.decide_with(question, effect)
            if decision.recommendation == base.recommendation:
                kept.append((question, value))
            elif decision.recommendation != "neither":
                return [(question, value)], decision
            elif to_neither is None:
                # A change that closes every door is worth telling only when nothing else
                # changes the outcome.
                to_neither = [(question, value)], decision

    if base.recommendation != "neither":
        return to_neither
    return _find_pair(state, base, kept)


def distinct_candidates(question: str, state: State) -> list[tuple[Any, Any]]:
    """Candidate values with the rule effect of each, one value per distinct effect.

    The list depends only on the answers the question's rules read, so it is memoised.
    """
    book = state.book
    answers = state.answers
    context = tuple(answers.get(other) for other in book.context[question])
    key = (question, answers.get(question), context)
    found = book.candidate_lists.get(key)
    if found is None:
        seen = {state.effect(question, answers.get(question))}
        found = []
        for value in candidates(question, answers, book):
            effect = state.effect(question, value)
            if effect not in seen:
                seen.add(effect)
                found.append((value, effect))
        book.candidate_lists[key] = found
    return found


def _binding_questions(state: State) -> set[str]:
    """The questions whose answers currently rule some option out."""
    binding = set()
    for index, mask in enumerate(state.masks):
        if mask[0]:
            constraint = state.book.constraints[index]
            binding.update(filter(None, (constraint["question"], constraint.get("per_item_of"))))
    return binding


def _find_pair(state: State, base: Decision, singles: list[Change]):
    # Singles only hold changes to binding questions here (see find_flip).
    relevant = singles

    for position, first in enumerate(relevant):
        inner = state.after(*first)
        for second in relevant[position + 1 :]:
            if second[0] == first[0]:
                continue
            decision = inner.decide_with(second[0], inner.effect(*second))
            if decision.recommendation != base.recommendation:
                return [first, second], decision
    return None


def candidates(question: str, answers: dict[str, Any], book) -> Iterator[Any]:
    """The values worth trying for one question, nearest to the current answer first."""
    model = book.model
    spec = model.questions[question]
    current = answers.get(question)
    kind = spec["kind"]

    if kind == "one":
        yield from (o["value"] for o in spec["options"] if o["value"] != current)
    elif kind == "yes_no":
        yield from (value for value in (True, False) if value != current)
    elif kind in ("many", "regions"):
        allowed = [o["value"] for o in spec["options"]] if kind == "many" else model.region_codes
        chosen = current or ()
        for item in chosen:
            yield tuple(other for other in chosen if other != item) or None
        for item in allowed:
            if item not in chosen:
                yield tuple(other for other in allowed if other in chosen or other == item)
        return
    else:
        numbers = book.number_candidates.get(question)
        if numbers is None:
            numbers = book.number_candidates[question] = _number_candidates(question, book)
        yield from (value for value in numbers if value != current)

    if current is not None:
        yield None


def _number_candidates(question: str, book) -> list[float]:
    # Values either side of every limit and threshold the rules compare this answer with.
    model: Model = book.model
    spec = model.questions[question]
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
