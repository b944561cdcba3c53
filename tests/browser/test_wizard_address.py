"""The wizard's answers live in the address: links, Back and Forward, anchors, hostile values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wizard_support import canonical, questions, serve, wait_ready

from wizard.dataset import load_bundle
from wizard.engine import evaluate
from wizard.engine.query import to_query
from wizard.engine.record import render_markdown

pytestmark = pytest.mark.browser

ANSWERS = {
    "code_author": "users",
    "regions": ["us-east-1", "eu-west-1"],
    "os_features": ["docker"],
    "gpu": False,
    "session_hours": 2.5,
}
QUERY = (
    "?code_author=users&regions=us-east-1,eu-west-1&os_features=docker&gpu=no&session_hours=2.5"
)


@pytest.fixture(scope="module")
def bundle():
    return load_bundle()


@pytest.fixture
def wizard(visit):
    """Open the wizard with a query; fail the test on a console error or a foreign request."""
    opened = []

    def open_wizard(query: str = ""):
        seen = visit(f"wizard/{query}")
        opened.append(seen)
        return seen.page

    yield open_wizard
    for seen in opened:
        assert seen.problems() == []


def form_state(page) -> dict:
    """Read back what the form shows, as answers (unchecked and empty fields left out)."""
    return page.evaluate(
        """() => {
          const state = {};
          for (const input of document.querySelectorAll(".wizard-form input")) {
            if (input.type === "number") {
              if (input.value !== "") state[input.name] = Number(input.value);
            } else if (input.type === "checkbox") {
              if (input.checked) (state[input.name] ||= []).push(input.value);
            } else if (input.checked && input.value !== "") {
              state[input.name] = input.value === "yes" ? true
                : input.value === "no" ? false : input.value;
            }
          }
          return state;
        }"""
    )


def test_a_link_restores_the_answers_and_the_result(wizard, bundle):
    page = wizard(QUERY)
    shown = wait_ready(page, ANSWERS)

    assert form_state(page) == ANSWERS
    assert shown == evaluate(ANSWERS, bundle)["recommendation"]
    # Once the result is in, the address carries the answers in question order, with the
    # data version and the outcome.
    version = bundle["meta"]["data_version"]
    expected = to_query(canonical(ANSWERS, questions()), version, shown)
    page.wait_for_function("query => location.search === query", arg=expected)

    # The address opens the same state in a new tab.
    other = page.context.new_page()
    other.goto(page.url)
    assert wait_ready(other, ANSWERS) == shown
    assert form_state(other) == ANSWERS
    assert other.locator(".wizard-notices").is_hidden()
    other.close()


def test_copy_link_gives_the_current_answers(wizard, site_server, bundle):
    page = wizard("?code_author=agent")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    shown = wait_ready(page, {"code_author": "agent"})

    page.click("[data-wizard-action='copy']")
    copied = page.evaluate("navigator.clipboard.readText()")

    version = bundle["meta"]["data_version"]
    assert copied == f"{site_server}wizard/?code_author=agent&v={version}&r={shown}"
    assert page.locator(".wizard-live").text_content() == "Link copied."


def test_back_and_forward_step_through_edits(wizard):
    page = wizard()
    wait_ready(page, {})

    page.check("input[name='code_author'][value='users']")
    wait_ready(page, {"code_author": "users"})
    page.check("input[name='os_features'][value='docker']")
    wait_ready(page, {"code_author": "users", "os_features": ["docker"]})
    page.fill("input[name='vcpus']", "12")
    three = {"code_author": "users", "os_features": ["docker"], "vcpus": 12}
    wait_ready(page, three)

    # Typing "12" is one history entry, not two.
    page.go_back()
    wait_ready(page, {"code_author": "users", "os_features": ["docker"]})
    assert form_state(page) == {"code_author": "users", "os_features": ["docker"]}
    page.go_back()
    wait_ready(page, {"code_author": "users"})
    assert form_state(page) == {"code_author": "users"}
    page.go_back()
    wait_ready(page, {})
    assert form_state(page) == {}

    page.go_forward()
    page.go_forward()
    page.go_forward()
    wait_ready(page, three)
    assert form_state(page) == three


def test_a_heading_anchor_keeps_the_answers(browser, built_site):
    # Served where the sitemap names this address, so Material's instant navigation handles
    # the click, as it does on the published site.
    with serve(built_site.root) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}{built_site.prefix}wizard/?code_author=both")
        wait_ready(page, {"code_author": "both"})
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")

        page.hover("#questions")
        page.click("#questions a.headerlink")

        page.wait_for_function("() => location.hash === '#questions'")
        assert "code_author=both" in page.url
        assert page.evaluate("window.__sameDocument") is True
        assert form_state(page) == {"code_author": "both"}
        page.reload()
        assert wait_ready(page, {"code_author": "both"})
        assert form_state(page) == {"code_author": "both"}
        context.close()


HOSTILE = (
    "?code_author=%3Cimg%20src%3Dx%20onerror%3D%22window.__hostile%3D1%22%3E"
    "&regions=us-east-1,%3Cscript%3Ewindow.__hostile%3D2%3C/script%3E,mars-north-1"
    "&os_features=docker,__proto__"
    "&gpu=maybe"
    "&vcpus=1e999"
    "&memory_gib=-4"
    "&__proto__=x&constructor=y"
    "&%3Cb%3Ebold%3C/b%3E=1"
    "&r=%3Ci%3E"
)


def test_hostile_values_are_ignored_and_never_markup(wizard):
    page = wizard(HOSTILE)
    wait_ready(page, {"regions": ["us-east-1"], "os_features": ["docker"]})

    notices = page.locator(".wizard-notices")
    assert notices.is_visible()
    text = notices.inner_text()
    for part in ("code_author", "mars-north-1", "__proto__", "gpu", "vcpus", "memory_gib", "r="):
        assert part in text, part
    # What came from the address is text on the page, never elements.
    assert "<script>window.__hostile=2</script>" in text
    assert page.locator(".wizard img, .wizard script, .wizard b, .wizard i").count() == 0
    assert page.evaluate("window.__hostile") is None
    assert page.evaluate("() => Object.prototype.x === undefined && ({}).constructor === Object")
    # The engine refused the negative memory; the field says so.
    assert page.get_attribute("input[name='memory_gib']", "aria-invalid") == "true"
    assert form_state(page) == {
        "regions": ["us-east-1"],
        "os_features": ["docker"],
        "memory_gib": -4,
    }


def test_a_link_made_with_older_data_says_whether_the_outcome_changed(wizard, bundle):
    current = evaluate({"code_author": "agent"}, bundle)["recommendation"]
    other = "lambda-microvms" if current != "lambda-microvms" else "both"

    page = wizard(f"?code_author=agent&v=2026.01.01&r={current}")
    wait_ready(page, {"code_author": "agent"})
    note = page.locator(".wizard-notices .admonition.info")
    assert "2026.01.01" in note.inner_text()
    assert "same recommendation" in note.inner_text()

    page = wizard(f"?code_author=agent&v=2026.01.01&r={other}")
    wait_ready(page, {"code_author": "agent"})
    note = page.locator(".wizard-notices .admonition.info")
    assert "changes the outcome" in note.inner_text()

    page = wizard("?code_author=agent&v=2026.01.01")
    wait_ready(page, {"code_author": "agent"})
    assert "cannot be compared" in page.locator(".wizard-notices").inner_text()


def test_the_form_submits_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}wizard/")
    page.check("input[name='code_author'][value='users']")
    page.check("input[name='os_features'][value='docker']")
    page.check("input[name='os_features'][value='pty']")
    page.click(".wizard-form button[type='submit']")
    page.wait_for_url("**code_author=users**")
    assert "os_features=docker&os_features=pty" in page.url
    assert page.locator("noscript").count() >= 1
    context.close()

    # The link a plain form makes is one the wizard reads.
    context = browser.new_context()
    live = context.new_page()
    live.goto(page.url)
    wait_ready(live, {"code_author": "users", "os_features": ["docker", "pty"]})
    assert live.locator(".wizard-notices").is_hidden()
    context.close()


def test_downloads_give_the_record_and_the_result(wizard, bundle):
    page = wizard("?code_author=users&os_features=docker")
    answers = {"code_author": "users", "os_features": ["docker"]}
    wait_ready(page, answers)
    expected = evaluate(answers, bundle)

    with page.expect_download() as record:
        page.click("[data-wizard-action='record']")
    markdown = Path(record.value.path()).read_text(encoding="utf-8")
    assert markdown == render_markdown(expected, bundle)
    assert record.value.suggested_filename == f"decision-record-{expected['recommendation']}.md"

    with page.expect_download() as result:
        page.click("[data-wizard-action='json']")
    assert json.loads(Path(result.value.path()).read_text(encoding="utf-8")) == expected
