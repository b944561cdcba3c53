"""Hypothesis strategies that draw answer sets from data/questions.yaml itself."""

from __future__ import annotations

from hypothesis import strategies as st


def answer_sets(bundle):
    """Any valid set of answers: each question answered or not, with an allowed value."""
    regions = [region["code"] for region in bundle["regions"]]
    fields = {question["id"]: _values(question, regions) for question in bundle["questions"]}
    return st.fixed_dictionaries({}, optional=fields)


def _values(question, regions):
    kind = question["kind"]
    options = [option["value"] for option in question.get("options", [])]
    if kind == "one":
        return st.sampled_from(options)
    if kind == "many":
        return st.lists(st.sampled_from(options), unique=True, max_size=len(options))
    if kind == "regions":
        return st.lists(st.sampled_from(regions), unique=True, min_size=1, max_size=4)
    if kind == "yes_no":
        return st.booleans()
    low = question.get("minimum", question.get("exclusive_minimum", 0))
    high = question.get("maximum", 400)
    exclusive = "exclusive_minimum" in question
    return st.floats(low, high, exclude_min=exclusive, allow_nan=False) | st.integers(
        int(low) + 1, int(high)
    )
