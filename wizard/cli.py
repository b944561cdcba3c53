"""The command line: `python -m wizard` asks, answers from a file, or runs a maintainer tool.

Exit codes (documented in --help and the README):
  0  a recommendation was printed (or a maintainer command passed)
  1  a maintainer command found problems (check, freshness --fail, impact --fail)
  2  the command line or the answers were invalid; every problem is on stderr
  3  the data in data/ could not be loaded
  130  interrupted (Ctrl-C); nothing was written
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_DATA, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

# Maintainer commands: `python -m wizard NAME ...` runs wizard.maintain.NAME.main(argv).
COMMANDS = {
    "check": "validate every file in data/ and report every problem",
    "freshness": "list facts past their review date",
    "impact": "show which gallery scenarios a data change flips",
}

EPILOG = """\
maintainer commands:
  python -m wizard check        validate data/ (file:line:col: key.path: message)
  python -m wizard freshness    list facts past review_by (--fail for CI)
  python -m wizard impact --base REF
                                scenarios whose outcome differs from the data at REF

exit codes:
  0 recommendation printed   2 invalid command line or answers (stderr)
  1 maintainer check failed  3 data could not be loaded   130 interrupted
"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        module = importlib.import_module(f"wizard.maintain.{argv[0]}")
        return module.main(argv[1:])

    options = _parser().parse_args(argv)
    try:
        return _recommend(options)
    except KeyboardInterrupt:
        print("\nInterrupted; nothing was written.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wizard",
        description=(
            "Recommend where agents and untrusted code run on AWS: AgentCore Runtime, "
            "Lambda MicroVMs, both, or neither. Without --answers, asks in the terminal."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--answers",
        metavar="FILE",
        help="YAML or JSON answers (a mapping of question id to value, or a scenario file); "
        "'-' reads standard input",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text for people, json for the result contract, markdown for a MADR record",
    )
    parser.add_argument(
        "--data", metavar="DIR", type=Path, help="data directory (default: the project's data/)"
    )
    return parser


def _recommend(options: argparse.Namespace) -> int:
    from wizard.engine import InvalidAnswers, evaluate

    bundle = _load_data(options.data)
    if bundle is None:
        return EXIT_DATA

    if options.answers:
        answers = _read_answers(options.answers)
        if answers is None:
            return EXIT_USAGE
    else:
        from wizard.ask import ask_all

        answers = ask_all(bundle, sys.stdin, sys.stderr)

    try:
        result = evaluate(answers, bundle)
    except InvalidAnswers as error:
        source = options.answers or "your answers"
        for problem in error.problems:
            print(
                f"{source}: {problem['message']} (allowed: {problem['allowed']})", file=sys.stderr
            )
        return EXIT_USAGE

    print(_render(result, bundle, options.format))
    return EXIT_OK


def _load_data(root: Path | None) -> dict[str, Any] | None:
    from wizard.dataset import DATA_DIR, load_bundle

    try:
        return load_bundle(root or DATA_DIR)
    except Exception as error:  # any load failure is reported with its cause, never raised
        print(f"{root or DATA_DIR}: the data could not be loaded: {error}", file=sys.stderr)
        print("Run `python -m wizard check` for every problem with its line.", file=sys.stderr)
        return None


def _read_answers(name: str) -> dict[str, Any] | None:
    import yaml

    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as error:
        print(f"{name}: cannot read the answers file: {error.strerror}", file=sys.stderr)
        return None
    try:
        # JSON is YAML, so one parser reads both.
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        print(f"{name}: not valid YAML or JSON: {error}", file=sys.stderr)
        return None

    if isinstance(document, dict) and isinstance(document.get("answers"), dict):
        document = document["answers"]  # a scenario file from data/scenarios/
    if document is None:
        document = {}
    if not isinstance(document, dict):
        print(f"{name}: answers must be a mapping of question id to value", file=sys.stderr)
        return None
    return document


def _render(result: dict[str, Any], bundle: dict[str, Any], form: str) -> str:
    if form == "json":
        return json.dumps(result, indent=2, ensure_ascii=False)
    if form == "markdown":
        from wizard.engine.record import render_markdown

        return render_markdown(result, bundle)
    from wizard.report import render_text

    return render_text(result, bundle)
