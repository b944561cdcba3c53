"""Sources: every document the data rests on, with the facts and advice that cite it."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "sources.md"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the Sources page."""
    catalog = Catalog(bundle)
    citing = {source["id"]: catalog.citing(source["id"]) for source in catalog.sources}
    return [render_page(catalog, PATH, "sources.md.j2", "Sources", citing=citing)]
