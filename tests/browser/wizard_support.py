"""What the wizard's browser tests share beyond tests/browser/conftest.py.

The conftest gives the built site (`built_site`, served by `site_server` below the sub-path of
`site_url`), Debian's Chromium (`browser`), `visit` and `axe`. This module adds what only the
wizard needs: a server that can break the way real hosts do (a Content-Security-Policy, wrong
Content-Types) or serve the sitemap that Material's instant navigation reads, waiting for the
wizard's result, and answering through the form as a reader would.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page

from wizard.dataset import load_bundle
from wizard.engine.query import to_query

ROOT = Path(__file__).resolve().parents[2]
# Content-Types a host must send (README, "Hosting the wizard").
TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}
# A cold start takes 5 to 20 s here, more on a busy machine; the page's own timeout is 60 s.
READY_MS = 90_000
SCENARIOS = sorted((ROOT / "data" / "scenarios").glob("*.yaml"))


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: ClassVar[dict[str, str]] = {}
    types: ClassVar[dict[str, str]] = {}
    site_url = ""

    def guess_type(self, path: str) -> str:
        suffix = Path(path).suffix
        return self.types.get(suffix) or TYPES.get(suffix) or super().guess_type(path)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        # Material's instant navigation follows only links listed in sitemap.xml, matched on
        # scheme, host and path but not on the port: serve the sitemap as it reads at this
        # address, the way GitHub Pages serves it at site_url.
        if not self.path.split("?")[0].endswith("/sitemap.xml"):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return super().send_head()
        here = f"http://{self.headers['Host']}{urlsplit(self.site_url).path}"
        data = path.read_text(encoding="utf-8").replace(self.site_url, here).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def serve(
    root: Path, headers: dict[str, str] | None = None, types: dict[str, str] | None = None
) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 (a free port); yield the origin, e.g. http://127.0.0.1:41234.

    `headers` are added to every response; `types` override Content-Types by file suffix.
    """
    settings = {"extra_headers": headers or {}, "types": types or {}, "site_url": site_url()}
    handler = type("Handler", (_Handler,), settings)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def site_url() -> str:
    """Return site_url from mkdocs.yml."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", text, flags=re.MULTILINE)
    return match.group(1) if match else ""


# --- driving the page ---


def wait_ready(page: Page, answers: dict[str, Any] | None = None) -> str:
    """Wait until the result for `answers` (default: any) is shown; return the recommendation."""
    selector = "#wizard-result[data-state='ready']"
    if answers is not None:
        selector += f"[data-query='{to_query(canonical(answers, questions()))}']"
    page.wait_for_selector(selector, state="attached", timeout=READY_MS)
    return page.get_attribute("#wizard-result", "data-recommendation")


def wait_failed(page: Page) -> str:
    """Wait until the page shows why the engine cannot run; return the failure kind."""
    page.wait_for_selector(
        "#wizard-result[data-state='failed']", state="attached", timeout=READY_MS
    )
    return page.get_attribute("#wizard-result", "data-failure")


def answer(page: Page, answers: dict[str, Any]) -> None:
    """Give `answers` through the form as a reader would: clicking and typing."""
    for question_id, value in answers.items():
        kind = questions()[question_id]["kind"]
        field = f"input[name='{question_id}']"
        if kind == "number":
            page.fill(field, _number(value))
        elif kind in ("many", "regions"):
            for item in value:
                page.check(f"{field}[value='{item}']")
        elif kind == "yes_no":
            page.check(f"{field}[value='{'yes' if value else 'no'}']")
        else:
            page.check(f"{field}[value='{value}']")


def canonical(answers: dict[str, Any], index: dict[str, dict]) -> dict[str, Any]:
    """Order answers as the page writes them: question order, list items in option order."""
    ordered = {}
    for question_id, question in index.items():
        if question_id not in answers:
            continue
        value = answers[question_id]
        if question["kind"] in ("many", "regions"):
            if not value:
                continue
            value = sorted(value, key=question["order"].index)
        ordered[question_id] = value
    return ordered


@functools.cache
def questions() -> dict[str, dict]:
    """Question id -> {kind, order} for the data in the work tree, in question order."""
    bundle = load_bundle()
    regions = [region["code"] for region in bundle["regions"]]
    index = {}
    for question in bundle["questions"]:
        values = [option["value"] for option in question.get("options", [])]
        order = regions if question["kind"] == "regions" else values
        index[question["id"]] = {"kind": question["kind"], "order": order}
    return index


def scenario(path: Path) -> dict[str, Any]:
    """Read one gallery scenario."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
