"""`python -m wizard check`: validate everything in data/ and print every problem at once.

Prints one line per problem, `file:line:col: key.path: message (hint)`, then one summary line,
and exits 1 if any problem is an error. The SDK-model checks run when botocore is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.dataset.loader import DATA_DIR
from wizard.dataset.problems import Problem, has_errors
from wizard.dataset.validate import check_documents, tidy
from wizard.maintain.printer import count_line, print_problems


def main(argv: list[str] | None = None) -> int:
    """Run the check; return 0 when the data is sound, 1 when any error was found."""
    options = _parser().parse_args(argv)
    problems, summary = run_checks(options.data, sdk=not options.no_sdk)

    print_problems(problems)
    print(count_line(problems, f"{options.data.name}/"))
    if summary:
        print(summary)
    return 1 if has_errors(problems) else 0


def run_checks(root: Path, *, sdk: bool = True) -> tuple[list[Problem], str]:
    """Run every check on the data folder `root`; return the problems and an SDK summary."""
    problems, docs = check_documents(root)
    if not sdk or not docs:
        return problems, ""

    try:
        from wizard.maintain.sdk_models import check_sdk
    except ImportError:  # botocore is a development dependency
        note = "SDK models: not checked (botocore is not installed; run `make setup`)"
        return problems, note

    report = check_sdk(docs)
    return tidy(problems + report.problems, docs), report.summary()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wizard check",
        description="Validate every file in data/ and report every problem at once.",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA_DIR, metavar="DIR", help="data folder (default: data/)"
    )
    parser.add_argument(
        "--no-sdk", action="store_true", help="skip the checks against the botocore models"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
