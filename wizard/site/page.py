"""The unit a generator hands to the plugin: one virtual page of the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """A generated Markdown page.

    Args:
        path: Its path as if it were a file under docs/, e.g. "architectures/managed-agent.md".
        markdown: The page body (Markdown; the plugin adds the title as front matter).
        title: The title in the navigation, the browser tab and search results.
        meta: More front matter, e.g. {"hide": ["navigation"]} for a page with wide tables.
    """

    path: str
    markdown: str
    title: str
    meta: dict[str, Any] = field(default_factory=dict)
