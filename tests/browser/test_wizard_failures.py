"""When the engine cannot run, the reader sees what failed and what to do, never a spinner.

Each case breaks one thing a real host or browser breaks: the wasm file blocked, a
Content-Security-Policy without 'wasm-unsafe-eval', modules sent with the wrong type, the page
opened from file://, a browser without WebAssembly, a runtime that never arrives. In every case
the answers stay in the address and the scenario gallery is one click away.
"""

from __future__ import annotations

import json

import pytest
from wizard_support import serve, wait_failed, wait_ready

pytestmark = pytest.mark.browser

QUERY = "?code_author=users&os_features=docker"
ANSWERS = {"code_author": "users", "os_features": ["docker"]}
# The policy the README asks hosts to send, and the same without 'wasm-unsafe-eval'.
POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; "
    "worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'"
)
POLICY_WITHOUT_WASM = POLICY.replace(" 'wasm-unsafe-eval'", "")


def assert_explained(page, kind: str) -> None:
    """The failure names itself, says what to do, links the gallery and keeps the answers."""
    result = page.locator("#wizard-result")
    assert page.get_attribute("#wizard-result", "data-failure") == kind
    assert result.locator(".admonition-title, .wizard-status").first.is_visible()
    gallery = result.get_by_role("link", name="scenario gallery")
    assert gallery.count() >= 1
    assert gallery.first.get_attribute("href").endswith("scenarios/")
    assert QUERY.lstrip("?") in page.url
    assert page.is_checked("input[name='code_author'][value='users']")
    assert "cannot be computed" in page.locator(".wizard-live").text_content() or kind in (
        "file",
        "script",
    )


@pytest.fixture
def page(browser):
    """A fresh page to prepare (routes, scripts) before it opens the wizard."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def wizard_url(site_server):
    return f"{site_server}wizard/"


def test_blocked_wasm(page, wizard_url):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort("blockedbyclient"))
    page.goto(wizard_url + QUERY)
    assert wait_failed(page) == "wasm"
    assert_explained(page, "wasm")
    assert "pyodide.asm.wasm" in page.locator("#wizard-result").inner_text()


def test_csp_without_wasm_unsafe_eval(browser, built_site):
    with serve(
        built_site.root, headers={"Content-Security-Policy": POLICY_WITHOUT_WASM}
    ) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}{built_site.prefix}wizard/{QUERY}")
        assert wait_failed(page) == "csp"
        assert_explained(page, "csp")
        assert "wasm-unsafe-eval" in page.locator("#wizard-result").inner_text()
        context.close()


def test_the_documented_csp_is_enough(browser, built_site):
    with serve(built_site.root, headers={"Content-Security-Policy": POLICY}) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}{built_site.prefix}wizard/{QUERY}")
        assert wait_ready(page, ANSWERS)
        context.close()


def test_modules_sent_with_the_wrong_type(browser, built_site):
    with serve(built_site.root, types={".mjs": "application/octet-stream"}) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}{built_site.prefix}wizard/{QUERY}")
        assert wait_failed(page) == "runtime"
        assert_explained(page, "runtime")
        assert "text/javascript" in page.locator("#wizard-result").inner_text()
        context.close()


def test_wasm_sent_with_the_wrong_type(browser, built_site):
    # Pyodide compiles the wasm while it streams in, which needs application/wasm.
    with serve(built_site.root, types={".wasm": "application/octet-stream"}) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}{built_site.prefix}wizard/{QUERY}")
        assert wait_failed(page) == "mime"
        assert_explained(page, "mime")
        assert "application/wasm" in page.locator("#wizard-result").inner_text()
        context.close()


def test_opened_from_a_file(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site.site_dir / "wizard" / "index.html").as_uri() + QUERY)
    assert wait_failed(page) == "file"
    assert "http.server" in page.locator("#wizard-result").inner_text()
    assert page.get_attribute("#wizard-result a", "href").endswith("scenarios/")
    context.close()


def test_a_browser_without_webassembly(page, wizard_url):
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(wizard_url + QUERY)
    assert wait_failed(page) == "browser"
    assert_explained(page, "browser")
    assert page.evaluate("performance.getEntriesByName('wizard:form-usable').length") == 1


def test_a_runtime_that_never_arrives_times_out(page, wizard_url):
    def short_timeout(route):
        runtime = json.loads(route.fetch().text())
        runtime["timeout_seconds"] = 2
        route.fulfill(json=runtime)

    page.route("**/runtime.json*", short_timeout)
    # Hold the wasm download forever: the route is never answered.
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(wizard_url + QUERY)
    assert wait_failed(page) == "timeout"
    assert_explained(page, "timeout")
    assert page.locator("#wizard-result").get_by_text("Still loading after 2 seconds").count()
