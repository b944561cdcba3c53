"""Bad data stops the build with the file, line and key; a missing id names page and id."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from site_support import ROOT, build_site

from wizard.dataset import DATA_DIR, load_bundle
from wizard.site.plugin import generate_pages

BUNDLE = load_bundle()


def test_a_broken_data_file_stops_the_build_before_any_page(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    gotchas = data / "gotchas.yaml"
    text = gotchas.read_text(encoding="utf-8")
    gotchas.write_text(text.replace("status: workaround", "status: sorted", 1), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme: {{custom_dir: {ROOT / 'wizard' / 'site' / 'theme'}}}\n"
        "plugins:\n"
        "  - search\n"
        "  - guide:\n"
        f"      data_dir: {data}\n",
        encoding="utf-8",
    )

    build = build_site(tmp_path / "out", config)

    assert build.returncode != 0
    assert "gotchas.yaml:" in build.output
    assert "status" in build.output
    assert "no page written" in build.output
    assert not build.site_dir.exists() or not any(build.site_dir.rglob("*.html"))


@pytest.mark.parametrize(
    ("where", "break_it", "page", "ref"),
    [
        (
            "an architecture's related gotcha",
            lambda b: b["architectures"][0].setdefault("gotchas", []).append("no-such-gotcha"),
            f"architectures/{BUNDLE['architectures'][0]['id']}.md",
            "no-such-gotcha",
        ),
        (
            "a step's component",
            lambda b: b["architectures"][1]["steps"][0].update({"to": "nowhere"}),
            f"architectures/{BUNDLE['architectures'][1]['id']}.md",
            "nowhere",
        ),
        (
            "a fact's source",
            lambda b: b["facts"][0]["sources"].append("no-such-source"),
            "compare.md",
            "no-such-source",
        ),
        (
            "a region code",
            lambda b: next(f for f in b["facts"] if "regions" in f["value"])["value"][
                "regions"
            ].append("xx-nowhere-1"),
            "regions.md",
            "xx-nowhere-1",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else None,
)
def test_a_missing_id_names_the_page_and_the_id(where, break_it, page, ref) -> None:
    bundle = copy.deepcopy(BUNDLE)
    break_it(bundle)

    with pytest.raises(PluginError) as raised:
        generate_pages(bundle)

    message = str(raised.value)
    assert f"page {page}:" in message, message
    assert repr(ref) in message, message
