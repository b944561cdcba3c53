"""The page "Embedding the wizard" (issue #5): the embed contract, for the teams that embed it.

Everything on it comes from wizard/site/embed_contract.py (version, settings, messages and their
schema, sandbox tokens, changelog) and from the questions' ids in the data; the page states the
contract only, never a fact about the services. Its snippets name the guide's own address,
which the theme template embed-contract.html fills in from `site_url`.
"""

from __future__ import annotations

import json
from typing import Any

from wizard.site import embed_contract as contract
from wizard.site.catalog import Catalog, Entry
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "embedding.md"
TITLE = "Embedding the wizard"

# The stand-in for the guide's origin (SITE_TOKEN without its trailing "/").
ORIGIN_TOKEN = contract.SITE_TOKEN.rstrip("/")


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the contract page from the contract module and the questions' ids."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        questions = [_question_row(question) for question in catalog.questions]
    schema = contract.event_schema(contract.SITE_TOKEN)
    return [
        render_page(
            catalog,
            PATH,
            "embedding.md.j2",
            TITLE,
            meta={
                "template": "embed-contract.html",
                "site_token": contract.SITE_TOKEN,
                "origin_token": ORIGIN_TOKEN,
            },
            contract=contract,
            site=contract.SITE_TOKEN,
            origin=ORIGIN_TOKEN,
            questions=questions,
            fields=message_fields(schema),
            schema_json=json.dumps(schema, ensure_ascii=False, indent=2),
        )
    ]


def message_fields(schema: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """Return each message's fields with their type and description, from the schema itself.

    Every field of a message is required (the schema says so); the page says it once.
    """
    fields = {}
    for kind, definition in schema["$defs"].items():
        fields[kind] = [
            {
                "name": name,
                "type": _type_of(spec),
                "description": spec.get("description", ""),
            }
            for name, spec in definition["properties"].items()
        ]
    return fields


def _type_of(spec: dict[str, Any]) -> str:
    if "const" in spec:
        return f'"{spec["const"]}"'
    if "enum" in spec:
        return ", ".join(f'"{value}"' for value in spec["enum"])
    kind = spec.get("type", "any")
    return " or ".join(kind) if isinstance(kind, list) else kind


def _question_row(question: Entry) -> dict[str, str]:
    # The values a preset may take, as the address writes them.
    kind = question["kind"]
    if kind == "regions":
        values = "Region codes, comma-separated"
    elif kind == "yes_no":
        values = "`yes` or `no`"
    elif kind == "number":
        values = f"a number ({question.get('unit', 'no unit')})"
    else:
        listed = ", ".join(f"`{option['value']}`" for option in question.get("options", []))
        values = listed + (" (comma-separated)" if kind == "many" else "")
    return {"id": question["id"], "label": question["label"], "accepts": values}
