"""The Compare page holds every row of the article's decision table, each with its sources."""

from __future__ import annotations

import html

import pytest
from site_support import SiteBuild, element_by_id, text_of

from wizard.dataset import load_bundle
from wizard.site import values

# The rows of the decision table in the June 2026 article this guide started from, as the
# article labels them. The test oracle: each must be a dimension (its `article_row`).
ARTICLE_ROWS = [
    "Who executes code",
    "Abstraction level",
    "Fleet management",
    "Built-in auth",
    "MCP/A2A protocols",
    "OS access inside",
    "Suspend/resume",
    "Regions (Jun 2026)",
    "Architecture",
    "Billing",
    "Interactive shell",
    "AgentCore ecosystem",
    "Max duration",
]

BUNDLE = load_bundle()
DIMENSIONS = {dim["id"]: dim for group in BUNDLE["groups"] for dim in group["dimensions"]}
BY_ROW = {dim["article_row"]: dim for dim in DIMENSIONS.values() if "article_row" in dim}
SOURCES = {source["id"]: source for source in BUNDLE["sources"]}


@pytest.mark.parametrize("row", ARTICLE_ROWS)
def test_article_row_is_a_dimension_with_facts(row: str) -> None:
    assert row in BY_ROW, f"no dimension has article_row {row!r}"
    facts = [fact for fact in BUNDLE["facts"] if fact["dimension"] == BY_ROW[row]["id"]]
    services = {fact["service"] for fact in facts}
    assert services == {service["id"] for service in BUNDLE["services"]}, row


@pytest.mark.parametrize("row", ARTICLE_ROWS)
def test_article_row_is_on_the_compare_page_with_its_sources(
    built_site: SiteBuild, row: str
) -> None:
    dimension = BY_ROW[row]
    markup = element_by_id(built_site.html("compare/"), dimension["id"], "tr")

    assert dimension["label"] in text_of(markup)
    assert row in text_of(markup)
    assert "No data yet" not in text_of(markup)
    facts = [
        fact
        for fact in BUNDLE["facts"]
        if fact["dimension"] == dimension["id"] and "feature" not in fact
    ]
    for fact in facts:
        assert f'<td id="{fact["id"]}"' in markup, fact["id"]
        for ref in fact["sources"]:
            assert f'href="{html.escape(SOURCES[ref]["url"])}"' in markup, (fact["id"], ref)


@pytest.mark.parametrize("fact", BUNDLE["facts"], ids=lambda fact: fact["id"])
def test_every_fact_is_shown_with_sources_date_and_evidence(
    built_site: SiteBuild, fact: dict
) -> None:
    page = "regions/" if "feature" in fact else "compare/"
    markup = built_site.html(page)
    if page == "compare/":
        shown = element_by_id(markup, fact["id"], "td")
    else:
        start = markup.index(f'id="{fact["id"]}"')
        shown = markup[start : markup.find("<h3", start + 1)]

    text = text_of(shown)
    assert fact["as_of"] in text
    assert values.evidence_label(fact["evidence"]) in text
    for ref in fact["sources"]:
        assert f'href="{html.escape(SOURCES[ref]["url"])}"' in shown, ref
