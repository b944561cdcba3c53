"""Apply the rules in data/rules.yaml to answers: which options a limit rules out, and which
options a preference favours. Results are memoised per rule and per answer value, because
the flip search asks the same questions many times."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.engine.conditions import answers_read, holds
from wizard.engine.model import Model
from wizard.engine.units import convert


@dataclass(frozen=True)
class Hit:
    """One option failing one constraint: which fact it failed and with what detail."""

    rule: str
    option: int
    side: str
    fact: str
    item: str | None
    missing: tuple[str, ...]


class RuleBook:
    """The constraints and preferences of one model, with the questions each depends on."""

    def __init__(self, model: Model):
        self.model = model
        self.constraints = model.rules["constraints"]
        self.preferences = model.rules["preferences"]
        self.option_index = {option.key: index for index, option in enumerate(model.options)}
        self.service_options = {
            service: [i for i, option in enumerate(model.options) if option.service == service]
            for service in {option.service for option in model.options}
        }
        self.weights = [preference["weight"] for preference in self.preferences]
        self.constraint_index = {c["id"]: index for index, c in enumerate(self.constraints)}
        self.reads = [preference_reads(preference) for preference in self.preferences]
        self.depends: dict[str, tuple[list[int], list[int]]] = {
            question: ([], []) for question in model.question_order
        }
        for index, constraint in enumerate(self.constraints):
            for question in (constraint["question"], constraint.get("per_item_of")):
                if question:
                    self.depends[question][0].append(index)
        for index, read in enumerate(self.reads):
            for question in read:
                self.depends[question][1].append(index)
        self._hits: dict[tuple[Any, ...], tuple[Hit, ...]] = {}
        self._masks: dict[tuple[Any, ...], tuple[int, int, int]] = {}
        self._favours: dict[tuple[Any, ...], tuple[str, ...]] = {}
        # Decisions memoised by decide.py, keyed by the aggregate of rule results.
        self.decisions: dict[tuple[Any, ...], Any] = {}
        # Number answers worth trying in the flip search, per question (flip.py).
        self.number_candidates: dict[str, list[float]] = {}
        # Sentences and condition outcomes already worked out (result.py).
        self.texts: dict[tuple[Any, ...], Any] = {}
        self.condition_reads: dict[str, tuple[str, ...]] = {}
        # Distinct "what if" values per question and context (flip.py).
        self.candidate_lists: dict[tuple[Any, ...], list[Any]] = {}

        # Per question, the constraints that do not read it: what a "what if" leaves alone.
        self.independent = {
            question: [i for i in range(len(self.constraints)) if i not in constraint_ids]
            for question, (constraint_ids, _) in self.depends.items()
        }
        # Other answers each question's rules read (a per-item list, a covered answer).
        self.context: dict[str, tuple[str, ...]] = {}
        for question, (constraint_ids, preference_ids) in self.depends.items():
            read = set()
            for index in constraint_ids:
                constraint = self.constraints[index]
                read.update(filter(None, (constraint["question"], constraint.get("per_item_of"))))
            for index in preference_ids:
                read.update(self.reads[index])
            read.discard(question)
            self.context[question] = tuple(sorted(read))
        self._effects: dict[tuple[Any, ...], Any] = {}

    def effect(self, question: str, value: Any, answers: dict[str, Any]):
        """What the rules reading `question` give if it has `value` (others as answered)."""
        context = tuple(answers.get(other) for other in self.context[question])
        key = (question, value, context)
        found = self._effects.get(key)
        if found is None:
            changed = dict(answers)
            if value is None:
                changed.pop(question, None)
            else:
                changed[question] = value
            constraint_ids, preference_ids = self.depends[question]
            found = self._effects[key] = (
                tuple(self.mask(index, changed) for index in constraint_ids),
                tuple(self.favours(index, changed) for index in preference_ids),
            )
        return found

    # --- constraints ---

    def hits(self, index: int, answers: dict[str, Any]) -> tuple[Hit, ...]:
        """Options that constraint `index` rules out for these answers."""
        constraint = self.constraints[index]
        value = answers.get(constraint["question"])
        items_key = constraint.get("per_item_of")
        items = answers.get(items_key) if items_key else None
        key = (index, value, items)
        found = self._hits.get(key)
        if found is None:
            found = self._hits[key] = tuple(self._compute_hits(constraint, value, items))
        return found

    def _compute_hits(self, constraint: dict[str, Any], value: Any, items: Any):
        if value is None or value in constraint.get("ignore", ()):
            return
        if constraint.get("per_item_of") and not items:
            return
        for index, option in enumerate(self.model.options):
            for item in items or (None,):
                fact = self.model.fact_for(option, constraint["dimension"], item)
                missing = _failure(constraint, value, fact, self.model)
                if missing is not None:
                    yield Hit(
                        constraint["id"], index, constraint["side"], fact["id"], item, missing
                    )

    def mask(self, index: int, answers: dict[str, Any]) -> tuple[int, int, int]:
        """Bit masks of the options constraint `index` rules out: any, agent side, sandbox."""
        constraint = self.constraints[index]
        items_key = constraint.get("per_item_of")
        key = (
            index,
            answers.get(constraint["question"]),
            answers.get(items_key) if items_key else None,
        )
        found = self._masks.get(key)
        if found is None:
            any_mask = agent_mask = sandbox_mask = 0
            for hit in self.hits(index, answers):
                bit = 1 << hit.option
                any_mask |= bit
                if hit.side in ("both", "agent"):
                    agent_mask |= bit
                if hit.side in ("both", "sandbox"):
                    sandbox_mask |= bit
            found = self._masks[key] = (any_mask, agent_mask, sandbox_mask)
        return found

    # --- preferences ---

    def favours(self, index: int, answers: dict[str, Any]) -> tuple[str, ...]:
        """Option keys (or "both") that preference `index` adds its weight to."""
        preference = self.preferences[index]
        key = (index, *(answers.get(question) for question in self.reads[index]))
        found = self._favours.get(key)
        if found is None:
            found = self._favours[key] = self._compute_favours(preference, answers)
        return found

    def _compute_favours(self, preference: dict[str, Any], answers: dict[str, Any]):
        if not holds(preference["when"], answers, self.model):
            return ()
        target = preference.get("favours")
        if target == "both":
            return ("both",)
        if target:
            return tuple(option.key for option in self.model.options_of(target))
        where = preference["favours_where"]
        return tuple(
            option.key
            for option in self.model.options
            if _meets(self.model.fact_for(option, where["dimension"]), where, answers)
        )


def preference_reads(preference: dict[str, Any]) -> list[str]:
    """The question ids a preference looks at, in its condition or in what it covers."""
    read = answers_read(preference["when"])
    covered = preference.get("favours_where", {}).get("covers_answer")
    if covered:
        read.add(covered)
    return sorted(read)


def _failure(
    constraint: dict[str, Any], value: Any, fact: dict[str, Any] | None, model: Model
) -> tuple[str, ...] | None:
    """Return what the fact lacks (possibly nothing to list), or None when it passes.

    A missing fact, or one given as text because no fixed limit is documented, never rules
    an option out: the engine only excludes on a stated limit.
    """
    if fact is None or "text" in fact["value"]:
        return None
    stated = fact["value"]
    test = constraint["test"]

    if test == "all_in":
        allowed = stated.get("regions", stated.get("items", ()))
        missing = tuple(item for item in value if item not in allowed)
        return missing or None
    if test == "includes":
        return None if value in stated["items"] else (value,)
    if test == "at_most":
        unit = model.questions[constraint["question"]]["unit"]
        needed = convert(value, unit, stated["unit"])
        return None if needed <= stated["number"] else ()
    if test == "required":
        return None if (not value or stated["yes_no"]) else ()
    raise ValueError(f"constraint {constraint['id']}: unknown test {test!r}")


def _meets(fact: dict[str, Any] | None, where: dict[str, Any], answers: dict[str, Any]) -> bool:
    if fact is None or "text" in fact["value"]:
        return False
    stated = fact["value"]
    if "is" in where:
        return stated.get("yes_no") == where["is"]
    items = stated.get("items", ())
    if "covers" in where:
        wanted = where["covers"]
    else:
        # Only the answered values the preference is about count: someone who wants MCP and
        # gRPC is served on MCP by a platform that lists MCP.
        among = where.get("among")
        wanted = [
            item for item in answers.get(where["covers_answer"], ()) if not among or item in among
        ]
    return bool(wanted) and all(item in items for item in wanted)
