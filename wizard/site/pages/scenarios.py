"""The scenario gallery: named cases, what the engine recommends for each, and a link that
opens the wizard with the same answers.

The outcome shown is computed by the engine at build time, not copied from the scenario file;
the tests check that it still equals the scenario's expectation.
"""

from __future__ import annotations

from typing import Any

from wizard.engine import evaluate
from wizard.engine.query import to_query
from wizard.site.catalog import Catalog
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "scenarios.md"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the gallery page."""
    catalog = Catalog(bundle)
    labels = {outcome["id"]: outcome["label"] for outcome in bundle["outcomes"]}
    titles = {entry["id"]: entry["title"] for entry in bundle["architectures"]}
    cases = []
    with rendering(PATH):
        for scenario in bundle["scenarios"]:
            result = evaluate(scenario["answers"], bundle)
            cases.append(
                {
                    "scenario": scenario,
                    "result": result,
                    "label": labels[result["recommendation"]],
                    "architecture_title": titles.get(result["architecture"] or "", ""),
                    "answers": _answer_rows(scenario["answers"], catalog),
                    "link": "wizard/index.md"
                    + to_query(result["answers"], result["data_version"]),
                }
            )
    return [render_page(catalog, PATH, "scenarios.md.j2", "Scenario gallery", cases=cases)]


def _answer_rows(answers: dict[str, Any], catalog: Catalog) -> list[tuple[str, str]]:
    # Show answers in question order with the reader's labels, not the raw ids.
    rows = []
    for question in catalog.questions:
        if question["id"] not in answers:
            continue
        value = answers[question["id"]]
        labels = {option["value"]: option["label"] for option in question.get("options", [])}
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, list):
            shown = ", ".join(labels.get(item, item) for item in value) or "none"
        else:
            shown = labels.get(value, str(value))
            if "unit" in question and not labels:
                shown = f"{shown} {question['unit'].replace('_', ' ')}"
        rows.append((question["label"], shown))
    return rows
