"""Home: the one question that decides, and the verdict for each answer."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog, Entry
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "index.md"
# The question whose answers the outcomes' `answer_to_question` texts reply to.
DECIDING_QUESTION = "code_author"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the home page from outcomes.yaml and the deciding question."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        question = catalog.question(DECIDING_QUESTION)
    architectures = {
        outcome["id"]: [a for a in catalog.architectures if fits(a, outcome["id"])]
        for outcome in catalog.outcomes
    }
    return [
        render_page(
            catalog,
            PATH,
            "home.md.j2",
            "Where agents and untrusted code run",
            question=question,
            architectures=architectures,
        )
    ]


def fits(architecture: Entry, outcome_id: str) -> bool:
    """Tell whether an architecture's fits_when names this recommendation."""
    return outcome_id in _recommendations(architecture.get("fits_when", {}))


def _recommendations(condition: Any) -> set[str]:
    # Walk all/any trees; only `recommendation` leaves matter here.
    if isinstance(condition, dict):
        found = {condition["recommendation"]} if "recommendation" in condition else set()
        for part in condition.get("all", []) + condition.get("any", []):
            found |= _recommendations(part)
        return found
    return set()
