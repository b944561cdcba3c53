"""Render a Jinja2 template from templates/ into a Page.

Templates write Markdown with raw HTML blocks where Markdown cannot express the layout (the
tables). Autoescaping is on, so data text is always HTML-escaped; in Markdown lines, templates
also pass data text through the `md` filter so that `*`, `_` or `[` in the data stay literal.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from wizard.site import values
from wizard.site.catalog import Catalog
from wizard.site.errors import rendering
from wizard.site.page import Page

TEMPLATES_DIR = Path(__file__).parent / "templates"

# Characters that Python-Markdown (with attr_list) would read as syntax inside a line.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]{}])")


def render_page(
    catalog: Catalog,
    path: str,
    template: str,
    title: str,
    meta: dict[str, Any] | None = None,
    **context: Any,
) -> Page:
    """Render `template` with the catalog and `context` into the Page at `path`."""
    with rendering(path):
        markdown = (
            environment()
            .get_template(template)
            .render(catalog=catalog, title=title, page_path=path, **context)
        )
    return Page(path=path, markdown=markdown, title=title, meta=meta or {})


@cache
def environment() -> jinja2.Environment:
    """Return the one Jinja2 environment (templates reload when their files change)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_text,
        esc=escape_for,
        fence=fence,
        evidence=values.evidence_label,
        kind=values.kind_label,
        status=values.status_label,
        machine_value=values.machine_value,
    )
    return env


def markdown_text(text: object) -> Markup:
    """Escape data text for a Markdown line: HTML-escape it, then escape Markdown syntax.

    >>> str(markdown_text("a_b *c* <d>"))
    'a\\\\_b \\\\*c\\\\* &lt;d&gt;'
    """
    escaped = str(escape(" ".join(str(text).split())))
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", escaped))


def escape_for(text: object, markdown: bool = False) -> Markup:
    """Escape data text for raw HTML (the default) or, with `markdown`, for a Markdown line."""
    return markdown_text(text) if markdown else escape(str(text))


def fence(code: str, language: str) -> Markup:
    """Return a fenced code block that no backtick run inside `code` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    ticks = "`" * max(3, longest + 1)
    return Markup(f"{ticks}{language}\n{code.rstrip()}\n{ticks}")
