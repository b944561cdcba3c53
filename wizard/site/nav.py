"""Fill `nav` entries ending in `*.md` with the pages under that folder.

MkDocs' `nav` lists files one by one, but the number of generated pages under a folder (one per
reference architecture) follows the data. An entry such as `architectures/*.md` stands for every
documentation page under `architectures/` that the nav does not list elsewhere, in the order the
files were added (docs/ files first, then generated pages in generator order).
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

NavItem = Any  # str (a path), or {title: str | list[NavItem]}


def expand_globs(nav: list[NavItem] | None, paths: list[str]) -> list[NavItem] | None:
    """Return `nav` with every `*.md` pattern replaced by the matching `paths`."""
    if nav is None:
        return None
    listed = set(_listed(nav))
    return _expand(nav, paths, listed)


def _expand(items: list[NavItem], paths: list[str], listed: set[str]) -> list[NavItem]:
    expanded: list[NavItem] = []
    for item in items:
        if isinstance(item, str) and _is_pattern(item):
            expanded.extend(p for p in paths if fnmatchcase(p, item) and p not in listed)
        elif isinstance(item, dict):
            expanded.append(
                {
                    title: _expand(value, paths, listed) if isinstance(value, list) else value
                    for title, value in item.items()
                }
            )
        else:
            expanded.append(item)
    return expanded


def _listed(items: list[NavItem]) -> list[str]:
    found: list[str] = []
    for item in items:
        if isinstance(item, str) and not _is_pattern(item):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    found.extend(_listed(value))
                elif isinstance(value, str):
                    found.append(value)
    return found


def _is_pattern(item: str) -> bool:
    return item.endswith("*.md")
