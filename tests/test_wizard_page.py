"""The wizard page and its runtime files as the build writes them (no browser needed)."""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from wizard.dataset import load_bundle
from wizard.site.catalog import Catalog
from wizard.site.pages.wizard import page_config
from wizard.site.steps.browser_engine import PYODIDE_FILES, pyodide_version

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundle():
    return load_bundle()


@pytest.fixture(scope="module")
def page(built_site) -> str:
    return built_site.html("wizard/")


def config_of(page: str) -> dict:
    match = re.search(r'data-wizard-config="([^"]*)"', page)
    assert match, "the wizard element carries no data-wizard-config"
    return json.loads(html.unescape(match.group(1)))


def test_one_fieldset_per_question_in_order(page, bundle):
    legends = re.findall(r'<legend id="q-([a-z_]+)-legend">([^<]*)</legend>', page)
    assert [(qid, html.unescape(label)) for qid, label in legends] == [
        (question["id"], question["label"]) for question in bundle["questions"]
    ]
    # The plain form submits to the page itself; each choice group can be left open.
    assert '<form action="./" class="wizard-form" method="get">' in page
    for question in bundle["questions"]:
        if question["kind"] in ("one", "yes_no"):
            assert f'name="{question["id"]}" value="" checked' in page


def test_the_embedded_config_is_the_data(page, bundle):
    assert config_of(page) == page_config(Catalog(bundle))
    assert config_of(page)["data_version"] == bundle["meta"]["data_version"]


def test_every_link_of_the_result_resolves(page, built_site, bundle):
    config = config_of(page)
    targets = [fact["href"] for fact in config["facts"]]
    targets += [config["links"]["source"].replace("{id}", s["id"]) for s in config["sources"]]
    targets += [config["links"]["gotcha"].replace("{id}", g["id"]) for g in bundle["gotchas"]]
    targets += [
        config["links"]["architecture"].replace("{id}", a["id"]) for a in config["architectures"]
    ]
    broken = []
    for target in targets:
        address, _, anchor = target.partition("#")
        path = built_site.site_dir / address / "index.html"
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if not text or (anchor and f'id="{anchor}"' not in text):
            broken.append(target)
    assert broken == []


def test_runtime_files_are_in_the_site(built_site, bundle):
    site = built_site.site_dir
    for name in PYODIDE_FILES:
        assert (site / "assets" / "pyodide" / name).is_file(), name
    runtime = json.loads((site / "assets" / "wizard" / "runtime.json").read_text())
    assert runtime["pyodide"] == "../pyodide/"
    assert runtime["pyodide_version"] == pyodide_version(ROOT)
    assert runtime["timeout_seconds"] > 0

    # The wheel holds the wizard package and its metadata, nothing else.
    wheel = site / "assets" / "wizard" / runtime["wheel"].split("?")[0]
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"wizard"}

    # The data the page hands the engine is the bundle the tests load.
    data = site / runtime["data"].split("?")[0].removeprefix("../../")
    assert json.loads(data.read_text(encoding="utf-8"))["bundle"] == bundle


def test_only_the_wizard_page_loads_the_glue(built_site):
    loaders = [
        page for page in built_site.pages() if "assets/wizard/wizard.js" in built_site.html(page)
    ]
    # embed/ is the same wizard, framed by other sites (issue 5); no documentation page.
    assert "wizard/" in loaders
    assert set(loaders) <= {"wizard/", "embed/"}
