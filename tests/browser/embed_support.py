"""What the embed tests share (issue #5): a host site on another origin, and its pages.

The built site is served by the conftest's `site_server`; the host pages that embed it come
from a second loopback server on another port, so every message crosses origins as it would
between a portal and the guide. Host pages are written per test: `host.page(body, headers)`
returns the address of a fresh page whose <body> is `body`.

The fixtures are registered under their `name` (`host`, `guide`, `guide_origin`,
`embed_context`, `host_page`); a test module imports the functions (`host_fixture`, …), so
its parameters never shadow an imported name.
"""

from __future__ import annotations

import html
import http.server
import itertools
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page
from wizard_support import READY_MS

# Debian's Chromium, as tests/browser/conftest.py launches it (for a persistent profile).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NAMESPACE = "agent-compute-guide"
RESULT = f"{NAMESPACE}:result"
RESIZE = f"{NAMESPACE}:resize"

# Recorded by every host page before embed.js loads: each DOM result event, and every message
# the window receives, with whether it came from the embed's own iframe.
RECORDER = """<script>
  window.events = [];
  window.messages = [];
  document.addEventListener("agent-compute-guide:result", (event) => {
    window.events.push(event.detail);
  });
  window.addEventListener("message", (event) => {
    const frame = document.querySelector("[data-agent-compute-guide] iframe, iframe.guide");
    window.messages.push({
      origin: event.origin,
      data: event.data,
      fromGuide: Boolean(frame) && event.source === frame.contentWindow,
    });
  });
</script>"""


class _HostHandler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, dict[str, str]]]] = {}

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path not in self.pages:
            # Chromium asks every origin for /favicon.ico; say "nothing" without an error.
            self.send_response(204 if path == "/favicon.ico" else 404)
            self.end_headers()
            return
        body, headers = self.pages[path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@dataclass
class Host:
    """A loopback server for host pages; `page()` adds one and returns its address."""

    origin: str
    pages: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    _numbers: Iterator[int] = field(default_factory=itertools.count)

    def page(self, body: str, headers: dict[str, str] | None = None, head: str = "") -> str:
        """Serve a host page with `body` (after the recorder script); return its address."""
        path = f"/portal-{next(self._numbers)}.html"
        html = (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>A portal</title>{head}</head>\n<body>\n<main>\n<h1>A portal</h1>\n"
            f"{RECORDER}\n{body}\n</main>\n</body></html>\n"
        )
        self.pages[path] = (html, headers or {})
        return self.origin + path


@pytest.fixture(scope="session", name="host")
def host_fixture() -> Iterator[Host]:
    """The host site: another loopback origin (another port) than the guide's."""
    pages: dict[str, tuple[str, dict[str, str]]] = {}
    handler = type("Handler", (_HostHandler,), {"pages": pages})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Host(f"http://127.0.0.1:{server.server_address[1]}", pages)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session", name="guide")
def guide_fixture(site_server: str) -> str:
    """The guide's address: its origin and sub-path, e.g. http://127.0.0.1:4321/prefix/."""
    return site_server


@pytest.fixture(scope="session", name="guide_origin")
def guide_origin_fixture(site_server: str) -> str:
    """The guide's origin alone: what `event.origin` says of its messages."""
    parts = urlsplit(site_server)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="module", name="embed_context")
def embed_context_fixture(browser: Browser) -> Iterator[BrowserContext]:
    """One browser context per test module: its pages share the HTTP cache, so only the
    module's first page downloads the Python runtime (as a returning reader would)."""
    opened = browser.new_context()
    yield opened
    opened.close()


@pytest.fixture(name="host_page")
def host_page_fixture(
    embed_context: BrowserContext, guide_origin: str, host: Host
) -> Iterator[Page]:
    """A tab for host pages; fails the test on a page error or a request to a third origin."""
    opened = embed_context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    allowed = (guide_origin, host.origin, "blob:", "data:", "about:")
    opened.on(
        "request",
        lambda request: None if request.url.startswith(allowed) else foreign.append(request.url),
    )
    yield opened
    opened.close()
    assert not errors, f"errors on the page: {errors}"
    assert not foreign, f"requests to a third origin: {foreign}"


# --- the snippet ---


def snippet(guide: str, **attributes: str) -> str:
    """Return the documented snippet: an element with data-* attributes, and embed.js."""
    data = "".join(
        f' data-{name.replace("_", "-")}="{html.escape(value)}"'
        for name, value in attributes.items()
    )
    return (
        f'<div id="guide" data-agent-compute-guide{data}>'
        f'<a href="{guide}wizard/">Open the decision wizard</a></div>\n'
        f'<script async src="{guide}assets/embed/embed.js"></script>'
    )


# --- reading the host page ---


def wait_for_events(page: Page, count: int = 1) -> list[dict[str, Any]]:
    """Wait until the host has received `count` result events; return them all."""
    page.wait_for_function("n => window.events.length >= n", arg=count, timeout=READY_MS)
    return page.evaluate("window.events")


def guide_frame(page: Page, guide: str) -> Frame:
    """Return the embedded wizard's frame (the first frame showing the embed page)."""
    page.wait_for_function(
        "() => document.querySelector('[data-agent-compute-guide] iframe, iframe.guide')"
    )
    for _ in range(200):
        for frame in page.frames:
            if frame.url.startswith(f"{guide}embed/"):
                return frame
        page.wait_for_timeout(50)
    raise AssertionError(f"no frame of {guide}embed/ in {[f.url for f in page.frames]}")


def frame_height(page: Page) -> float:
    """Return the iframe's height as the host lays it out."""
    return page.evaluate(
        "document.querySelector('[data-agent-compute-guide] iframe').getBoundingClientRect()"
        ".height"
    )


def messages(page: Page, kind: str) -> list[dict[str, Any]]:
    """Return the messages of one type the host window has received, oldest first."""
    return [
        message
        for message in page.evaluate("window.messages")
        if isinstance(message["data"], dict) and message["data"].get("type") == kind
    ]


def forged_result(recommendation: str = "neither") -> dict[str, Any]:
    """Return a result message as the guide would send it, with made-up content."""
    return {
        "type": RESULT,
        "version": "1.0.0",
        "recommendation": recommendation,
        "compute_type": None,
        "architecture": None,
        "warnings": [],
        "answers": {"code_author": "agent"},
        "query": "code_author=agent",
        "url": "https://attacker.invalid/",
        "data_version": "forged",
        "result": {},
        "forged": True,
    }


def as_json(value: Any) -> Any:
    """Return `value` as JSON would carry it (tuples as lists, and so on)."""
    return json.loads(json.dumps(value))


def wait_for_event(page: Page, test: str) -> dict[str, Any]:
    """Wait for a result event that passes `test` (a JS function of the event's detail)."""
    page.wait_for_function(f"() => window.events.some({test})", timeout=READY_MS)
    return page.evaluate(f"window.events.filter({test}).at(-1)")


def wait_for_settled_height(page: Page, quiet_ms: int = 1500) -> float:
    """Wait until the iframe's height has not changed for `quiet_ms`; return that height."""
    step = 100
    height, still = frame_height(page), 0
    for _ in range(READY_MS // step):
        page.wait_for_timeout(step)
        now = frame_height(page)
        still = still + step if now == height else 0
        height = now
        if still >= quiet_ms:
            return height
    raise AssertionError(f"the iframe's height never settled (last: {height}px)")
