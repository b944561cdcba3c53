"""When facts are due for review: the rules the site, the CLI and CI share.

A fact (or gotcha) may carry `review_by`, the date by which someone should check its sources
again. Past that date it is *due*; past it by more than `review_grace_days` (data/meta.yaml)
it is *overdue*, and `python -m wizard freshness --fail` (run by CI) fails.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

Status = Literal["current", "due", "overdue"]


def is_past_review(record: dict[str, Any], today: dt.date | str) -> bool:
    """Say whether the record's `review_by` date is before `today`.

    Records without `review_by` are never past review.

    >>> is_past_review({"review_by": "2027-01-15"}, "2027-01-16")
    True
    >>> is_past_review({"review_by": "2027-01-15"}, dt.date(2027, 1, 15))
    False
    >>> is_past_review({"as_of": "2026-12-03"}, "2030-01-01")
    False
    """
    review_by = _date(record.get("review_by"))
    return review_by is not None and review_by < _date(today)


def review_status(record: dict[str, Any], today: dt.date | str, grace_days: int) -> Status:
    """Return `current`, `due` (past review_by) or `overdue` (past it plus the grace days).

    >>> review_status({"review_by": "2027-01-15"}, "2027-02-14", 30)
    'due'
    >>> review_status({"review_by": "2027-01-15"}, "2027-02-15", 30)
    'overdue'
    """
    if not is_past_review(record, today):
        return "current"
    review_by = _date(record["review_by"])
    assert review_by is not None
    late = (_date(today) - review_by).days
    return "overdue" if late > grace_days else "due"


def days_past_review(record: dict[str, Any], today: dt.date | str) -> int:
    """Return how many days `today` is past the record's review_by (0 when not past it)."""
    review_by = _date(record.get("review_by"))
    if review_by is None:
        return 0
    return max((_date(today) - review_by).days, 0)


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
