"""Browser fixtures: the built site on a local server, and Debian's Chromium through Playwright.

Reuse them in any browser test:

    @pytest.mark.browser
    def test_something(visit, site_server):
        seen = visit("compare/", color_scheme="dark", width=360)
        assert seen.problems() == []

`visit(page)` opens a page of the built site (its address below the sub-path, "" for home)
in a fresh browser context and records what a reader would not want: console errors, uncaught
exceptions, requests to any origin but the local server (they are also blocked), and failed
requests. Shadow roots are forced open so tests can see inside Mermaid's diagrams.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from site_support import CHROMIUM, CHROMIUM_ARGS, ROOT, SiteBuild

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Material renders each Mermaid diagram into a closed shadow root; open ones let the tests
# (and axe-core) look at the SVG. Nothing else on the site uses shadow DOM.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attachShadow.call(this, { ...init, mode: "open" });
};
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    # A tab closed while a file is still streaming resets the connection; that is normal.
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_server(built_site: SiteBuild) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 under its sub-path; yield the site's base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{built_site.prefix}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Launch Debian's Chromium once per session (never skip: fail with what to install)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: install it with `sudo apt-get install chromium` "
            "(or run `bash .ci/ensure-chromium`), or set CHROMIUM to another build"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """One page of the site, open in Chromium, and what went wrong while it loaded."""

    page: Any
    url: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Return every recorded problem, each prefixed with what kind it is."""
        return (
            [f"console: {text}" for text in self.console_errors]
            + [f"request to another origin: {url}" for url in self.foreign_requests]
            + [f"failed request: {url}" for url in self.failed_requests]
        )

    def close(self) -> None:
        """Close the tab (its browser context stays open for the next visit)."""
        self.page.close()


@pytest.fixture
def visit(browser: Any, site_server: str) -> Iterator[Callable[..., Visit]]:
    """Return `visit(page, color_scheme="light", width=1280)`: open a page, record problems.

    Visits with the same scheme and size share one browser context, so its HTTP cache spares
    re-fetching Mermaid on every page; each visit still gets a fresh tab. Requests to any
    origin but the local server are recorded and aborted.
    """
    parts = urlsplit(site_server)
    origin = f"{parts.scheme}://{parts.netloc}/"
    contexts: dict[tuple[str, int, int], tuple[Any, list[Visit]]] = {}

    def context_for(color_scheme: str, width: int, height: int) -> tuple[Any, list[Visit]]:
        key = (color_scheme, width, height)
        if key in contexts:
            return contexts[key]
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme
        )
        context.add_init_script(OPEN_SHADOW_ROOTS)
        visits: list[Visit] = []

        # Requests from workers have no page; they belong to the visit that is loading.
        def on_request(request: Any) -> None:
            if visits and not request.url.startswith((origin, "data:", "blob:")):
                visits[-1].foreign_requests.append(request.url)

        context.on("request", on_request)
        context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
        contexts[key] = (context, visits)
        return contexts[key]

    def open_page(
        page: str, *, color_scheme: str = "light", width: int = 1280, height: int = 900
    ) -> Visit:
        context, visits = context_for(color_scheme, width, height)
        tab = context.new_page()
        seen = Visit(tab, site_server + page)
        visits.append(seen)

        def on_console(message: Any) -> None:
            if message.type == "error":
                seen.console_errors.append(message.text)

        def on_failed(request: Any) -> None:
            if request.url.startswith(origin):
                seen.failed_requests.append(request.url)

        tab.on("console", on_console)
        tab.on("pageerror", lambda error: seen.console_errors.append(f"uncaught: {error}"))
        tab.on("requestfailed", on_failed)
        tab.goto(seen.url, wait_until="load")
        return seen

    yield open_page
    for context, _ in contexts.values():
        context.close()


@pytest.fixture(scope="session")
def axe() -> Callable[[Any], list[dict[str, Any]]]:
    """Return a function that runs axe-core (from node_modules) on a page; [] means clean."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing; install the Node packages with `npm ci`")
    source = AXE.read_text(encoding="utf-8")

    def run(page: Any) -> list[dict[str, Any]]:
        page.add_script_tag(content=source)
        return page.evaluate(
            """async () => {
              const result = await axe.run(document, { resultTypes: ["violations"] });
              return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
              }));
            }"""
        )

    return run
