"""Publish the JSON Schema of the embedded wizard's messages (issue #5).

The schema comes from wizard/site/embed_contract.py, the one place the embed contract is
written; its `$id` is its own address below `site_url`.
"""

from __future__ import annotations

import json

from wizard.site import embed_contract
from wizard.site.steps.context import StepContext


def run(context: StepContext) -> None:
    """Write the schema to api/v1/embed-event.schema.json in the built site."""
    config = context.config
    site_url = (config.site_url if config is not None else "") or ""
    schema = embed_contract.event_schema(site_url)
    target = context.site_dir / embed_contract.SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
