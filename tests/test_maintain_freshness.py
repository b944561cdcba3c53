"""`python -m wizard freshness`: facts past review, and --fail past the grace period."""

from __future__ import annotations

import pytest
from fault_support import base_data

from wizard.maintain import freshness

# The base data has one fact with a review date: ac-regions, review_by 2027-03-01, at line 17.
DUE = (
    'data/facts/base.yaml:17:16: facts[1].review_by: warning: fact "ac-regions" was due for '
    "review on 2027-03-01, 14 days ago (check its sources again, then update the value, as_of "
    "and review_by)"
)
OVERDUE = (
    'data/facts/base.yaml:17:16: facts[1].review_by: fact "ac-regions" was due for review on '
    "2027-03-01, 45 days ago, beyond the 30-day grace period (check its sources again, then "
    "update the value, as_of and review_by)"
)

PAST = "1 past review, {} of them beyond the 30-day grace period."


@pytest.mark.parametrize(
    ("today", "flags", "code", "lines"),
    [
        ("2027-02-01", ["--fail"], 0, ["Freshness on 2027-02-01: nothing is past review."]),
        (
            "2027-03-15",
            ["--fail"],
            0,
            [
                DUE,
                "Freshness on 2027-03-15: " + PAST.format(0),
            ],
        ),
        (
            "2027-04-15",
            [],
            0,
            [
                OVERDUE,
                "Freshness on 2027-04-15: " + PAST.format(1),
            ],
        ),
        (
            "2027-04-15",
            ["--fail"],
            1,
            [
                OVERDUE,
                "Freshness on 2027-04-15: " + PAST.format(1),
            ],
        ),
    ],
    ids=["before", "within-grace", "past-grace-listed", "past-grace-fails"],
)
def test_freshness_by_date(tmp_path, capsys, today, flags, code, lines):
    root = base_data(tmp_path)

    assert freshness.main(["--data", str(root), "--today", today, *flags]) == code
    assert capsys.readouterr().out.splitlines() == lines


def test_the_grace_period_comes_from_meta(tmp_path, capsys):
    root = base_data(tmp_path)
    meta = root / "meta.yaml"
    meta.write_text(meta.read_text().replace("review_grace_days: 30", "review_grace_days: 0"))

    assert freshness.main(["--data", str(root), "--today", "2027-03-02", "--fail"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Freshness on 2027-03-02: 1 past review, 1 of them beyond the 0-day grace period."
    )


def test_unreadable_data_exits_3_and_says_why(tmp_path, capsys):
    root = base_data(tmp_path)
    (root / "facts" / "base.yaml").write_text("facts: [\n")

    assert freshness.main(["--data", str(root), "--today", "2027-03-02"]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "data/facts/base.yaml:2:1: (file): YAML syntax error: expected the node content, but "
        "found '<stream end>' (while parsing a flow node at line 2)",
        "Run `python -m wizard check` for every problem.",
    ]
