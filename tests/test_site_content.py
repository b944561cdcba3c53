"""Every gotcha, architecture, source and changed value is rendered, under a stable address."""

from __future__ import annotations

import html

import pytest
from site_support import SiteBuild, text_of

from wizard.dataset import load_bundle
from wizard.site import values
from wizard.site.diagram import sequence_diagram

BUNDLE = load_bundle()
SOURCES = {source["id"]: source for source in BUNDLE["sources"]}
GOTCHAS = {gotcha["id"]: gotcha for gotcha in BUNDLE["gotchas"]}


def section(markup: str, anchor: str, next_heading: str = "<h2") -> str:
    """Return the HTML from the element with id `anchor` to the next heading of that level."""
    start = markup.index(f'id="{anchor}"')
    end = markup.find(next_heading, start + 1)
    return markup[start : end if end > 0 else len(markup)]


def code_lines(code: str) -> list[str]:
    return [" ".join(line.split()) for line in code.splitlines() if line.strip()]


def test_home_gives_every_verdict_and_links_the_wizard(built_site: SiteBuild) -> None:
    markup = built_site.html("")
    text = text_of(markup)
    for outcome in BUNDLE["outcomes"]:
        assert " ".join(outcome["verdict"].split()) in text, outcome["id"]
        assert outcome["answer_to_question"] in text, outcome["id"]
    assert 'href="wizard/"' in markup


@pytest.mark.parametrize("gotcha", BUNDLE["gotchas"], ids=lambda gotcha: gotcha["id"])
def test_gotcha_is_one_admonition_under_its_id(built_site: SiteBuild, gotcha: dict) -> None:
    shown = section(built_site.html("gotchas/"), gotcha["id"])
    text = text_of(shown)

    assert shown.startswith(f'id="{gotcha["id"]}"'), "the heading carries the gotcha id"
    assert shown.count('class="admonition ') == 1
    for field in ("symptom", "cause"):
        assert " ".join(gotcha[field].split()) in text, field
    assert " ".join(gotcha["fix"]["text"].split()) in text
    for line in code_lines(gotcha["fix"]["code"]):
        assert line in text, line
    assert values.status_label(gotcha["status"]) in text
    assert gotcha["as_of"] in text
    assert values.evidence_label(gotcha["evidence"]) in text
    for ref in gotcha["sources"]:
        assert f'href="{html.escape(SOURCES[ref]["url"])}"' in shown, ref


@pytest.mark.parametrize("arch", BUNDLE["architectures"], ids=lambda arch: arch["id"])
def test_architecture_has_its_page_diagram_steps_and_gotchas(
    built_site: SiteBuild, arch: dict
) -> None:
    markup = built_site.html(f"architectures/{arch['id']}/")
    text = text_of(markup)

    assert html.escape(arch["title"], quote=False) in markup
    assert html.escape(sequence_diagram(arch), quote=False) in markup, "Mermaid source"
    for step in arch["steps"]:
        assert " ".join(step["action"].split()) in text
    for component in arch["components"]:
        assert component["label"] in text
    for snippet in arch.get("snippets", []):
        for line in code_lines(snippet["code"]):
            assert line in text, line
    for ref in arch.get("gotchas", []):
        assert f'href="../../gotchas/#{ref}"' in markup, ref
        assert GOTCHAS[ref]["title"] in text
    assert f'href="{arch["id"]}/"' in built_site.html("architectures/")


@pytest.mark.parametrize("source", BUNDLE["sources"], ids=lambda source: source["id"])
def test_source_lists_what_cites_it(built_site: SiteBuild, source: dict) -> None:
    shown = section(built_site.html("sources/"), source["id"])
    assert f'href="{html.escape(source["url"])}"' in shown
    for fact in BUNDLE["facts"]:
        earlier = [ref for entry in fact.get("history", []) for ref in entry["sources"]]
        if source["id"] in fact["sources"] + earlier:
            assert f'#{fact["id"]}"' in shown, fact["id"]
    for gotcha in BUNDLE["gotchas"]:
        if source["id"] in gotcha["sources"]:
            assert f'gotchas/#{gotcha["id"]}"' in shown, gotcha["id"]


CHANGED = [fact for fact in BUNDLE["facts"] if fact.get("history")]


@pytest.mark.parametrize("fact", CHANGED, ids=lambda fact: fact["id"])
def test_changed_fact_shows_now_and_before_with_dates(built_site: SiteBuild, fact: dict) -> None:
    shown = section(built_site.html("changes/"), fact["id"])
    text = text_of(shown)
    for entry in [fact, *fact["history"]]:
        assert entry["as_of"] in text
        assert values.evidence_label(entry["evidence"]) in text
        for ref in entry["sources"]:
            assert f'href="{html.escape(SOURCES[ref]["url"])}"' in shown, ref
