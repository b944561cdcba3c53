"""Write the JSON Schema of the published data to api/v1/data.schema.json.

The data itself (api/v1/data.json) is written by `browser_engine`; both come from
wizard.dataset.publish, which owns the document's shape (issue #6).
"""

from __future__ import annotations

import json

from wizard.dataset.publish import SCHEMA_PATH, bundle_schema
from wizard.site.steps.context import StepContext


def run(context: StepContext) -> None:
    """Write the schema next to the data, built from the project's data/schema/."""
    schema = bundle_schema(context.project_dir / "data")
    target = context.site_dir / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
