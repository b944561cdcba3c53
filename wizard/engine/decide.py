"""Turn rule results into a recommendation.

The state keeps, per rule, what it contributed, so the flip search can swap one answer's
contribution in and out without evaluating every rule again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.engine.rules import Hit, RuleBook

# Which sides of a constraint bind each part of the two-service design.
_AGENT_SIDES = ("both", "agent")
_SANDBOX_SIDES = ("both", "sandbox")


@dataclass(frozen=True)
class Decision:
    """A recommendation and the options behind it."""

    recommendation: str
    compute_type: str | None
    # Option index per service put to work, e.g. {"agentcore-runtime": 1}.
    chosen: dict[str, int]
    # The service the answers preferred when it was ruled out and another took its place.
    displaced: str | None


class State:
    """Rule results for one set of answers."""

    def __init__(self, book: RuleBook, answers: dict[str, Any]):
        self.book = book
        self.answers = answers
        self.hits = [book.hits(index, answers) for index in range(len(book.constraints))]
        self.favours = [book.favours(index, answers) for index in range(len(book.preferences))]

    def decide(self) -> Decision:
        return decide(self.book, self.hits, self.favours)

    def with_answer(self, question: str, value: Any) -> Decision:
        """Decide as if one answer were different (None: unanswered)."""
        answers = dict(self.answers)
        if value is None:
            answers.pop(question, None)
        else:
            answers[question] = value
        hits = list(self.hits)
        favours = list(self.favours)
        constraint_ids, preference_ids = self.book.depends[question]
        for index in constraint_ids:
            hits[index] = self.book.hits(index, answers)
        for index in preference_ids:
            favours[index] = self.book.favours(index, answers)
        return decide(self.book, hits, favours)


def decide(
    book: RuleBook, hits: list[tuple[Hit, ...]], favours: list[tuple[str, ...]]
) -> Decision:
    """Pick the recommendation from what the rules ruled out and favoured."""
    model = book.model
    count = len(model.options)
    blocked_any = [False] * count
    blocked_agent = [False] * count
    blocked_sandbox = [False] * count
    for rule_hits in hits:
        for hit in rule_hits:
            blocked_any[hit.option] = True
            if hit.side in _AGENT_SIDES:
                blocked_agent[hit.option] = True
            if hit.side in _SANDBOX_SIDES:
                blocked_sandbox[hit.option] = True

    score = [0.0] * count
    both_score = 0.0
    for preference, targets in zip(book.preferences, favours, strict=True):
        for target in targets:
            if target == "both":
                both_score += preference["weight"]
            else:
                score[book.option_index[target]] += preference["weight"]

    design = model.rules["both_design"]
    if both_score > 0:
        agent = _best(model, design["agent"], blocked_agent, score)
        sandbox = _best(model, design["sandbox"], blocked_sandbox, score)
        if agent is not None and sandbox is not None:
            return Decision(
                "both",
                model.options[agent].compute_type,
                {design["agent"]: agent, design["sandbox"]: sandbox},
                None,
            )

    tie_order = model.rules["tie_order"]
    best = {service: _best(model, service, blocked_any, score) for service in tie_order}
    open_services = [service for service in tie_order if best[service] is not None]
    if not open_services:
        return Decision("neither", None, {}, None)

    # Higher score wins; on a tie, the earlier service in tie_order.
    chosen = max(
        open_services, key=lambda service: (score[best[service]], -tie_order.index(service))
    )
    preferred = max(
        tie_order,
        key=lambda service: (_top_score(model, service, score), -tie_order.index(service)),
    )
    displaced = (
        preferred if preferred != chosen and _top_score(model, preferred, score) > 0 else None
    )
    option = model.options[best[chosen]]
    compute_type = option.compute_type if len(model.options_of(chosen)) > 1 else None
    return Decision(chosen, compute_type, {chosen: best[chosen]}, displaced)


def _best(model, service: str, blocked: list[bool], score: list[float]) -> int | None:
    """The open option of a service with the highest score; the earlier one on a tie."""
    best = None
    for index, option in enumerate(model.options):
        if option.service != service or blocked[index]:
            continue
        if best is None or score[index] > score[best]:
            best = index
    return best


def _top_score(model, service: str, score: list[float]) -> float:
    return max(
        score[index] for index, option in enumerate(model.options) if option.service == service
    )
