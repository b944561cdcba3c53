"""When a fact is due for review: the helper the site and the CLI share."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.dataset import is_past_review
from wizard.dataset.freshness import days_past_review, review_status

FACT = {"id": "mv-regions", "as_of": "2026-08-07", "review_by": "2027-01-15"}


@pytest.mark.parametrize(
    ("today", "past", "status", "days"),
    [
        ("2027-01-14", False, "current", 0),
        ("2027-01-15", False, "current", 0),
        ("2027-01-16", True, "due", 1),
        ("2027-02-14", True, "due", 30),
        ("2027-02-15", True, "overdue", 31),
    ],
)
def test_review_status_by_day(today, past, status, days):
    assert is_past_review(FACT, today) is past
    assert review_status(FACT, today, grace_days=30) == status
    assert days_past_review(FACT, today) == days


def test_dates_may_be_date_objects():
    assert is_past_review(FACT, dt.date(2027, 1, 16)) is True


def test_a_fact_without_review_by_is_never_past_review():
    fact = {"id": "ac-billing", "as_of": "2020-01-01"}

    assert is_past_review(fact, "2099-01-01") is False
    assert review_status(fact, "2099-01-01", grace_days=0) == "current"
