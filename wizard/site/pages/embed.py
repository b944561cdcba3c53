"""The wizard's embed-mode page (issue #5): the wizard page, framed by another site.

The page is the wizard page's own form and result (templates/wizard.md.j2, the same question
data and the same glue in docs/assets/wizard/), rendered with a theme template that drops the
site's header, navigation and footer (wizard/site/theme/embed.html). Other sites frame it with
docs/assets/embed/embed.js or a plain iframe; the contract they rely on is in
wizard/site/embed_contract.py and on the page pages/embedding.py renders.

The page is left out of the navigation (mkdocs.yml `not_in_nav`) and out of search.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from wizard.dataset import DATA_DIR
from wizard.site import embed_contract
from wizard.site.catalog import Catalog
from wizard.site.errors import RenderError, rendering
from wizard.site.page import Page
from wizard.site.pages import wizard as wizard_page
from wizard.site.render import render_page

PATH = "embed/index.md"
TITLE = "Decision wizard"

# The frame's own files, relative to docs/; their hash busts caches, as glue_hash() does for
# the wizard's glue (which the page loads too).
ASSETS_DIR = "assets/embed"
ASSET_FILES = ("frame.js", "embed.css")


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the embed-mode page from the questions, as the wizard page is rendered."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        refuse_reserved_ids(catalog)
        config = wizard_page.page_config(catalog)
        # The wizard page's own view of each question: the two forms cannot drift apart.
        questions = [
            wizard_page._question_view(question, catalog) for question in catalog.questions
        ]
    return [
        render_page(
            catalog,
            PATH,
            "embed.md.j2",
            TITLE,
            meta={
                "template": "embed.html",
                "search": {"exclude": True},
                "embed_cache_key": assets_hash(),
            },
            questions=questions,
            config_json=json.dumps(config, ensure_ascii=False, separators=(",", ":")),
            cache_key=wizard_page.glue_hash(),
            data_version=catalog.meta["data_version"],
            checked=latest_check(catalog),
            contract_version=embed_contract.VERSION,
        )
    ]


def refuse_reserved_ids(catalog: Catalog) -> None:
    """Stop the build when a question id is also an embed setting: the address would be ambiguous.

    Every clash is named at once, with the settings' names, so the fix is one edit.
    """
    clashes = [
        question["id"]
        for question in catalog.questions
        if question["id"] in embed_contract.PARAMETERS
    ]
    if clashes:
        raise RenderError(
            PATH,
            f"question id(s) {', '.join(clashes)} are embed settings in the iframe's address "
            f"(reserved: {', '.join(embed_contract.PARAMETERS)}); rename the question(s) in "
            "data/questions.yaml",
        )


def latest_check(catalog: Catalog) -> str:
    """Return the newest `as_of` of any fact (ISO date): what "checked up to" means."""
    dates = [str(fact["as_of"]) for fact in catalog.facts if fact.get("as_of")]
    return max(dates) if dates else ""


def assets_hash(docs_dir: Path = DATA_DIR.parent / "docs") -> str:
    """Return a short hash of the frame's own files: the cache key in their addresses."""
    digest = hashlib.sha256()
    for name in ASSET_FILES:
        path = docs_dir / ASSETS_DIR / name
        digest.update(path.read_bytes() if path.is_file() else name.encode())
    return digest.hexdigest()[:12]
