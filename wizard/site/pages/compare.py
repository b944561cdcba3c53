"""Compare: every dimension, grouped, one column per service and compute type."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from wizard.dataset import DATA_DIR
from wizard.site.catalog import Catalog, Entry
from wizard.site.errors import RenderError, rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "compare.md"
FACTS_SCHEMA = DATA_DIR / "schema" / "facts.schema.json"


@dataclass(frozen=True)
class Cell:
    """One table cell: the fact shown (None when the data has none) and the columns it spans."""

    fact: Entry | None
    span: int


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the Compare page."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        rows = {
            dimension["id"]: cells(catalog, dimension["id"])
            for group in catalog.groups
            for dimension in group["dimensions"]
        }
    return [
        render_page(
            catalog,
            PATH,
            "compare.md.j2",
            "Compare",
            rows=rows,
            legend=evidence_legend(),
        )
    ]


def cells(catalog: Catalog, dimension_id: str) -> list[Cell]:
    """Return the row of one dimension: a fact per column, merged where one fact spans several.

    A fact with a compute type fills that type's column; a fact without one fills every column
    of its service that has no fact of its own. Facts with a `feature` (per-feature Regions)
    belong on the Regions page, not here.
    """
    facts = [fact for fact in catalog.facts_for(dimension_id) if "feature" not in fact]
    for fact in facts:
        catalog.subject(fact)  # every service and compute type named must exist

    chosen: list[Entry | None] = []
    for service, compute_type in catalog.columns():
        own = [
            fact
            for fact in facts
            if fact["service"] == service["id"] and fact.get("compute_type") == compute_type["id"]
        ]
        wide = [f for f in facts if f["service"] == service["id"] and "compute_type" not in f]
        candidates = own or wide
        if len(candidates) > 1:
            ids = ", ".join(fact["id"] for fact in candidates)
            raise RenderError(
                PATH,
                f"facts {ids} all give {dimension_id} for "
                f"{service['id']}/{compute_type['id']}; keep one",
            )
        chosen.append(candidates[0] if candidates else None)

    row: list[Cell] = []
    for fact in chosen:
        if row and fact is not None and row[-1].fact is fact:
            row[-1] = Cell(fact, row[-1].span + 1)
        else:
            row.append(Cell(fact, 1))
    return row


def evidence_legend() -> list[tuple[str, str]]:
    """Return (grade, meaning) pairs, read from the facts schema where the grades are defined."""
    schema = json.loads(FACTS_SCHEMA.read_text(encoding="utf-8"))
    evidence = schema["properties"]["facts"]["items"]["properties"]["evidence"]
    meanings = dict(re.findall(r"(\w+) \(([^)]*)\)", evidence["description"]))
    return [(grade, meanings.get(grade, "")) for grade in evidence["enum"]]
