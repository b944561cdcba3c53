"""The wizard with a keyboard only, and axe-core in both colour schemes.

axe-core comes from the npm registry (node_modules/axe-core, pinned in package.json) and is
injected by the test; the page itself never loads it.
"""

from __future__ import annotations

import pytest
from wizard_support import wait_ready

pytestmark = pytest.mark.browser

QUERY = "?code_author=both&regions=us-west-2&os_features=docker,os_packages&session_hours=3"
ANSWERS = {
    "code_author": "both",
    "regions": ["us-west-2"],
    "os_features": ["docker", "os_packages"],
    "session_hours": 3,
}


def tab_to(page, selector: str, limit: int = 250) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} never got the focus by Tab")


def test_the_wizard_can_be_completed_with_a_keyboard(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_server}wizard/")
    wait_ready(page, {})

    # A radio group: Tab reaches the checked option, arrows choose.
    tab_to(page, "input[name='code_author']")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("input[name='code_author'][value='agent']")

    # A checkbox: Space ticks it.
    tab_to(page, "input[name='os_features'][value='docker']")
    page.keyboard.press("Space")

    # A number: type it.
    tab_to(page, "input[name='vcpus']")
    page.keyboard.type("2")

    # Submit: the result heading takes the focus, and the live region speaks.
    tab_to(page, ".wizard-form button[type='submit']")
    page.keyboard.press("Enter")
    answers = {"code_author": "agent", "os_features": ["docker"], "vcpus": 2}
    shown = wait_ready(page, answers)
    assert page.evaluate("document.activeElement.id") == "recommendation"
    page.wait_for_function(
        "() => document.querySelector('.wizard-live').textContent.startsWith('Recommendation:')"
    )
    assert shown in ("agentcore-runtime", "lambda-microvms", "both", "neither")
    # The focus is visible on the heading.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(visit, axe, scheme):
    seen = visit(f"wizard/{QUERY}&foo=bar", color_scheme=scheme)
    page = seen.page
    wait_ready(page, ANSWERS)
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    # Everything the page can show at once: notices, result, warnings, flip, assumptions.
    assert page.locator(".wizard-notices").is_visible()
    assert page.locator("#wizard-result h3").count() >= 4

    assert axe(page) == []
    assert seen.problems() == []
