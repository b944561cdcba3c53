"""Put answers, limits and changes into words for reasons and flips."""

from __future__ import annotations

from typing import Any

from wizard.engine.model import Model
from wizard.engine.units import describe


def answer_text(question: str, value: Any, model: Model, labels: bool = False) -> str:
    """Say an answer: values (or option labels) for choices, units for numbers."""
    spec = model.questions[question]
    if value is None:
        return "no answer"
    kind = spec["kind"]
    if kind == "number":
        return describe(value, spec["unit"])
    if kind == "yes_no":
        return "yes" if value else "no"
    names = {o["value"]: o["label"] for o in spec.get("options", [])} if labels else {}
    if kind == "one":
        return names.get(value, value)
    return join([names.get(item, item) for item in value]) if value else "none"


def fact_text(fact: dict[str, Any]) -> str:
    """Say a fact's value: its label when it has one."""
    value = fact["value"]
    if "label" in value:
        return value["label"]
    if "number" in value:
        return describe(value["number"], value["unit"])
    if "yes_no" in value:
        return "yes" if value["yes_no"] else "no"
    if "text" in value:
        return value["text"]
    return join(value.get("regions", value.get("items", [])))


def join(items: list[str]) -> str:
    """Join a list the way a sentence does: 'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def change_text(question: str, old: Any, new: Any, model: Model) -> str:
    """Say one changed answer: 'session_hours were 8 hours instead of 12 hours'."""
    if new is None:
        return f"{question} were left open instead of {answer_text(question, old, model)}"
    if old is None:
        return f"{question} were {answer_text(question, new, model)} instead of left open"
    before = answer_text(question, old, model)
    return f"{question} were {answer_text(question, new, model)} instead of {before}"
