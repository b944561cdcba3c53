"""`python -m wizard impact --base REF`: which gallery scenarios a data change flips, and why.

Runs every scenario in data/scenarios/ through the engine twice: with the data as it was at
the git ref REF (read with `git archive`, nothing in the work tree changes) and with the data
in the work tree. Prints each scenario whose outcome changed (recommendation, compute type,
architecture, services ruled out, warnings) with the facts that caused it: the changed facts
among those the two results cite. `--fail` exits 1 when any outcome changed.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.dataset.loader import DATA_DIR, load_bundle
from wizard.dataset.problems import DataError
from wizard.maintain.printer import print_problems

EXIT_OK, EXIT_CHANGED, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3

# The parts of a result that make its outcome, in the order they are reported.
OUTCOME_KEYS = ("recommendation", "compute_type", "architecture", "ruled_out", "warnings")


@dataclass
class Change:
    """One scenario whose outcome differs between the base and the work tree."""

    scenario: str
    title: str
    differences: list[tuple[str, Any, Any]]
    causes: list[str]
    other_causes: list[str] = field(default_factory=list)
    expected: str | None = None
    error: str | None = None


def main(argv: list[str] | None = None) -> int:
    """Compare the scenario gallery's outcomes at --base and in the work tree."""
    options = _parser().parse_args(argv)

    try:
        from wizard.engine import evaluate  # noqa: F401  (fail early if the engine is missing)
    except ImportError as error:
        print(f"impact: the engine cannot be imported: {error}", file=sys.stderr)
        return EXIT_DATA

    try:
        current = load_bundle(options.data)
    except DataError as error:
        print_problems(error.problems, sys.stderr)
        return EXIT_DATA

    with tempfile.TemporaryDirectory(prefix="wizard-impact-") as tmp:
        try:
            base_root = export_data(options.data, options.base, Path(tmp))
        except GitError as error:
            print(f"impact: {error}", file=sys.stderr)
            return EXIT_USAGE
        try:
            base = load_bundle(base_root)
        except DataError as error:
            print(f"impact: the data at {options.base} cannot be loaded:", file=sys.stderr)
            print_problems(error.problems, sys.stderr)
            return EXIT_DATA

    changes = compare(base, current)
    print(render(changes, base, current, options.base))
    return EXIT_CHANGED if options.fail and changes else EXIT_OK


class GitError(RuntimeError):
    """A git command failed; the message is git's own."""


def export_data(data_dir: Path, ref: str, into: Path) -> Path:
    """Extract the data folder as it was at `ref` into `into`; return the extracted folder.

    Read-only for the repository: it runs `git archive`, which changes nothing.
    """
    data_dir = data_dir.resolve()
    top = _git(data_dir, "rev-parse", "--show-toplevel").decode().strip()
    relative = data_dir.relative_to(Path(top).resolve()).as_posix()
    archive = _git(Path(top), "archive", "--format=tar", ref, "--", relative)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    exported = into / relative
    if not exported.is_dir():
        raise GitError(f"{ref} has no {relative}/ folder")
    return exported


def _git(cwd: Path, *args: str) -> bytes:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip() or "git failed"
        raise GitError(f"git {' '.join(args[:2])}: {message}")
    return result.stdout


def compare(base: dict[str, Any], current: dict[str, Any]) -> list[Change]:
    """Run the work tree's scenarios against both bundles; return those whose outcome changed."""
    from wizard.engine import InvalidAnswers, evaluate

    changed_facts = fact_changes(base, current)
    other = _other_changes(base, current)
    changes = []
    for scenario in current.get("scenarios", []):
        answers = scenario.get("answers") or {}
        results = []
        for bundle in (base, current):
            try:
                results.append(evaluate(answers, bundle))
            except InvalidAnswers as error:
                results.append({"error": "; ".join(p["message"] for p in error.problems)})
            except Exception as error:  # an older data layout the engine no longer reads
                results.append({"error": f"the engine failed: {type(error).__name__}: {error}"})
        before, after = results
        change = _change(scenario, before, after, changed_facts, other)
        if change is not None:
            changes.append(change)
    return changes


def _change(
    scenario: dict[str, Any],
    before: dict[str, Any],
    after: dict[str, Any],
    changed_facts: dict[str, str],
    other: list[str],
) -> Change | None:
    expected = (scenario.get("expect") or {}).get("recommendation")
    title = scenario.get("title", "")
    if "error" in before or "error" in after:
        if before.get("error") == after.get("error"):
            return None
        error = f"base: {before.get('error', 'ok')}; now: {after.get('error', 'ok')}"
        return Change(scenario["id"], title, [], [], other, expected, error)

    old, new = outcome(before), outcome(after)
    differences = [(key, old[key], new[key]) for key in OUTCOME_KEYS if old[key] != new[key]]
    if not differences:
        return None
    cited = cited_facts(before) | cited_facts(after)
    causes = [
        f"{fact_id} ({changed_facts[fact_id]})" for fact_id in sorted(cited & set(changed_facts))
    ]
    return Change(scenario["id"], title, differences, causes, other, expected)


def outcome(result: dict[str, Any]) -> dict[str, Any]:
    """Return the parts of an engine result that count as its outcome."""
    ruled_out = result.get("ruled_out") or {}
    return {
        "recommendation": result.get("recommendation"),
        "compute_type": result.get("compute_type"),
        "architecture": result.get("architecture"),
        "ruled_out": sorted(service for service, hits in ruled_out.items() if hits),
        "warnings": sorted(warning.get("id") for warning in result.get("warnings") or []),
    }


def cited_facts(result: dict[str, Any]) -> set[str]:
    """Return every fact id a result cites, in its reasons and in what it ruled out."""
    facts = {fact for reason in result.get("reasons") or [] for fact in reason.get("facts", [])}
    for hits in (result.get("ruled_out") or {}).values():
        for hit in hits:
            facts.update(hit.get("facts", []))
    return facts


def fact_changes(base: dict[str, Any], current: dict[str, Any]) -> dict[str, str]:
    """Return, per fact id that differs between the bundles, a short account of the change."""
    old = {fact["id"]: fact for fact in base.get("facts", [])}
    new = {fact["id"]: fact for fact in current.get("facts", [])}
    changes = {}
    for fact_id in sorted(old.keys() | new.keys()):
        if fact_id not in old:
            changes[fact_id] = f"added: {show_value(new[fact_id].get('value'))}"
        elif fact_id not in new:
            changes[fact_id] = "removed"
        elif old[fact_id] != new[fact_id]:
            changes[fact_id] = _fact_change(old[fact_id], new[fact_id])
    return changes


def _fact_change(old: dict[str, Any], new: dict[str, Any]) -> str:
    before, after = old.get("value"), new.get("value")
    if before != after and show_value(before) != show_value(after):
        return f"value {show_value(before)} -> {show_value(after)}"
    if before != after and isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        return "changed " + ", ".join(f"value.{key}" for key in keys)
    fields = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    return "changed " + ", ".join(fields)


def show_value(value: Any) -> str:
    """Render a fact value briefly: `28800 seconds`, `yes`, `[arm64, x86_64]`, or its text."""
    if not isinstance(value, dict):
        return str(value)
    if "number" in value:
        return f"{value['number']:g} {value.get('unit', '')}".strip()
    if "yes_no" in value:
        return "yes" if value["yes_no"] else "no"
    for key in ("regions", "items"):
        if key in value:
            return "[" + ", ".join(value[key]) + "]"
    text = str(value.get("text", ""))
    return f'"{text if len(text) <= 50 else text[:47] + "..."}"'


def _other_changes(base: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Name the parts of the data besides facts that differ (rules, questions, gotchas...)."""
    keys = sorted((base.keys() | current.keys()) - {"facts", "scenarios", "meta"})
    return [key for key in keys if base.get(key) != current.get(key)]


def render(changes: list[Change], base: dict, current: dict, ref: str) -> str:
    """Render the report: what changed in the data, then each scenario that flipped."""
    facts = fact_changes(base, current)
    other = _other_changes(base, current)
    scenarios = current.get("scenarios", [])
    lines = [
        f"Data changes since {ref}: {len(facts)} fact{'s' * (len(facts) != 1)}"
        + (f"; also {', '.join(other)}" if other else "")
    ]
    lines += [f"  {fact_id}: {change}" for fact_id, change in facts.items()]
    lines.append("")

    errors = {change.error for change in changes}
    if len(changes) > 1 and len(errors) == 1 and None not in errors:
        lines.append(f"No scenario could be compared: {changes[0].error}")
        lines.append(f"(the data at {ref} may predate what the engine reads; try a newer ref)")
        return "\n".join(lines)

    for change in changes:
        lines.append(f"{change.scenario}: {change.title}")
        if change.error:
            lines.append(f"  could not be evaluated: {change.error}")
        for key, old, new in change.differences:
            lines.append(f"  {key}: {_show(old)} -> {_show(new)}")
        if change.causes:
            lines.append("  because of: " + "; ".join(change.causes))
        elif change.other_causes:
            lines.append(
                "  no fact it cites changed; other data changed: " + ", ".join(change.other_causes)
            )
        now = next((new for key, _, new in change.differences if key == "recommendation"), None)
        if change.expected and now and now != change.expected:
            lines.append(
                f"  the gallery expects {change.expected}: update the scenario or the data"
            )
    lines.append(f"{len(changes)} of {len(scenarios)} scenarios changed outcome since {ref}.")
    return "\n".join(lines)


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wizard impact",
        description="Show which gallery scenarios a data change flips, with the facts behind it.",
    )
    parser.add_argument("--base", required=True, metavar="REF", help="git ref to compare with")
    parser.add_argument(
        "--fail", action="store_true", help="exit 1 when any scenario's outcome changed"
    )
    parser.add_argument(
        "--data", type=Path, default=DATA_DIR, metavar="DIR", help="data folder (default: data/)"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
