"""The engine with JSON text in and out, for callers across a language boundary."""

from __future__ import annotations

import json
from typing import Any

from wizard.engine.answers import InvalidAnswers
from wizard.engine.result import evaluate

# The browser sends the same bundle text on every call; parse it once.
_BUNDLES: dict[str, dict[str, Any]] = {}


def evaluate_json(answers_json: str, bundle_json: str) -> str:
    """Evaluate JSON answers against a JSON bundle; invalid answers give {"problems": [...]}."""
    bundle = _BUNDLES.get(bundle_json)
    if bundle is None:
        _BUNDLES.clear()
        bundle = _BUNDLES[bundle_json] = json.loads(bundle_json)

    try:
        answers = json.loads(answers_json)
        result = evaluate(answers, bundle)
    except json.JSONDecodeError as error:
        result = {"problems": [_syntax_problem(error)]}
    except InvalidAnswers as error:
        result = {"problems": error.problems}
    return json.dumps(result, sort_keys=True, ensure_ascii=False)


def _syntax_problem(error: json.JSONDecodeError) -> dict[str, Any]:
    return {
        "answer": "",
        "value": None,
        "message": f"answers are not valid JSON (line {error.lineno}, column {error.colno})",
        "allowed": "a JSON object",
    }
