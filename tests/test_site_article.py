"""The Article check page: every tip and open question, with its status and provenance."""

from __future__ import annotations

import pytest
from site_support import SiteBuild, text_of

from wizard.dataset import load_bundle
from wizard.site.pages.article import QUESTION_STATUS, TIP_STATUS

BUNDLE = load_bundle()


def section(markup: str, anchor: str) -> str:
    start = markup.index(f'id="{anchor}"')
    end = markup.find("<h3", start + 1)
    return markup[start : end if end > 0 else len(markup)]


def test_the_article_had_eight_tips():
    assert sorted(tip["number"] for tip in BUNDLE["tips"]) == list(range(1, 9))


@pytest.mark.parametrize("tip", BUNDLE["tips"], ids=lambda tip: tip["id"])
def test_each_tip_shows_status_advice_and_provenance(built_site: SiteBuild, tip: dict) -> None:
    text = text_of(section(built_site.html("article/"), tip["id"]))

    assert f"{tip['number']}. {tip['title']}" in text
    assert TIP_STATUS[tip["status"]] in text
    assert " ".join(tip["advice"].split()) in text
    assert f"as of {tip['as_of']}" in text
    if "update" in tip:
        assert " ".join(tip["update"].split()) in text


@pytest.mark.parametrize("question", BUNDLE["open_questions"], ids=lambda q: q["id"])
def test_each_open_question_shows_then_and_now(built_site: SiteBuild, question: dict) -> None:
    markup = section(built_site.html("article/"), question["id"])
    text = text_of(markup)

    assert QUESTION_STATUS[question["status"]] in text
    assert " ".join(question["current"].split()) in text
    for fact in question["facts"]:
        assert f"#{fact}" in markup
