"""Gotchas: every known trap on one page, each under an anchor equal to its id."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "gotchas.md"

# Admonition type per status: open traps warn, known workarounds advise, fixed ones reassure.
ADMONITION = {"open": "warning", "workaround": "tip", "fixed": "success"}


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the Gotchas page."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        related = {g["id"]: catalog.architectures_citing_gotcha(g["id"]) for g in catalog.gotchas}
        for gotcha in catalog.gotchas:
            for entry in gotcha["applies_to"]:
                catalog.subject(entry)
    return [
        render_page(
            catalog, PATH, "gotchas.md.j2", "Gotchas", related=related, admonition=ADMONITION
        )
    ]
