"""Check answers against the questions and put them in one canonical form.

Every problem is collected before anything is reported, so a caller can fix them all at once.
Canonical form: one-of answers are strings, lists are tuples in the questions' own order,
yes/no answers are booleans, numbers are floats. Unanswered questions are absent.
"""

from __future__ import annotations

import math
from typing import Any

from wizard.engine.model import Model


class InvalidAnswers(ValueError):
    """The answers break the questions' contract; .problems lists every problem."""

    def __init__(self, problems: list[dict[str, Any]]):
        self.problems = problems
        summary = "; ".join(problem["message"] for problem in problems)
        super().__init__(f"{len(problems)} invalid answer(s): {summary}")


def normalise(answers: Any, model: Model) -> dict[str, Any]:
    """Return the canonical answers, or raise InvalidAnswers naming every problem."""
    if not isinstance(answers, dict):
        raise InvalidAnswers(
            [_problem("", answers, "answers must be an object of question id to value", "{}")]
        )

    canonical: dict[str, Any] = {}
    problems: list[dict[str, Any]] = []
    for answer_id, value in answers.items():
        question = model.questions.get(answer_id) if isinstance(answer_id, str) else None
        if question is None:
            allowed = ", ".join(model.question_order)
            problems.append(_problem(answer_id, value, "is not a question", allowed))
            continue
        if value is None:
            # JSON null, or an empty field in a form, means "not answered".
            continue
        checked = _CHECKS[question["kind"]](question, value, model)
        if isinstance(checked, _Problem):
            problems.append(_problem(answer_id, value, checked.message, checked.allowed))
        elif checked is not _UNANSWERED:
            canonical[answer_id] = checked

    if problems:
        raise InvalidAnswers(problems)
    return {key: canonical[key] for key in model.question_order if key in canonical}


class _Problem:
    __slots__ = ("allowed", "message")

    def __init__(self, message: str, allowed: str):
        self.message = message
        self.allowed = allowed


_UNANSWERED = object()


def _problem(answer_id: Any, value: Any, message: str, allowed: str) -> dict[str, Any]:
    shown = repr(value) if not isinstance(value, str) else f"'{value}'"
    return {
        "answer": answer_id,
        "value": value,
        "message": f"{answer_id}: {shown} {message}",
        "allowed": allowed,
    }


def _option_values(question: dict[str, Any]) -> list[str]:
    return [option["value"] for option in question["options"]]


def _check_one(question: dict[str, Any], value: Any, model: Model) -> Any:
    allowed = _option_values(question)
    if not isinstance(value, str) or value not in allowed:
        return _Problem("is not one of the allowed values", ", ".join(allowed))
    return value


def _check_list(allowed: list[str], value: Any, what: str) -> Any:
    if not isinstance(value, (list, tuple)):
        return _Problem(f"must be a list of {what}", ", ".join(allowed))
    unknown = [item for item in value if not isinstance(item, str) or item not in allowed]
    if unknown:
        listed = ", ".join(repr(item) for item in unknown)
        return _Problem(f"contains unknown {what}: {listed}", ", ".join(allowed))
    chosen = set(value)
    return tuple(item for item in allowed if item in chosen)


def _check_many(question: dict[str, Any], value: Any, model: Model) -> Any:
    return _check_list(_option_values(question), value, "values")


def _check_regions(question: dict[str, Any], value: Any, model: Model) -> Any:
    return _check_list(model.region_codes, value, "Region codes")


def _check_yes_no(question: dict[str, Any], value: Any, model: Model) -> Any:
    if not isinstance(value, bool):
        return _Problem("must be true or false", "true, false")
    return value


def _check_number(question: dict[str, Any], value: Any, model: Model) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return _Problem("must be a number", _number_bounds(question))
    low = question.get("minimum")
    high = question.get("maximum")
    above = question.get("exclusive_minimum")
    out_of_range = (
        (low is not None and value < low)
        or (high is not None and value > high)
        or (above is not None and value <= above)
    )
    if out_of_range:
        return _Problem("is out of range", _number_bounds(question))
    return float(value)


def _number_bounds(question: dict[str, Any]) -> str:
    parts = []
    if "exclusive_minimum" in question:
        parts.append(f"more than {question['exclusive_minimum']}")
    if "minimum" in question:
        parts.append(f"at least {question['minimum']}")
    if "maximum" in question:
        parts.append(f"at most {question['maximum']}")
    unit = question.get("unit", "")
    return f"a number {' and '.join(parts) or 'of any size'} ({unit})".replace(" ()", "")


_CHECKS = {
    "one": _check_one,
    "many": _check_many,
    "regions": _check_regions,
    "yes_no": _check_yes_no,
    "number": _check_number,
}
