"""Turn rule results into a recommendation.

Each rule's contribution is reduced to small integers: bit masks of the options it rules
out, and the options it favours. A decision then depends only on a short tuple, and is
memoised on it. That, and answering "what if this one answer changed" by swapping that
answer's contributions in and out, keeps the flip search (hundreds of "what ifs" per
result) fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.engine.rules import RuleBook

# Aggregate: (ruled out, ruled out as the agent, ruled out as the sandbox, scores, both score)
Aggregate = tuple[int, int, int, tuple[int, ...], int]
Effect = tuple[tuple[tuple[int, int, int], ...], tuple[tuple[str, ...], ...]]


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
    """Rule results for one set of answers, and "what if" decisions around them."""

    def __init__(self, book: RuleBook, answers: dict[str, Any]):
        constraints = range(len(book.constraints))
        preferences = range(len(book.preferences))
        self._settle(
            book,
            answers,
            [book.mask(index, answers) for index in constraints],
            [book.favours(index, answers) for index in preferences],
        )

    def after(self, question: str, value: Any) -> State:
        """The state with one answer changed (None: unanswered), reusing every other rule."""
        answers = dict(self.answers)
        if value is None:
            answers.pop(question, None)
        else:
            answers[question] = value
        masks = list(self.masks)
        favours = list(self.favours)
        constraint_ids, preference_ids = self.book.depends[question]
        effect = self.effect(question, value)
        for index, mask in zip(constraint_ids, effect[0], strict=True):
            masks[index] = mask
        for index, targets in zip(preference_ids, effect[1], strict=True):
            favours[index] = targets
        child = State.__new__(State)
        child._settle(self.book, answers, masks, favours)
        return child

    def _settle(self, book: RuleBook, answers: dict[str, Any], masks, favours) -> None:
        self.book = book
        self.answers = answers
        self.masks = masks
        self.favours = favours
        self._hits: list[Any] | None = None
        self._rest: dict[str, Aggregate] = {}

        # Each option's score, which "leave these preferences out" subtracts from.
        width = len(book.model.options)
        self._scores = [0] * width
        self._both = 0
        for index, targets in enumerate(favours):
            if targets:
                self._both += _add(self._scores, targets, book.weights[index], book.option_index)

    @property
    def hits(self) -> list[Any]:
        """Every constraint's hits (options ruled out, with the facts): for explanations."""
        if self._hits is None:
            count = len(self.book.constraints)
            self._hits = [self.book.hits(index, self.answers) for index in range(count)]
        return self._hits

    def decide(self) -> Decision:
        return decide(self.book, _aggregate(self.book, self.masks, self.favours, ()))

    def effect(self, question: str, value: Any) -> Effect:
        """What the rules that read `question` give if it has this value."""
        return self.book.effect(question, value, self.answers)

    def decide_with(self, question: str, effect: Effect) -> Decision:
        """Decide with one question's rules giving `effect` and every other rule as it is."""
        rest = self._rest.get(question)
        if rest is None:
            rest = self._rest[question] = self._without(question)
        blocked_any, blocked_agent, blocked_sandbox, scores, both = rest
        for any_mask, agent_mask, sandbox_mask in effect[0]:
            blocked_any |= any_mask
            blocked_agent |= agent_mask
            blocked_sandbox |= sandbox_mask

        book = self.book
        scores = list(scores)
        for index, targets in zip(book.depends[question][1], effect[1], strict=True):
            both += _add(scores, targets, book.weights[index], book.option_index)
        return decide(book, (blocked_any, blocked_agent, blocked_sandbox, tuple(scores), both))

    def _without(self, question: str) -> Aggregate:
        """The aggregate with the rules that read `question` left out."""
        book = self.book
        masks = self.masks
        blocked_any = blocked_agent = blocked_sandbox = 0
        for index in book.independent[question]:
            any_mask, agent_mask, sandbox_mask = masks[index]
            blocked_any |= any_mask
            blocked_agent |= agent_mask
            blocked_sandbox |= sandbox_mask
        scores = list(self._scores)
        both = self._both
        for index in book.depends[question][1]:
            both -= _add(scores, self.favours[index], -book.weights[index], book.option_index)
        return blocked_any, blocked_agent, blocked_sandbox, tuple(scores), both


def _aggregate(book: RuleBook, masks, favours, skip) -> Aggregate:
    """Combine every rule's contribution, leaving out the rules in skip (constraints, prefs)."""
    skipped_constraints, skipped_preferences = skip or ((), ())
    blocked_any = blocked_agent = blocked_sandbox = 0
    for index, (any_mask, agent_mask, sandbox_mask) in enumerate(masks):
        if index not in skipped_constraints:
            blocked_any |= any_mask
            blocked_agent |= agent_mask
            blocked_sandbox |= sandbox_mask
    scores = [0] * len(book.model.options)
    both = 0
    for index, targets in enumerate(favours):
        if targets and index not in skipped_preferences:
            both += _add(scores, targets, book.weights[index], book.option_index)
    return blocked_any, blocked_agent, blocked_sandbox, tuple(scores), both


def _add(scores: list[int], targets, weight: int, option_index) -> int:
    # Weights are whole numbers (the schema says so), so sums are exact in any order and
    # equal aggregates always meet in the memo.
    both = 0
    for target in targets:
        if target == "both":
            both += weight
        else:
            scores[option_index[target]] += weight
    return both


def decide(book: RuleBook, key: Aggregate) -> Decision:
    """The decision for an aggregate of rule results, memoised on the rule book."""
    found = book.decisions.get(key)
    if found is None:
        found = book.decisions[key] = _decide(book, key)
    return found


def _decide(book: RuleBook, key: Aggregate) -> Decision:
    """Pick the recommendation from what the rules ruled out and favoured."""
    model = book.model
    blocked_any, blocked_agent, blocked_sandbox, score, both_score = key
    design = model.rules["both_design"]

    if both_score > 0:
        agent = _best(book, design["agent"], blocked_agent, score)
        sandbox = _best(book, design["sandbox"], blocked_sandbox, score)
        if agent is not None and sandbox is not None:
            chosen = {design["agent"]: agent, design["sandbox"]: sandbox}
            return Decision("both", model.options[agent].compute_type, chosen, None)

    tie_order = model.rules["tie_order"]
    best = {service: _best(book, service, blocked_any, score) for service in tie_order}
    open_services = [service for service in tie_order if best[service] is not None]
    if not open_services:
        return Decision("neither", None, {}, None)

    # Higher score wins; on a tie, the earlier service in tie_order.
    def rank(service: str, points: int) -> tuple[int, int]:
        return points, -tie_order.index(service)

    chosen = max(open_services, key=lambda service: rank(service, score[best[service]]))
    top = {service: max(score[i] for i in book.service_options[service]) for service in tie_order}
    preferred = max(tie_order, key=lambda service: rank(service, top[service]))
    displaced = preferred if preferred != chosen and top[preferred] > 0 else None

    option = model.options[best[chosen]]
    compute_type = option.compute_type if len(book.service_options[chosen]) > 1 else None
    return Decision(chosen, compute_type, {chosen: best[chosen]}, displaced)


def _best(book: RuleBook, service: str, blocked: int, score: tuple[int, ...]) -> int | None:
    """The open option of a service with the highest score; the earlier one on a tie."""
    best = None
    for index in book.service_options[service]:
        if blocked >> index & 1:
            continue
        if best is None or score[index] > score[best]:
            best = index
    return best
