"""Write a result as an architecture decision record in MADR form (Markdown).

Pure: the command line and the browser produce the same text from the same result.
"""

from __future__ import annotations

from typing import Any

from wizard.engine.model import compile_model
from wizard.engine.wording import answer_text

_OPTIONS = ("agentcore-runtime", "lambda-microvms", "both", "neither")


def render_markdown(result: dict[str, Any], bundle: dict[str, Any]) -> str:
    """Render an evaluate() result as a MADR decision record."""
    model = compile_model(bundle)
    labels = model.outcome_labels
    chosen = result["recommendation"]
    lines: list[str] = []

    # 1. Title and status.
    title = labels[chosen]
    if result.get("compute_type"):
        title += f" ({result['compute_type']})"
    lines += [f"# Where untrusted and agent code runs: {title}", ""]
    lines += ["* Status: proposed", f"* Data version: {result['data_version']}", ""]

    # 2. Context: the answers given, in question order, and what was assumed.
    lines += ["## Context and Problem Statement", ""]
    lines += ["Who runs the code we did not write, and where should it run on AWS?", ""]
    for question in model.question_order:
        if question in result["answers"]:
            value = _canonical(result["answers"][question])
            label = model.questions[question]["label"]
            lines.append(f"* {label} **{answer_text(question, value, model, labels=True)}**")
    for assumption in result["assumptions"]:
        lines.append(f"* Assumed for `{assumption['question']}`: {assumption['text']}")
    lines.append("")

    # 3. Options considered.
    lines += ["## Considered Options", ""]
    lines += [f"* {labels[option]}" for option in _OPTIONS]
    lines.append("")

    # 4. Decision and its drivers.
    lines += ["## Decision Outcome", "", f'Chosen option: "{labels[chosen]}", because:', ""]
    lines += [f"* {reason['text']}{_cite(reason['facts'])}" for reason in result["reasons"]]
    lines.append("")

    # 5. Consequences: warnings to act on, and what would change the decision.
    lines += ["### Consequences", ""]
    for warning in result["warnings"]:
        lines.append(f"* Bad: {warning['title']}. {warning['why']} (gotcha `{warning['id']}`)")
    if result.get("architecture"):
        lines.append(f"* Good: follows the reference architecture `{result['architecture']}`.")
    if result.get("flip"):
        lines.append(f"* Neutral: {result['flip']['text']}")
    if not result["warnings"] and not result.get("architecture") and not result.get("flip"):
        lines.append("* Neutral: no known gotcha applies to these answers.")
    lines.append("")

    # 6. What ruled the other options out.
    if result["ruled_out"]:
        lines += ["## Pros and Cons of the Options", ""]
        for service, entries in result["ruled_out"].items():
            lines += [f"### {model.service_names[service]}", ""]
            lines += [f"* Bad: {entry['text']}{_cite(entry['facts'])}" for entry in entries]
            lines.append("")

    # 7. Sources, with the date each was true.
    lines += ["## Links", ""]
    for source_id in _cited_sources(result):
        source = model.sources[source_id]
        lines.append(
            f"* [{source['title']}]({source['url']}), {source['publisher']}, {source['date']}"
        )
    lines.append("")
    return "\n".join(lines)


def _cite(facts: list[str]) -> str:
    return f" (facts: {', '.join(f'`{fact}`' for fact in facts)})" if facts else ""


def _cited_sources(result: dict[str, Any]) -> list[str]:
    cited = [source for reason in result["reasons"] for source in reason["sources"]]
    for entries in result["ruled_out"].values():
        cited += [source for entry in entries for source in entry["sources"]]
    return list(dict.fromkeys(cited))


def _canonical(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
