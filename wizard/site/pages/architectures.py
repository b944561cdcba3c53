"""Reference architectures: an index page and one page per architecture, with its diagram."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog
from wizard.site.diagram import sequence_diagram
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

FOLDER = "architectures"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the index, then one page per architecture in data order."""
    catalog = Catalog(bundle)
    pages = [
        render_page(
            catalog, f"{FOLDER}/index.md", "architectures_index.md.j2", "Reference architectures"
        )
    ]
    for architecture in catalog.architectures:
        path = f"{FOLDER}/{architecture['id']}.md"
        with rendering(path):
            diagram = sequence_diagram(architecture)
            gotchas = [catalog.gotcha(ref) for ref in architecture.get("gotchas", [])]
            for ref in architecture["services"]:
                catalog.service(ref)
        pages.append(
            render_page(
                catalog,
                path,
                "architecture.md.j2",
                architecture["title"],
                architecture=architecture,
                diagram=diagram,
                gotchas=gotchas,
            )
        )
    return pages
