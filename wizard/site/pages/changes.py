"""What changed: every fact with earlier values, the current value beside each earlier one."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "changes.md"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the What changed page, newest change first."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        changed = [fact for fact in catalog.facts if fact.get("history")]
        changed.sort(key=lambda fact: fact["history"][0]["as_of"], reverse=True)
        article = catalog.source(catalog.meta["article"]["source"])
    return [
        render_page(
            catalog, PATH, "changes.md.j2", "What changed", changed=changed, article=article
        )
    ]
