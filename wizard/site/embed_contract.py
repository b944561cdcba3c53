"""The embed contract (issue #5): what a site that embeds the wizard may rely on.

Written once, here: the contract's version, the settings a host gives (as attributes of the
embedding element, or as parameters of the iframe's address), the messages the wizard sends and
their JSON Schema, and the changelog. The contract page (pages/embedding.py) renders them, the
post-build step steps/embed_schema.py publishes the schema, and tests/test_embed_contract.py
checks that the browser code says the same version and names the same parameters:

- docs/assets/embed/embed.js: the host side (the script tag, the iframe, the events);
- docs/assets/embed/frame.js: the settings, read in the frame before it draws;
- docs/assets/wizard/embedding.js: the frame side of the wizard (locks, messages, height).

Versioning is semver. MAJOR: a setting, message or field is removed or changes meaning. MINOR:
one is added (hosts ignore what they do not know). PATCH: a fix that changes no shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

VERSION = "1.0.0"
NAMESPACE = "agent-compute-guide"

# Addresses below the site's root. The schema stays at this address for every 1.x version.
SCHEMA_PATH = "api/v1/embed-event.schema.json"
SCRIPT_PATH = "assets/embed/embed.js"
FRAME_PAGE = "embed/"

# The contract page's snippets name the guide's address, which only the MkDocs config knows
# (generators see the data alone): they are written with this stand-in, and the page's theme
# template (wizard/site/theme/embed-contract.html) puts config.site_url in its place.
SITE_TOKEN = "https://agent-compute-guide.invalid/"

# Heights the host applies to the iframe, in CSS pixels, unless the element says otherwise.
MIN_HEIGHT = 320
MAX_HEIGHT = 12000

# The recommendations a result may carry (README, "The result contract"). A data change that
# adds one fails tests/test_embed_contract.py, so the contract's version moves with it.
OUTCOMES = ("agentcore-runtime", "lambda-microvms", "both", "neither")


@dataclass(frozen=True)
class Setting:
    """One setting a host gives the embedded wizard.

    Args:
        attribute: The attribute on the embedding element, e.g. "data-locked".
        parameter: The parameter in the iframe's address, e.g. "locked"; "" when the setting
            only concerns the host page (the iframe's height).
        accepts: The values it accepts, in words.
        default: What applies when it is absent.
        meaning: What it does.
    """

    attribute: str
    parameter: str
    accepts: str
    default: str
    meaning: str


SETTINGS = (
    Setting(
        "data-answers",
        "(the answers themselves)",
        "a query string in the wizard page's format: "
        "`code_author=users&regions=us-east-1,eu-west-1&gpu=no`",
        "no answer",
        "Answers given before the reader starts. In the iframe's address they are ordinary "
        "parameters, exactly as on the wizard page. Unknown ids and values are ignored with a "
        "visible notice.",
    ),
    Setting(
        "data-locked",
        "locked",
        "question ids, comma-separated",
        "none",
        "Questions the reader sees but cannot change. A locked question keeps its preset "
        "answer, or stays unanswered without one; links that would change it are disabled.",
    ),
    Setting(
        "data-hidden",
        "hidden",
        "question ids, comma-separated",
        "none",
        "Questions not shown. A preset answer still counts; without one the wizard makes its "
        "usual assumption, listed under the result.",
    ),
    Setting(
        "data-theme",
        "theme",
        "`light`, `dark` or `auto`",
        "`auto`",
        "The colour scheme; `auto` follows the reader's system setting.",
    ),
    Setting(
        "data-accent",
        "accent",
        "a hex colour: `#0b7285`, `#0b7`, or the same without `#`",
        "the guide's indigo",
        "Buttons, links, focus rings and checked boxes. Where text in it would not read "
        "against the background (WCAG AA, 4.5:1), it is darkened or lightened until it does.",
    ),
    Setting(
        "data-lang",
        "lang",
        "a BCP 47 language tag that Intl.DateTimeFormat supports: `de`, `en-GB`, `ja-JP`",
        "the reader's browser language",
        "The language of dates shown in the wizard. The wizard's text stays in English.",
    ),
    Setting(
        "data-host-origin",
        "origin",
        "an origin: `https://portal.example.com`",
        "embed.js: the page's own origin; plain iframe: none, so no message is sent",
        "The only origin the wizard posts messages to. Never `*`.",
    ),
    Setting(
        "data-min-height",
        "",
        "a number of CSS pixels",
        str(MIN_HEIGHT),
        "The smallest height the host gives the iframe.",
    ),
    Setting(
        "data-max-height",
        "",
        "a number of CSS pixels",
        str(MAX_HEIGHT),
        "The largest height the host gives the iframe; taller content scrolls inside it.",
    ),
    Setting(
        "data-title",
        "",
        "text",
        "Agent compute guide: decision wizard",
        "The iframe's accessible name (its `title`).",
    ),
)

# Address parameters the frame reads as settings; no question may take one of these ids.
PARAMETERS = tuple(setting.parameter for setting in SETTINGS if setting.parameter.isidentifier())

# The sandbox tokens an iframe needs, each with the reason (hosts that sandbox their iframes).
SANDBOX_TOKENS = (
    ("allow-scripts", "the wizard runs its engine in the page and in a Web Worker"),
    (
        "allow-same-origin",
        "the worker, the Python runtime and the data load from the guide's own origin; an "
        "opaque origin would make every one of those requests cross-origin and fail",
    ),
    ("allow-popups", "links to facts, sources and the full guide open in a new tab"),
    (
        "allow-popups-to-escape-sandbox",
        "so that the guide opened in that tab is not sandboxed itself",
    ),
    ("allow-downloads", "the buttons that download the decision record and the JSON result"),
)

CHANGELOG = (
    (
        "1.0.0",
        "2026-12-03",
        (
            "First release: `embed.js` and the plain iframe; preset, locked and hidden "
            "questions; theme, accent colour and date language; the `result` and `resize` "
            "messages and the `agent-compute-guide:result` DOM event.",
        ),
    ),
)


def message_type(kind: str) -> str:
    """Return the namespaced type of a message, e.g. "agent-compute-guide:result"."""
    return f"{NAMESPACE}:{kind}"


def event_schema(site_url: str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the messages the embedded wizard sends.

    Args:
        site_url: The site's address ending in "/", for the schema's `$id`; "" leaves it out.
    """
    major = VERSION.split(".", 1)[0]
    envelope = {
        "version": {
            "type": "string",
            "pattern": rf"^{major}\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$",
            "description": "The contract version the wizard speaks (semver). Hosts accept "
            f"any {major}.x.y and ignore fields they do not know.",
        },
    }
    answer_value = {
        "description": "One answer: an option value, a yes/no as true/false, a number, or a "
        "list of option values or Region codes.",
        "oneOf": [
            {"type": "string"},
            {"type": "boolean"},
            {"type": "number"},
            {"type": "array", "items": {"type": "string"}},
        ],
    }
    result = {
        "type": "object",
        "description": "Sent when the recommendation is first computed and whenever the "
        "result changes. The same object is the `detail` of the DOM event "
        f"`{message_type('result')}` on the embedding element.",
        "required": [
            "type",
            "version",
            "recommendation",
            "compute_type",
            "architecture",
            "warnings",
            "answers",
            "query",
            "url",
            "data_version",
            "result",
        ],
        "properties": {
            "type": {"const": message_type("result"), "description": "What the message is."},
            **envelope,
            "recommendation": {
                "enum": list(OUTCOMES),
                "description": "The outcome: which service, both together, or neither.",
            },
            "compute_type": {
                "type": ["string", "null"],
                "description": "AgentCore Runtime's compute type (`microvm` or `instances`) "
                "when AgentCore is part of the recommendation, else null.",
            },
            "architecture": {
                "type": ["string", "null"],
                "description": "The id of the reference architecture to start from, or null.",
            },
            "warnings": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The ids of the gotchas that apply (pages under gotchas/).",
            },
            "answers": {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
                "additionalProperties": answer_value,
                "description": "The answers the result was computed from: question id to "
                "value, as data/questions.yaml defines them (presets included).",
            },
            "query": {
                "type": "string",
                "description": "The same answers in the wizard page's query format, without "
                "the leading `?` (empty when nothing is answered).",
            },
            "url": {
                "type": "string",
                "format": "uri",
                "description": "The full guide's wizard page with these answers: a link to "
                "share or to store with a decision.",
            },
            "data_version": {
                "type": "string",
                "description": "The version of the guide's data the result was computed with.",
            },
            "result": {
                "type": "object",
                "description": 'The engine\'s whole result (README, "The result contract"): '
                "reasons with their facts and sources, what is ruled out, warnings, the flip "
                "and the assumptions. Keys may be added, never renamed.",
                "required": [
                    "recommendation",
                    "compute_type",
                    "reasons",
                    "ruled_out",
                    "warnings",
                    "architecture",
                    "flip",
                    "assumptions",
                    "data_version",
                ],
            },
        },
    }
    resize = {
        "type": "object",
        "description": "Sent when the height of the wizard's content changes; the host sets "
        "the iframe's height to it, clamped to its minimum and maximum.",
        "required": ["type", "version", "height"],
        "properties": {
            "type": {"const": message_type("resize"), "description": "What the message is."},
            **envelope,
            "height": {
                "type": "integer",
                "minimum": 0,
                "description": "The content's height in CSS pixels, rounded up.",
            },
        },
    }
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if site_url:
        schema["$id"] = site_url.rstrip("/") + "/" + SCHEMA_PATH
    schema |= {
        "title": f"Messages of the embedded wizard, contract {VERSION}",
        "description": "What the embedded wizard posts to the page that embeds it "
        "(window.postMessage, sent only to the origin the host declared).",
        "oneOf": [{"$ref": "#/$defs/result"}, {"$ref": "#/$defs/resize"}],
        "$defs": {"result": result, "resize": resize},
    }
    return schema
