"""`python -m wizard freshness`: list the facts and gotchas past their review date.

Each is printed in the one problem form, at its `review_by` line: a warning while it is
within the grace period (`review_grace_days` in data/meta.yaml), an error beyond it. With
`--fail` (as CI runs it) the command exits 1 when any is beyond the grace period.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from wizard.dataset.freshness import days_past_review, review_status
from wizard.dataset.loader import DATA_DIR
from wizard.dataset.problems import Problem, has_errors
from wizard.dataset.validate import read_documents
from wizard.dataset.yamlfile import Document
from wizard.maintain.printer import print_problems

EXIT_DATA = 3

# The record kinds that carry review_by, and what to call one.
REVIEWED = {"facts": "fact", "gotchas": "gotcha"}


def main(argv: list[str] | None = None) -> int:
    """List records past review; with --fail, exit 1 if any is past the grace period."""
    options = _parser().parse_args(argv)
    docs = read_documents(options.data)
    unreadable = [problem for doc in docs if not doc.readable for problem in doc.problems]
    if unreadable:
        print_problems(unreadable, sys.stderr)
        print("Run `python -m wizard check` for every problem.", file=sys.stderr)
        return EXIT_DATA

    grace = _grace_days(docs)
    problems = stale_records(docs, options.today, grace)
    print_problems(problems)
    print(_summary(problems, options.today, grace))
    return 1 if options.fail and has_errors(problems) else 0


def stale_records(docs: list[Document], today: dt.date, grace_days: int) -> list[Problem]:
    """Return a problem for every fact or gotcha past review: a warning, or an error past grace."""
    problems = []
    for doc in docs:
        for kind, noun in REVIEWED.items():
            records = doc.data.get(kind) if isinstance(doc.data, dict) else None
            for index, record in enumerate(records if isinstance(records, list) else []):
                if not isinstance(record, dict):
                    continue
                status = review_status(record, today, grace_days)
                if status == "current":
                    continue
                days = days_past_review(record, today)
                when = f"{days} day{'s' * (days != 1)} ago"
                beyond = (
                    f", beyond the {grace_days}-day grace period" if status == "overdue" else ""
                )
                problems.append(
                    doc.problem(
                        (kind, index, "review_by"),
                        f'{noun} "{record.get("id")}" was due for review on '
                        f"{record['review_by']}, {when}{beyond}",
                        "check its sources again, then update the value, as_of and review_by",
                        level="error" if status == "overdue" else "warning",
                    )
                )
    return sorted(problems)


def _grace_days(docs: list[Document]) -> int:
    for doc in docs:
        if doc.file.endswith("/meta.yaml") and isinstance(doc.data, dict):
            grace = doc.data.get("review_grace_days")
            if isinstance(grace, int) and not isinstance(grace, bool):
                return grace
    return 0


def _summary(problems: list[Problem], today: dt.date, grace: int) -> str:
    overdue = sum(problem.level == "error" for problem in problems)
    if not problems:
        return f"Freshness on {today}: nothing is past review."
    return (
        f"Freshness on {today}: {len(problems)} past review, {overdue} of them beyond the "
        f"{grace}-day grace period."
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wizard freshness",
        description="List the facts and gotchas past their review_by date.",
    )
    parser.add_argument(
        "--fail",
        action="store_true",
        help="exit 1 when any is past review_by plus review_grace_days (data/meta.yaml)",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        metavar="YYYY-MM-DD",
        help="the date to judge by (default: today)",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA_DIR, metavar="DIR", help="data folder (default: data/)"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
