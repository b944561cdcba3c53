"""Article check: the June 2026 article's eight tips and its open questions, each as it stands
today, with the facts and sources that settle it."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "article.md"

TIP_STATUS = {"still_holds": "Still holds", "updated": "Updated", "wrong_now": "Wrong now"}
QUESTION_STATUS = {"still_open": "Still open", "answered": "Answered", "changed": "Changed"}
# Admonition per status: advice that still holds reassures; changed advice asks for attention.
ADMONITION = {
    "still_holds": "success",
    "updated": "info",
    "wrong_now": "warning",
    "still_open": "question",
    "answered": "success",
    "changed": "info",
}


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the Article check page."""
    catalog = Catalog(bundle)
    facts = {fact["id"]: fact for fact in bundle["facts"]}
    with rendering(PATH):
        article = catalog.source(catalog.meta["article"]["source"])
        cited = {
            entry["id"]: [_fact_link(facts[ref], catalog) for ref in entry["facts"]]
            for entry in [*bundle["tips"], *bundle["open_questions"]]
        }
    return [
        render_page(
            catalog,
            PATH,
            "article.md.j2",
            "Article check",
            article=article,
            tips=sorted(bundle["tips"], key=lambda tip: tip["number"]),
            questions=bundle["open_questions"],
            cited=cited,
            statuses={**TIP_STATUS, **QUESTION_STATUS},
            admonition=ADMONITION,
        )
    ]


def _fact_link(fact: dict[str, Any], catalog: Catalog) -> dict[str, str]:
    label = f"{catalog.dimension(fact['dimension'])['label']}: {catalog.subject(fact)}"
    return {"label": label, "href": f"{catalog.fact_page(fact)}#{fact['id']}"}
