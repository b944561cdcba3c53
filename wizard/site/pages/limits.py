"""Limits: the number-valued facts and the account quotas, grouped as on Compare."""

from __future__ import annotations

from typing import Any

from wizard.site.catalog import Catalog, Entry
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "limits.md"
# Groups of dimensions.yaml that hold account quotas: every fact in them is a limit, whatever
# its value type.
QUOTA_GROUPS = {"quotas"}


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the Limits page."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        sections = [
            (group, rows) for group in catalog.groups if (rows := limit_rows(catalog, group))
        ]
    return [render_page(catalog, PATH, "limits.md.j2", "Limits", sections=sections)]


def limit_rows(catalog: Catalog, group: Entry) -> list[tuple[Entry, list[Entry]]]:
    """Return (dimension, facts) for each dimension of `group` that holds a limit.

    A dimension holds a limit when its values are numbers (all its facts are shown, also those
    that can only give text) or when its group is a quota group.
    """
    rows = []
    for dimension in group["dimensions"]:
        facts = catalog.facts_for(dimension["id"])
        is_number = dimension["value_type"] == "number" or any(
            "number" in fact["value"] for fact in facts
        )
        if facts and (is_number or group["id"] in QUOTA_GROUPS):
            rows.append((dimension, facts))
    return rows
