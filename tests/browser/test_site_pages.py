"""Every page of the built site, opened in Chromium under the site's sub-path.

Each page is opened in both colour schemes: no console error, no request to another origin,
every Mermaid diagram drawn as an SVG whose text reads on the page, zero axe-core violations.
At 360 px no page scrolls sideways; the Compare tables scroll inside their own boxes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from site_support import ROOT, SiteBuild

from wizard.dataset import load_bundle

pytestmark = pytest.mark.browser

# The WCAG AA minimum for text; diagram labels must meet it against the page.
MIN_CONTRAST = 4.5

DIAGRAM_STATE = """() => [...document.querySelectorAll("div.mermaid")].map((host) => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
  if (!svg) return { svg: false };
  const label = svg.querySelector(".messageText");
  return {
    svg: true,
    error: svg.getAttribute("aria-roledescription") === "error",
    fill: label ? getComputedStyle(label).fill : null,
    background: getComputedStyle(document.body).backgroundColor,
  };
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page(
    built_site: SiteBuild, visit: Callable[..., Any], axe: Callable[[Any], list], scheme: str
) -> None:
    problems: list[str] = []
    for page in built_site.pages():
        seen = visit(page, color_scheme=scheme)
        found = check_scheme(seen.page, scheme)
        found += check_diagrams(seen.page, built_site.html(page).count('class="mermaid"'))
        found += [
            f"axe {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in axe(seen.page)
        ]
        found += seen.problems()
        seen.close()
        problems += [f"{page or 'home'}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_on_a_phone(
    built_site: SiteBuild, visit: Callable[..., Any]
) -> None:
    overflowing = []
    for page in built_site.pages():
        seen = visit(page, width=360)
        extra = seen.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        seen.close()
        if extra > 0:
            overflowing.append(f"{page or 'home'}: {extra}px wider than the screen")
    assert not overflowing, "\n".join(overflowing)


def test_compare_tables_scroll_inside_their_box_on_a_phone(visit: Callable[..., Any]) -> None:
    seen = visit("compare/", width=360)
    boxes = seen.page.evaluate(
        """() => [...document.querySelectorAll(".guide-scroll")].map(
          (box) => [box.scrollWidth > box.clientWidth, box.tabIndex]
        )"""
    )
    assert boxes, "no table boxes on the Compare page"
    assert all(scrolls and tab_index == 0 for scrolls, tab_index in boxes), boxes
    assert seen.page.evaluate("window.scrollX") == 0


def test_every_gotcha_code_block_has_a_copy_button(visit: Callable[..., Any]) -> None:
    seen = visit("gotchas/")
    copy = ".guide-gotcha button[data-md-type='copy']"
    seen.page.wait_for_selector(copy, state="attached")
    blocks = seen.page.locator(".guide-gotcha pre").count()
    buttons = seen.page.locator(copy).count()
    assert blocks == len(load_bundle()["gotchas"])
    assert buttons == blocks


def test_search_finds_a_word_that_only_the_data_holds(visit: Callable[..., Any]) -> None:
    word, gotcha = data_only_word()
    seen = visit("")
    seen.page.locator("input.md-search__input").fill(word)
    result = seen.page.locator(".md-search-result__item a").first
    result.wait_for()
    assert "gotchas/" in result.get_attribute("href"), (word, gotcha)


def check_scheme(page: Any, scheme: str) -> list[str]:
    """Say whether Material applied the palette the browser asked for."""
    expected = "slate" if scheme == "dark" else "default"
    applied = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return [] if applied == expected else [f"palette is {applied}, expected {expected}"]


def check_diagrams(page: Any, expected: int) -> list[str]:
    """Wait for Material to draw `expected` diagrams; check each is an SVG that reads."""
    if expected == 0:
        return []
    try:
        page.wait_for_function(
            "n => document.querySelectorAll('div.mermaid').length >= n"
            " && !document.querySelector('pre.mermaid')",
            arg=expected,
            timeout=20_000,
        )
    except Exception as error:  # Playwright's TimeoutError
        return [f"diagrams not drawn: {error}"]

    problems = []
    for number, state in enumerate(page.evaluate(DIAGRAM_STATE), start=1):
        if not state["svg"] or state["error"]:
            problems.append(f"diagram {number} is not an SVG drawing: {state}")
        elif state["fill"] and contrast(state["fill"], state["background"]) < MIN_CONTRAST:
            problems.append(f"diagram {number} text {state['fill']} on {state['background']}")
    return problems


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two CSS rgb()/rgba() colours."""

    def luminance(color: str) -> float:
        red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", color)[:3])
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def data_only_word() -> tuple[str, str]:
    """Return a word of a gotcha's symptom that no template, docs page or config contains."""
    written = " ".join(
        path.read_text(encoding="utf-8").lower()
        for folder in (ROOT / "wizard" / "site" / "templates", ROOT / "docs")
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".j2", ".md", ".html", ".js", ".css"}
    )
    written += (ROOT / "mkdocs.yml").read_text(encoding="utf-8").lower()
    for gotcha in load_bundle()["gotchas"]:
        for word in re.findall(r"[A-Za-z]{8,}", gotcha["symptom"]):
            if word.lower() not in written:
                return word, gotcha["id"]
    raise AssertionError("every symptom word also appears in a template")
