"""The wizard under Material's instant navigation, below the site's sub-path.

Instant navigation swaps page content without reloading: the wizard must mount on every visit,
end its worker when the reader leaves, and keep one worker at most.
"""

from __future__ import annotations

import pytest
from wizard_support import serve, wait_ready

pytestmark = pytest.mark.browser


def link(page, name):
    return page.get_by_role("navigation").get_by_role("link", name=name, exact=True).first


def wizard_workers(page):
    # Material runs its own search worker on every page; count the wizard's only.
    return [worker for worker in page.workers if "/assets/wizard/worker.js" in worker.url]


def wait_for_workers(page, count):
    # Playwright drops a worker from page.workers once it has closed.
    for _ in range(100):
        if len(wizard_workers(page)) == count:
            return
        page.wait_for_timeout(50)
    assert len(wizard_workers(page)) == count


def test_instant_navigation_away_and_back(browser, built_site):
    # A server whose sitemap names its own address: Material navigates instantly only there.
    with serve(built_site.root) as origin:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        home = f"{origin}{built_site.prefix}"
        page.goto(home)
        # Material intercepts links only once it has read sitemap.xml.
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")

        # Into the wizard without a reload: it mounts and starts one worker.
        link(page, "Wizard").click()
        page.wait_for_url(f"{home}wizard/")
        wait_ready(page, {})
        assert page.evaluate("window.__sameDocument") is True
        assert len(wizard_workers(page)) == 1

        page.check("input[name='code_author'][value='users']")
        wait_ready(page, {"code_author": "users"})

        for _ in range(2):
            # Away: the worker ends with the page.
            link(page, "Compare").click()
            page.wait_for_url(f"{home}compare/")
            page.wait_for_function("() => !document.querySelector('[data-wizard]')")
            wait_for_workers(page, 0)

            # Back: mounted again from the address, one worker again.
            page.go_back()
            page.wait_for_function("() => location.pathname.endsWith('/wizard/')")
            wait_ready(page, {"code_author": "users"})
            assert page.is_checked("input[name='code_author'][value='users']")
            wait_for_workers(page, 1)
            assert page.evaluate("window.__sameDocument") is True
        context.close()
        assert not errors, errors


def test_documentation_pages_load_no_runtime(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    for address in ("", "compare/", "gotchas/"):
        page.goto(f"{site_server}{address}")
        page.wait_for_load_state("networkidle")

    runtime = [url for url in fetched if "/pyodide/" in url or "/assets/wizard/" in url]
    assert set(runtime) == {f"{site_server}assets/wizard/wizard.css"}
    assert wizard_workers(page) == []
    context.close()


def test_the_wizard_lives_below_the_sub_path(visit, site_server, built_site):
    assert built_site.prefix != "/"
    seen = visit("wizard/")
    wait_ready(seen.page, {})
    fetched: list[str] = []
    seen.page.on("request", lambda request: fetched.append(request.url))
    seen.page.reload()
    wait_ready(seen.page, {})

    assert [url for url in fetched if not url.startswith((site_server, "blob:", "data:"))] == []
    assert any(url.endswith("/assets/pyodide/pyodide.asm.wasm") for url in fetched)
    assert seen.problems() == []
