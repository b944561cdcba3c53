"""Rules on the text itself: no raw HTML or script in fields the site shows as text.

The site escapes data text, so markup would show up as literal tags at best; in any other
consumer of the data API it could run. Code fields (`code`) and addresses (`url`) are exempt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wizard.dataset.problems import KeyPath, Problem
from wizard.dataset.yamlfile import Document

# Fields whose text is code or an address, not prose.
EXEMPT_FIELDS = {"code", "url"}

# Element names of HTML, so that placeholders such as <image> or <git ref> stay allowed.
_ELEMENT_NAMES = (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas "
    "caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr "
    "html i iframe img input ins kbd label legend li link main map mark meta meter nav "
    "noscript object ol optgroup option output p param picture pre progress q rp rt ruby s "
    "samp script section select slot small source span strong style sub summary sup svg table "
    "tbody td template textarea tfoot th thead time title tr track u ul var video wbr"
)
HTML_ELEMENTS = _ELEMENT_NAMES.split()

MARKUP = re.compile(
    r"<!--"
    r"|</?(?:" + "|".join(HTML_ELEMENTS) + r")(?=[\s>/])"
    r"|\bjavascript\s*:"
    r"|\bon[a-z]+\s*=\s*[\"']",
    re.IGNORECASE,
)


def content_problems(doc: Document) -> list[Problem]:
    """Return a problem for every text field of the document that holds markup or script."""
    problems = []
    # TODO(#6): point at the column of the markup itself, not at the start of the value.
    for path, text in _texts(doc.data, ()):
        match = MARKUP.search(text)
        if match:
            problems.append(
                doc.problem(
                    path,
                    f'raw HTML or script in text: "{match.group(0)}"',
                    "write plain text; put code in a snippet's code field",
                )
            )
    return problems


def _texts(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in EXEMPT_FIELDS:
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, (*path, index))
    elif isinstance(node, str):
        yield path, node
