"""Data API: fields — every field of /api/v1/data.json, from the schemas' descriptions.

The page is generated (see wizard.dataset.schema_docs) so that the field documentation is
written once, in data/schema/, and docs/api.md links to it. Owned by the data API (issue #6).
"""

from __future__ import annotations

from typing import Any

from wizard.dataset.schema_docs import api_fields_markdown
from wizard.site.page import Page

PATH = "api/fields.md"
TITLE = "Data API: fields"


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the field reference of the published data document."""
    del bundle  # the page documents the shape of the data, not its content
    return [Page(path=PATH, markdown=api_fields_markdown(), title=TITLE)]
