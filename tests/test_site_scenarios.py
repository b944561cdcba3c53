"""The scenario gallery page shows every case with the engine's outcome and a wizard link."""

from __future__ import annotations

import html

import pytest
from site_support import SiteBuild, text_of

from wizard.dataset import load_bundle
from wizard.engine import evaluate
from wizard.engine.query import to_query

BUNDLE = load_bundle()
LABELS = {outcome["id"]: outcome["label"] for outcome in BUNDLE["outcomes"]}


@pytest.mark.parametrize("scenario", BUNDLE["scenarios"], ids=lambda case: case["id"])
def test_gallery_shows_each_case_with_its_outcome_and_link(
    built_site: SiteBuild, scenario: dict
) -> None:
    markup = built_site.html("scenarios/")
    start = markup.index(f'id="{scenario["id"]}"')
    end = markup.find("<h2", start + 1)
    case = markup[start : end if end > 0 else len(markup)]
    result = evaluate(scenario["answers"], BUNDLE)

    assert scenario["title"] in text_of(case)
    assert f"Recommendation: {LABELS[scenario['expect']['recommendation']]}" in text_of(case)
    link = "../wizard/" + to_query(result["answers"], result["data_version"])
    assert f'href="{html.escape(link)}"' in case
