"""Regions: a matrix of Region by service, compute type and AgentCore feature."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog
from wizard.site.errors import RenderError, rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "regions.md"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the Regions page from every fact whose value is a list of Region codes."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        columns = [fact for fact in catalog.facts if "regions" in fact["value"]]
        if not columns:
            raise RenderError(PATH, "no fact has a regions value")
        for fact in columns:
            catalog.subject(fact)
            for code in fact["value"]["regions"]:
                catalog.region(code)
    return [render_page(catalog, PATH, "regions.md.j2", "Regions", columns=columns)]
