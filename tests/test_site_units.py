"""The site's small pure pieces: nav patterns, escaping, value wording, table cells."""

from __future__ import annotations

import copy

import pytest

from wizard.dataset import load_bundle
from wizard.site import nav, values
from wizard.site.catalog import Catalog
from wizard.site.diagram import sequence_diagram
from wizard.site.errors import RenderError
from wizard.site.pages import compare
from wizard.site.render import fence, markdown_text

BUNDLE = load_bundle()


def test_nav_pattern_takes_the_pages_not_listed_elsewhere() -> None:
    config = [{"Home": "index.md"}, {"Designs": ["designs/index.md", "designs/*.md"]}]
    paths = ["index.md", "designs/index.md", "designs/b.md", "designs/a.md", "other.md"]

    expanded = nav.expand_globs(config, paths)

    assert expanded == [
        {"Home": "index.md"},
        {"Designs": ["designs/index.md", "designs/b.md", "designs/a.md"]},
    ]


def test_nav_without_patterns_is_unchanged() -> None:
    assert nav.expand_globs(None, ["index.md"]) is None
    assert nav.expand_globs(["index.md", {"A": "a.md"}], ["index.md"]) == [
        "index.md",
        {"A": "a.md"},
    ]


def test_markdown_text_keeps_data_literal() -> None:
    assert str(markdown_text("a_b *c* [d] {e} <f> `g`")) == (
        r"a\_b \*c\* \[d\] \{e\} &lt;f&gt; \`g\`"
    )
    assert str(markdown_text("two\n  lines")) == "two lines"


def test_fence_outlasts_backticks_in_the_code() -> None:
    assert str(fence("echo ```", "bash")) == "````bash\necho ```\n````"
    assert str(fence("x\n", "json")) == "```json\nx\n```"


def test_diagram_escapes_mermaid_syntax_and_prefixes_ids() -> None:
    architecture = {
        "id": "x",
        "components": [{"id": "end", "label": "A; B"}, {"id": "loop", "label": "C #1"}],
        "steps": [{"from": "end", "to": "loop", "action": "Sends <x>; then waits"}],
    }
    source = sequence_diagram(architecture)

    assert "participant c_end as A#59; B" in source
    assert "participant c_loop as C #35;1" in source
    assert "c_end->>c_loop: Sends #lt;x#gt;#59; then waits" in source


@pytest.mark.parametrize(
    ("value", "wording"),
    [
        ({"yes_no": False}, "No"),
        ({"yes_no": True, "label": "Yes: with IAM"}, "Yes: with IAM"),
        ({"number": 1, "unit": "vcpu"}, "1 vCPU"),
        ({"number": 7.2, "unit": "gb"}, "7.2 GB"),
        ({"number": 30, "unit": "percent"}, "30%"),
        ({"regions": ["us-east-1"]}, "1 Region"),
        ({"items": []}, "None"),
        ({"text": "Free text", "label": "ignored"}, "Free text"),
    ],
)
def test_value_wording(value: dict, wording: str) -> None:
    assert values.format_value(value) == wording


def test_items_are_worded_by_their_vocabulary() -> None:
    catalog = Catalog(BUNDLE)
    value = {"items": ["docker", "pty"]}
    assert (
        catalog.wording(value, "os_features")
        == "Run a Docker daemon, A real pseudo-terminal (/dev/ptmx)"
    )


def test_a_service_wide_fact_spans_the_service_columns() -> None:
    catalog = Catalog(BUNDLE)
    wide = next(
        fact
        for fact in BUNDLE["facts"]
        if fact["service"] == "agentcore-runtime"
        and "compute_type" not in fact
        and "feature" not in fact
        and not any(
            other["dimension"] == fact["dimension"] and "compute_type" in other
            for other in BUNDLE["facts"]
            if other["service"] == fact["service"]
        )
    )
    types = len(catalog.service("agentcore-runtime")["compute_types"])

    row = compare.cells(catalog, wide["dimension"])

    assert row[0].fact is wide
    assert row[0].span == types


def test_two_facts_for_one_cell_is_an_error() -> None:
    bundle = copy.deepcopy(BUNDLE)
    twin = copy.deepcopy(bundle["facts"][0])
    twin["id"] = "twin"
    bundle["facts"].append(twin)

    with pytest.raises(RenderError, match="twin"):
        compare.cells(Catalog(bundle), twin["dimension"])


def test_a_fact_past_its_review_date_is_marked_where_it_is_shown() -> None:
    bundle = copy.deepcopy(BUNDLE)
    fact = next(fact for fact in bundle["facts"] if "feature" not in fact)
    fact["review_by"] = "2000-01-01"

    [page] = compare.generate(bundle)

    cell = page.markdown[page.markdown.index(f'<td id="{fact["id"]}"') :]
    cell = cell[: cell.index("</td>")]
    assert "review was due by" in cell
    assert "2000-01-01" in cell
