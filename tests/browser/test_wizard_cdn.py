"""The documented setting that loads Pyodide from a CDN instead of the site's own copy.

This network reaches no CDN, so the test answers the CDN's addresses itself, from the same npm
package, with the headers a CDN sends (CORS). What it checks is the site's side: the runtime
is requested from the configured address, nothing from assets/pyodide/, and the build leaves
the 13 MB copy out.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from wizard_support import ROOT, serve, wait_ready

from wizard.site.steps.browser_engine import pyodide_version

pytestmark = pytest.mark.browser

CDN = "https://cdn.jsdelivr.net/pyodide/v{version}/full/"
PACKAGE = ROOT / "node_modules" / "pyodide"


@pytest.fixture(scope="module")
def cdn_site(tmp_path_factory, built_site):
    """The site built with extra.wizard.pyodide_url set, laid out like built_site."""
    root = tmp_path_factory.mktemp("cdn-site")
    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"),
        site_dir=str(root / built_site.prefix.strip("/")),
    )
    config.extra["wizard"] = {**config.extra.get("wizard", {}), "pyodide_url": CDN}
    build(config)
    return root


def answer_as_cdn(route):
    """Serve a file of the npm package the way jsDelivr serves it."""
    path = PACKAGE / Path(route.request.url.split("?")[0]).name
    if not path.is_file():
        route.fulfill(status=404)
        return
    kind = {".mjs": "text/javascript", ".wasm": "application/wasm"}.get(path.suffix)
    route.fulfill(
        body=path.read_bytes(),
        content_type=kind or mimetypes.guess_type(path.name)[0] or "application/octet-stream",
        headers={"Access-Control-Allow-Origin": "*"},
    )


def test_pyodide_from_a_cdn(browser, cdn_site, built_site):
    version = pyodide_version(ROOT)
    cdn = CDN.replace("{version}", version)
    site = cdn_site / built_site.prefix.strip("/")
    assert not (site / "assets" / "pyodide").exists()
    assert f'"pyodide": "{cdn}"' in (site / "assets" / "wizard" / "runtime.json").read_text()

    with serve(cdn_site) as origin:
        context = browser.new_context()
        context.route(f"{cdn}**", answer_as_cdn)
        fetched: list[str] = []
        page = context.new_page()
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(f"{origin}{built_site.prefix}wizard/?code_author=users")
        assert wait_ready(page, {"code_author": "users"})
        context.close()

    from_cdn = [url for url in fetched if url.startswith(cdn)]
    assert any(url.endswith("pyodide.asm.wasm") for url in from_cdn)
    assert not [url for url in fetched if "/assets/pyodide/" in url]
