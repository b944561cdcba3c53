"""What a post-build step receives, and the error it raises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class StepContext:
    """What a step may use.

    Args:
        site_dir: The directory MkDocs built the site into.
        project_dir: The directory of mkdocs.yml (the repository root).
        bundle: The data bundle the pages were rendered from.
        config: The MkDocs configuration of this build.
    """

    site_dir: Path
    project_dir: Path
    bundle: dict[str, Any]
    config: Any


class StepError(Exception):
    """A post-build step could not do its work."""
