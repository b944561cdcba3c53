"""Print a result for a person in a terminal."""

from __future__ import annotations

import textwrap
from typing import Any

from wizard.engine.model import compile_model

WIDTH = 88


def render_text(result: dict[str, Any], bundle: dict[str, Any]) -> str:
    """Lay a result out as plain text: verdict, reasons, what is ruled out, what to watch."""
    model = compile_model(bundle)
    outcome = next(o for o in bundle["outcomes"] if o["id"] == result["recommendation"])
    heading = outcome["label"]
    if result["compute_type"]:
        # compute_type names a type of the one service that offers several.
        option = next(
            o
            for o in model.options
            if o.compute_type == result["compute_type"] and len(model.options_of(o.service)) > 1
        )
        heading += f" ({option.name}, compute type `{result['compute_type']}`)"

    lines = [f"Recommendation: {heading}", ""]
    lines += _wrap(outcome["verdict"], "")

    sections = [
        ("Why", [_cited(reason["text"], reason["facts"]) for reason in result["reasons"]]),
        (
            "Ruled out (a service, or one of its compute types)",
            [
                _cited(entry["text"], entry["facts"])
                for entries in result["ruled_out"].values()
                for entry in entries
            ],
        ),
        ("Watch out", [f"{w['title']}: {w['why']} [{w['id']}]" for w in result["warnings"]]),
        ("What would change it", [result["flip"]["text"]] if result["flip"] else []),
    ]
    if result["architecture"]:
        entry = next(a for a in bundle["architectures"] if a["id"] == result["architecture"])
        sections.append(("Reference architecture", [f"{entry['title']} [{entry['id']}]"]))
    assumed = [f"{a['question']}: {a['text']}" for a in result["assumptions"]]
    sections.append(("Assumed (unanswered)", assumed))

    for title, items in sections:
        if items:
            lines += ["", f"{title}:"]
            for item in items:
                lines += _wrap(item, "  - ")
    lines += ["", f"Data version {result['data_version']}; {len(model.facts)} facts."]
    return "\n".join(lines)


def _cited(text: str, facts: list[str]) -> str:
    return f"{text} [{', '.join(facts)}]" if facts else text


def _wrap(text: str, bullet: str) -> list[str]:
    indent = " " * len(bullet)
    wrapped = textwrap.wrap(
        text, WIDTH, initial_indent=bullet, subsequent_indent=indent, break_on_hyphens=False
    )
    return wrapped or [""]
