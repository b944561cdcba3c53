"""The page generators: each module turns the bundle into pages of the site.

Extension point: a generator is a module with

    def generate(bundle: dict) -> list[wizard.site.page.Page]: ...

Add it to GENERATORS and it becomes part of every build; its pages are virtual (nothing is
written into docs/), indexed by search, and listed in the navigation through mkdocs.yml `nav`
(an entry ending in `*.md` takes every generated page under that folder). A generator must not
write files; files that are not pages belong in a post-build step (wizard/site/steps/).
"""

from wizard.site.pages import (
    api_fields,
    architectures,
    article,
    changes,
    compare,
    embed,
    embedding,
    gotchas,
    home,
    limits,
    regions,
    scenarios,
    sources,
    wizard,
)

# Order only matters for nav globs: pages under one folder are listed in the order generated.
GENERATORS = [
    home,
    compare,
    regions,
    limits,
    gotchas,
    architectures,
    sources,
    changes,
    article,
    wizard,
    scenarios,
    api_fields,
    embed,  # issue #5: the wizard in a frame (not in the nav)
    embedding,  # issue #5: the embed contract
]
