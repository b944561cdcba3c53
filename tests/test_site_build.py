"""The strict build passes with no warning, and every generated page is in the built site."""

from __future__ import annotations

import json

from wizard.dataset import load_bundle


def test_strict_build_passes_without_warnings(site_build) -> None:
    assert site_build.returncode == 0, site_build.output
    warnings = [line for line in site_build.output.splitlines() if "WARNING" in line]
    assert warnings == []


def test_mermaid_is_served_by_the_site(built_site) -> None:
    script = built_site.site_dir / "assets" / "vendor" / "mermaid" / "mermaid.min.js"
    assert script.stat().st_size > 100_000
    assert 'src="javascripts/mermaid-loader.js"' in built_site.html("")


def test_no_page_names_another_origin_in_a_script_or_stylesheet(built_site) -> None:
    for page in built_site.pages():
        markup = built_site.html(page)
        for needle in ('<script src="http', '<link rel="stylesheet" href="http', "fonts.g"):
            assert needle not in markup, f"{page or 'home'}: {needle}"


def test_search_finds_words_that_exist_only_in_data(built_site) -> None:
    # Every gotcha title and every source title is data; the search index must hold each one.
    index = json.loads((built_site.site_dir / "search" / "search_index.json").read_text())
    indexed = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    bundle = load_bundle()
    for entry in bundle["gotchas"] + bundle["sources"]:
        assert entry["title"] in indexed, entry["id"]
