"""The embed contract (issue #5) says one thing everywhere: module, browser code, site.

wizard/site/embed_contract.py is where the contract is written; the browser code repeats a
few of its constants (a static script cannot import Python), so these tests fail when the two
drift apart. The rest checks what the build publishes: the schema, the embed page without the
site's chrome, and the contract page.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from jsonschema import Draft202012Validator
from site_support import ROOT

from wizard.dataset import load_bundle
from wizard.engine import evaluate
from wizard.site import embed_contract as contract
from wizard.site.errors import RenderError
from wizard.site.pages import embed

BUNDLE = load_bundle()
HOST_SCRIPT = ROOT / "docs" / "assets" / "embed" / "embed.js"
FRAME_SCRIPT = ROOT / "docs" / "assets" / "embed" / "frame.js"
FRAME_MODULE = ROOT / "docs" / "assets" / "wizard" / "embedding.js"


def js_constant(path, name: str) -> str:
    """Return the text of `const NAME = …;` in a script."""
    match = re.search(rf"const {name} = (.+?);\n", path.read_text(encoding="utf-8"), re.S)
    assert match, f"{path.name}: no const {name}"
    return match.group(1)


# --- the browser code repeats the contract ---


@pytest.mark.parametrize("path", [HOST_SCRIPT, FRAME_SCRIPT, FRAME_MODULE], ids=lambda p: p.name)
def test_every_script_speaks_the_contract_version(path) -> None:
    assert json.loads(js_constant(path, "VERSION")) == contract.VERSION


@pytest.mark.parametrize(("path", "name"), [(HOST_SCRIPT, "SETTINGS"), (FRAME_SCRIPT, "NAMES")])
def test_the_scripts_name_the_contract_parameters(path, name) -> None:
    assert json.loads(js_constant(path, name)) == list(contract.PARAMETERS)


def test_the_host_script_clamps_to_the_documented_heights() -> None:
    assert int(js_constant(HOST_SCRIPT, "MIN_HEIGHT")) == contract.MIN_HEIGHT
    assert int(js_constant(HOST_SCRIPT, "MAX_HEIGHT")) == contract.MAX_HEIGHT


@pytest.mark.parametrize("path", [HOST_SCRIPT, FRAME_MODULE], ids=lambda p: p.name)
def test_the_messages_are_namespaced(path) -> None:
    assert json.loads(js_constant(path, "NAMESPACE")) == contract.NAMESPACE


def test_the_changelog_starts_at_the_current_version() -> None:
    assert contract.CHANGELOG[0][0] == contract.VERSION


# --- the contract against the data ---


def test_the_recommendations_are_the_data_outcomes() -> None:
    # A new outcome in data/outcomes.yaml is a new contract version: add it there and here.
    assert list(contract.OUTCOMES) == [outcome["id"] for outcome in BUNDLE["outcomes"]]


def test_no_question_takes_the_name_of_a_setting() -> None:
    ids = {question["id"] for question in BUNDLE["questions"]}
    assert not ids & set(contract.PARAMETERS)


def test_a_question_named_like_a_setting_stops_the_build() -> None:
    bundle = copy.deepcopy(BUNDLE)
    bundle["questions"][0]["id"] = "theme"
    bundle["questions"][1]["id"] = "origin"
    with pytest.raises(RenderError) as raised:
        embed.generate(bundle)
    assert str(raised.value) == (
        "page embed/index.md: question id(s) theme, origin are embed settings in the iframe's "
        "address (reserved: locked, hidden, theme, accent, lang, origin); rename the "
        "question(s) in data/questions.yaml"
    )


# --- the schema ---


def result_message(answers: dict) -> dict:
    """Return a result message as the frame builds it (embedding.js resultMessage)."""
    result = json.loads(json.dumps(evaluate(answers, BUNDLE)))
    return {
        "type": contract.message_type("result"),
        "version": contract.VERSION,
        "recommendation": result["recommendation"],
        "compute_type": result["compute_type"],
        "architecture": result["architecture"],
        "warnings": [warning["id"] for warning in result["warnings"]],
        "answers": result["answers"],
        "query": "code_author=users",
        "url": "https://example.github.io/agent-compute-guide/wizard/?code_author=users",
        "data_version": result["data_version"],
        "result": result,
    }


def test_the_schema_is_valid_and_fits_the_messages() -> None:
    schema = contract.event_schema("https://example.github.io/guide/")
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert schema["$id"] == "https://example.github.io/guide/api/v1/embed-event.schema.json"

    answers = {"code_author": "users", "regions": ["eu-west-1"], "gpu": False, "vcpus": 4}
    validator.validate(result_message(answers))
    validator.validate({"type": contract.message_type("resize"), "version": "1.3.0", "height": 9})


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"type": "*"}, "not a message type"),
        ({"version": "2.0.0"}, "another major version"),
        ({"recommendation": "maybe"}, "not an outcome"),
        ({"answers": {"Code Author": "users"}}, "not a question id"),
        ({"result": None}, "no result"),
    ],
)
def test_the_schema_refuses_what_the_contract_does_not_say(change, why) -> None:
    message = {**result_message({"code_author": "users"}), **change}
    assert not Draft202012Validator(contract.event_schema("")).is_valid(message), why


# --- what the build publishes ---


def test_the_schema_is_published_at_its_address(built_site) -> None:
    published = json.loads((built_site.site_dir / contract.SCHEMA_PATH).read_text())
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]
    assert published == contract.event_schema(site_url)


def test_the_embed_page_has_no_site_chrome_and_stays_out_of_nav_and_search(built_site) -> None:
    markup = built_site.html("embed/")
    for chrome in ('class="md-header', 'class="md-sidebar', 'class="md-footer', "bundle."):
        assert chrome not in markup, chrome
    assert 'name="robots" content="noindex"' in markup
    # The same form and glue as the wizard page.
    wizard = built_site.html("wizard/")
    script = re.search(
        r'<script type="module" src="\.\./assets/wizard/wizard\.js\?v=\w+">', wizard
    )
    assert script and script[0] in markup
    assert len(re.findall(r"<fieldset [^>]*wizard-question", markup)) == len(BUNDLE["questions"])

    assert 'href="embed/"' not in built_site.html("")
    assert 'href="../embed/"' not in built_site.html("compare/")
    index = json.loads((built_site.site_dir / "search" / "search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith("embed/")]


def test_the_contract_page_states_the_whole_contract(built_site) -> None:
    markup = built_site.html("embedding/")
    assert contract.SITE_TOKEN.rstrip("/") not in markup
    for setting in contract.SETTINGS:
        assert f"<code>{setting.attribute}</code>" in markup, setting.attribute
    for token, _ in contract.SANDBOX_TOKENS:
        assert f"<code>{token}</code>" in markup, token
    for needle in (
        "&#39;wasm-unsafe-eval&#39;",
        "worker-src",
        "frame-src",
        "Cross-Origin-Resource-Policy",
    ):
        assert needle in markup or needle.replace("&#39;", "'") in markup, needle
    assert f"changelog-{contract.VERSION.replace('.', '-')}" in markup
    assert 'id="embed-demo" data-agent-compute-guide' in markup
    # The schema is shown as published (its $id under site_url).
    assert contract.SCHEMA_PATH in markup
