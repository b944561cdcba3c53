"""Fixtures shared by every test that needs the built site.

`built_site` runs `mkdocs build --strict` once per test session into a temporary folder laid
out like the published site: the pages sit under the sub-path of `site_url` (for example
/agent-compute-guide/), so serving the folder's root reproduces GitHub Pages. Browser fixtures
that serve and open it live in tests/browser/conftest.py.
"""

from __future__ import annotations

import pytest
from site_support import SiteBuild, build_site


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The strict build of the site, run once per session, whether or not it passed."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def built_site(site_build: SiteBuild) -> SiteBuild:
    """The built site; fails every test that needs it when the strict build failed."""
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.output}")
    return site_build
