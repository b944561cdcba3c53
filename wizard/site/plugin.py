"""MkDocs glue: load the bundle once per build, add the generated pages, run post-build steps.

Everything that knows about the data lives in pages/ (one generator per page kind) and steps/
(post-build steps); this module only wires them into MkDocs' events.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from wizard.dataset import DataError, check_data, load_bundle
from wizard.site import nav
from wizard.site.errors import RenderError
from wizard.site.page import Page
from wizard.site.pages import GENERATORS
from wizard.site.render import TEMPLATES_DIR
from wizard.site.steps import POST_BUILD_STEPS, StepContext, StepError

log = logging.getLogger("mkdocs.plugins.guide")


class GuideConfig(base.Config):
    """Options under `plugins: - guide:` in mkdocs.yml."""

    # The data directory, relative to mkdocs.yml. Tests point it at broken copies.
    data_dir = c.Dir(exists=True, default="data")


class GuidePlugin(BasePlugin[GuideConfig]):
    """Render the guide's pages from data/ at build time."""

    def __init__(self) -> None:
        self.bundle: dict[str, Any] = {}
        self.pages: list[Page] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Load and render once per build; on_files only hands the results to MkDocs.
        self.bundle = load_data(Path(self.config.data_dir))
        self.pages = generate_pages(self.bundle)
        log.debug("guide: %d pages generated from %s", len(self.pages), self.config.data_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"guide: docs/{page.path} exists, but the guide plugin generates "
                    f"{page.path}; remove one of the two"
                )
            files.append(File.generated(config, page.path, content=with_front_matter(page)))

        # The nav is built after this event, from config.nav and the complete file list.
        documents = [file.src_uri for file in files.documentation_pages()]
        config.nav = nav.expand_globs(config.nav, documents)
        return files

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # Rebuild when the data or a template changes, not only when docs/ does.
        server.watch(str(Path(self.config.data_dir)))
        server.watch(str(TEMPLATES_DIR))
        # The browser runs the engine from a wheel built from these sources at each build, so
        # an engine change reaches the wizard page on the next rebuild. (Pages rendered in
        # this process still use the engine imported at start: restart serve for those.)
        server.watch(str(Path(__file__).resolve().parents[1] / "engine"))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Extension point: wizard/site/steps/POST_BUILD_STEPS, run in order.
        context = StepContext(
            site_dir=Path(config.site_dir),
            project_dir=Path(config.config_file_path).parent,
            bundle=self.bundle,
            config=config,
        )
        for step in POST_BUILD_STEPS:
            try:
                step.run(context)
            except StepError as error:
                raise PluginError(f"guide: post-build step {step.__name__}: {error}") from error


def load_data(data_dir: Path) -> dict[str, Any]:
    """Check and load the bundle; stop the build, naming file, line and key, if it is unsound.

    The check is wizard.dataset's (the one `python -m wizard check` runs), so a broken data
    file stops `mkdocs build` and every `mkdocs serve` rebuild before any page is written.
    """
    problems = check_data(data_dir)
    for problem in problems:
        if problem.level == "warning":
            log.warning("guide: %s", problem.format())
    errors = [problem for problem in problems if problem.level == "error"]
    if errors:
        lines = "\n".join(problem.format() for problem in errors)
        raise PluginError(
            f"guide: {len(errors)} problem(s) in the data; no page written:\n{lines}"
        )

    try:
        return load_bundle(data_dir)
    except DataError as error:
        # The check above should have caught this; still say where, and render nothing.
        raise PluginError(f"guide: {error}") from error


def generate_pages(bundle: dict[str, Any]) -> list[Page]:
    """Run every generator; stop the build with the page and the id that broke it."""
    pages: list[Page] = []
    for generator in GENERATORS:
        try:
            pages.extend(generator.generate(bundle))
        except RenderError as error:
            raise PluginError(f"guide: {error}") from error
    _refuse_duplicates(pages)
    return pages


def with_front_matter(page: Page) -> str:
    """Return the page's Markdown with its title as front matter, for nav and search."""
    front = yaml.safe_dump({"title": page.title, **page.meta}, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{page.markdown}"


def _refuse_duplicates(pages: list[Page]) -> None:
    seen: set[str] = set()
    for page in pages:
        if page.path in seen:
            raise PluginError(f"guide: two generators produce {page.path}")
        seen.add(page.path)
