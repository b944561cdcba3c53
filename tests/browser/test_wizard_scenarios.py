"""Every gallery scenario, answered through the wizard's form, gives the CPython engine's answer.

One page serves all scenarios (the engine boots once): each test clears the form, clicks and
types the scenario's answers, and compares the recommendation the page shows with the one
`wizard.engine.evaluate` gives under CPython for the same answers.
"""

from __future__ import annotations

import pytest
from wizard_support import SCENARIOS, answer, canonical, questions, scenario, wait_ready

from wizard.dataset import load_bundle
from wizard.engine import evaluate
from wizard.engine.query import to_query

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle():
    return load_bundle()


@pytest.fixture(scope="module")
def wizard(browser, site_server):
    """One wizard page, engine booted, shared by the scenarios of this module."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_server}wizard/")
    wait_ready(page, {})
    yield page
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_scenario_answered_through_the_form(path, wizard, bundle):
    answers = canonical(scenario(path)["answers"], questions())

    wizard.click(".wizard-form button[type='reset']")
    wait_ready(wizard, {})
    answer(wizard, answers)
    shown = wait_ready(wizard, answers)

    assert shown == evaluate(answers, bundle)["recommendation"]
    # The address carries the same answers, with the data version and the outcome.
    version = bundle["meta"]["data_version"]
    query = to_query(answers, version, shown) if answers else ""
    wizard.wait_for_function("query => location.search === query", arg=query)
