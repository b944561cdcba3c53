"""The embed page itself, and the page that documents it (issue #5).

The embed page (embed/) is opened on its own here, as a plain iframe's reader would see it:
no site chrome, zero axe-core violations in both colour schemes and with a host's accent, the
host's settings applied (theme, accent, date language) or refused with a notice, and the
settings kept in the address as the reader edits. The page "Embedding the wizard" shows its
live demo, also when Material's instant navigation brings the reader there.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from embed_support import guide_frame
from wizard_support import READY_MS, serve, site_url, wait_ready

from wizard.site import embed_contract

pytestmark = pytest.mark.browser

PRESETS = {"code_author": "users", "regions": ["eu-west-1"], "architecture": "arm64"}
SETTINGS = "locked=code_author,regions&hidden=gpu,io_wait_percent"
QUERY = f"?code_author=users&regions=eu-west-1&architecture=arm64&{SETTINGS}"
GERMAN_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def open_embed(visit, query: str, **options):
    """Open the embed page with `query`; wait for its first result; return the visit."""
    seen = visit(f"embed/{query}", **options)
    wait_ready(seen.page)
    return seen


@pytest.mark.parametrize(
    ("scheme", "accent"),
    [("light", ""), ("dark", ""), ("light", "&accent=ffd43b"), ("dark", "&accent=1b1b5e")],
    ids=["light", "dark", "light-pale-accent", "dark-dark-accent"],
)
def test_no_axe_violations(visit, axe, scheme, accent):
    seen = open_embed(visit, QUERY + accent, color_scheme=scheme)
    page = seen.page
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected

    # The wizard alone: no header, navigation, search or footer of the site.
    for chrome in (".md-header", ".md-sidebar", ".md-search", ".md-footer", ".md-tabs"):
        assert page.locator(chrome).count() == 0, chrome
    assert page.locator("#q-code_author[disabled]").is_visible()
    assert page.locator("#q-gpu").is_hidden()

    assert axe(page) == []
    assert seen.problems() == []


def test_theme_accent_and_date_language(visit):
    seen = open_embed(visit, "?theme=light&accent=%230B7285&lang=de-DE", color_scheme="dark")
    page = seen.page
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    button = page.locator(".wizard-form button[type='submit']")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(11, 114, 133)"
    date = page.locator("time[data-wizard-embed-date]")
    year, month, day = (int(part) for part in date.get_attribute("datetime").split("-"))
    assert date.get_attribute("lang") == "de-DE"
    assert date.text_content() == f"{day}. {GERMAN_MONTHS[month - 1]} {year}"
    assert page.locator(".wizard-embed-notices").count() == 0

    # On the dark scheme the same accent would not read: links move until they do.
    seen = open_embed(visit, "?theme=dark&accent=0b7285", color_scheme="light")
    page = seen.page
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    link, background = page.evaluate(
        """() => [
          getComputedStyle(document.querySelector(".wizard-embed-footer a:not(.md-button)")).color,
          getComputedStyle(document.body).backgroundColor,
        ]"""
    )
    assert contrast(link, background) >= 4.5, (link, background)
    assert seen.problems() == []


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(color: str) -> float:
        channels = [int(part) / 255 for part in re.findall(r"\d+", color)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_hostile_settings_are_refused_with_a_notice(visit):
    hostile = {
        "accent": "red;background:url(//attacker.invalid/x)",
        "theme": "<img src=x onerror=alert(1)>",
        "lang": "x-" + "a" * 60,
        "origin": "javascript:alert(1)",
        "locked": "code_author,no_such_question",
        "hidden": "Robert'); DROP TABLE",
    }
    query = "?code_author=users&" + "&".join(
        f"{name}={quote(value, safe='')}" for name, value in hostile.items()
    )
    seen = open_embed(visit, query)
    page = seen.page
    notices = page.locator(".wizard-embed-notices li").all_text_contents()
    for name in ("accent", "theme", "lang", "origin", "locked", "hidden"):
        assert any(name in notice for notice in notices), (name, notices)
    assert "no_such_question" in " ".join(notices)

    # Nothing of it took effect, nothing became markup, and the valid part still holds.
    assert page.locator(".wizard-embed-notices img").count() == 0
    assert page.evaluate("document.body.style.cssText") == ""
    assert page.locator("#q-code_author[disabled]").count() == 1
    assert page.evaluate("window.agentComputeGuideFrame.settings.origin") == ""
    assert page.evaluate("window.agentComputeGuideFrame.settings.theme") == "auto"
    # The wizard's own notices say nothing about the settings: they are not answers.
    assert page.locator(".wizard-notices").is_hidden()


def test_the_settings_stay_in_the_address_as_the_reader_edits(visit):
    seen = open_embed(visit, QUERY + "&theme=dark")
    page = seen.page
    # The settings are not answers: the result is for exactly the presets.
    wait_ready(page, PRESETS)
    page.check("input[name='os_features'][value='docker']")
    answers = {**PRESETS, "os_features": ["docker"]}
    wait_ready(page, answers)
    query = page.evaluate("location.search")
    assert "locked=code_author,regions" in query
    assert "hidden=gpu,io_wait_percent" in query
    assert "theme=dark" in query
    assert "os_features=docker" in query

    # A reload (the host's, or the frame's own) finds the frame as the host set it. (A reload
    # aborts whatever is still loading, the favicon say: check requests before it.)
    assert seen.problems() == []
    page.reload()
    wait_ready(page, answers)
    assert page.locator("#q-code_author[disabled]").count() == 1
    assert page.is_checked("input[name='os_features'][value='docker']")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert seen.console_errors == []


def test_the_contract_page_shows_its_live_demo(browser, built_site):
    markup = built_site.html("embedding/")
    site = site_url().rstrip("/") + "/"
    assert embed_contract.SITE_TOKEN not in markup
    assert f"{site}{embed_contract.SCRIPT_PATH}" in markup
    assert f"version is <strong>{embed_contract.VERSION}</strong>" in markup

    # Through Material's instant navigation, as a reader arrives from another page (served
    # with the sitemap Material needs to navigate instantly).
    with serve(built_site.root) as origin:
        guide = f"{origin}{built_site.prefix}"
        context = browser.new_context()
        page = context.new_page()
        page.goto(guide)
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")
        nav = page.get_by_role("navigation")
        nav.get_by_role("link", name="Embedding the wizard").first.click()
        page.wait_for_url(f"{guide}embedding/")
        page.wait_for_function(
            "() => (document.getElementById('embed-demo-log') || {textContent: ''})"
            ".textContent.includes('agent-compute-guide:result')",
            timeout=READY_MS,
        )
        assert page.evaluate("window.__sameDocument") is True
        log = page.locator("#embed-demo-log").text_content()
        assert '"type": "agent-compute-guide:result"' in log
        assert '"architecture": "arm64"' in log
        frame = guide_frame(page, guide)
        assert frame.is_disabled("input[name='architecture'][value='x86_64']")
        assert frame.locator("#q-io_wait_percent").is_hidden()

        # The schema the page points to is served, its $id its address below site_url.
        response = page.request.get(f"{guide}{embed_contract.SCHEMA_PATH}")
        assert response.ok
        assert response.json()["$id"] == f"{site}{embed_contract.SCHEMA_PATH}"
        context.close()
