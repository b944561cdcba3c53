"""The wizard page: the questions as a plain HTML form, and room for the engine's result.

The form is complete HTML at build time (one fieldset per question in data/questions.yaml), so
it is usable before any WebAssembly loads and still reads as a form without JavaScript. The
browser glue in docs/assets/wizard/ makes it live: it runs the same Python engine in Pyodide
and draws the result into the page. What the glue needs to name things and link into the site
(labels, the fact and source pages, the data version) is embedded here as JSON, so the first
result needs no extra request.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from wizard.dataset import DATA_DIR
from wizard.site import values
from wizard.site.catalog import Catalog, Entry
from wizard.site.errors import rendering
from wizard.site.page import Page
from wizard.site.render import render_page

PATH = "wizard/index.md"
TITLE = "Wizard"

# The glue's folder, relative to docs/. The page loads wizard.js, which imports the rest; the
# hash of every file there goes into the addresses of wizard.js, the worker and runtime.json,
# so a browser never mixes a cached copy of those with a new build.
GLUE_DIR = "assets/wizard"

# Where the result links, relative to the site root (pages as use_directory_urls writes them).
LINKS = {
    "source": "sources/#{id}",
    "gotcha": "gotchas/#{id}",
    "architecture": "architectures/{id}/",
    "scenarios": "scenarios/",
}


def generate(bundle: dict[str, Any]) -> list[Page]:
    """Render the wizard page from the questions, regions and labels in the bundle."""
    catalog = Catalog(bundle)
    with rendering(PATH):
        config = page_config(catalog)
        questions = [_question_view(question, catalog) for question in catalog.questions]
    return [
        render_page(
            catalog,
            PATH,
            "wizard.md.j2",
            TITLE,
            questions=questions,
            config_json=json.dumps(config, ensure_ascii=False, separators=(",", ":")),
            cache_key=glue_hash(),
        )
    ]


def page_config(catalog: Catalog) -> dict[str, Any]:
    """Return what the glue reads from the page: questions, labels and link targets."""
    return {
        "data_version": catalog.meta["data_version"],
        "questions": [
            {
                "id": question["id"],
                "kind": question["kind"],
                "label": question["label"],
                "options": [
                    {"value": option["value"], "label": option["label"]}
                    for option in question.get("options", [])
                ],
            }
            for question in catalog.questions
        ],
        "regions": [
            {"code": region["code"], "name": region["name"]} for region in catalog.regions
        ],
        "outcomes": [
            {"id": outcome["id"], "label": outcome["label"], "verdict": outcome["verdict"]}
            for outcome in catalog.outcomes
        ],
        "services": [
            {
                "id": service["id"],
                "name": service["short_name"],
                "compute_types": [
                    {"id": kind["id"], "name": kind["name"]} for kind in service["compute_types"]
                ],
            }
            for service in catalog.services
        ],
        "facts": [_fact_label(fact, catalog) for fact in catalog.facts],
        "sources": [{"id": source["id"], "name": source["title"]} for source in catalog.sources],
        "architectures": [
            {"id": architecture["id"], "title": architecture["title"]}
            for architecture in catalog.architectures
        ],
        "links": LINKS,
    }


def glue_hash(docs_dir: Path = DATA_DIR.parent / "docs") -> str:
    """Return a short hash of the glue's files: the cache key in the script address."""
    digest = hashlib.sha256()
    for path in sorted((docs_dir / GLUE_DIR).glob("*.js")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _fact_label(fact: Entry, catalog: Catalog) -> dict[str, str]:
    # The same wording and anchor the Sources page uses for a fact.
    dimension = catalog.dimension(fact["dimension"])["label"]
    page = catalog.fact_page(fact).removesuffix(".md")
    return {
        "id": fact["id"],
        "name": f"{dimension}: {catalog.subject(fact)}",
        "href": f"{page}/#{fact['id']}",
    }


def _question_view(question: Entry, catalog: Catalog) -> dict[str, Any]:
    # Choices as the form shows them; regions are the one list that comes from elsewhere.
    view = dict(question)
    if question["kind"] == "regions":
        view["options"] = [
            {"value": region["code"], "label": f"{region['name']} ({region['code']})"}
            for region in catalog.regions
        ]
    elif question["kind"] == "yes_no":
        view["options"] = [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]
    elif question["kind"] == "number":
        view["unit_label"] = values.UNITS.get(question["unit"], ("", question["unit"]))[1]
    return view
