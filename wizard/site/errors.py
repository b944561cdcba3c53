"""Errors raised while generating pages, each naming the page it broke."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import jinja2


class MissingReference(LookupError):
    """Data names an id that the bundle does not hold."""

    def __init__(self, kind: str, ref: object, known: list[str]) -> None:
        self.kind = kind
        self.ref = ref
        self.known = known
        shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
        super().__init__(f"unknown {kind} id {ref!r} (known: {shown})")


class RenderError(Exception):
    """A page could not be generated; the message names the page and the cause."""

    def __init__(self, page: str, message: str) -> None:
        self.page = page
        super().__init__(f"page {page}: {message}")


@contextmanager
def rendering(page: str) -> Iterator[None]:
    """Turn a missing id or an undefined template value into a RenderError naming `page`."""
    try:
        yield
    except MissingReference as error:
        raise RenderError(page, str(error)) from error
    except jinja2.UndefinedError as error:
        raise RenderError(page, f"template used a value the data lacks: {error}") from error
    except jinja2.TemplateError as error:
        raise RenderError(page, f"template error: {error}") from error
