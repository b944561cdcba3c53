"""Copy browser assets from node_modules into the site, so no page fetches from a CDN."""

from __future__ import annotations

import shutil

from wizard.site.steps.context import StepContext, StepError

# (file under node_modules, where it goes in the site). mkdocs.yml lists the script in
# extra_javascript; the licence travels with the code it covers.
ASSETS = [
    ("mermaid/dist/mermaid.min.js", "assets/vendor/mermaid/mermaid.min.js"),
    ("mermaid/LICENSE", "assets/vendor/mermaid/LICENSE"),
]


def run(context: StepContext) -> None:
    """Copy every asset; fail naming the missing file and the command that installs it."""
    modules = context.project_dir / "node_modules"
    for source_name, target_name in ASSETS:
        source = modules / source_name
        if not source.is_file():
            raise StepError(
                f"{source} is missing; install the pinned Node packages with `npm ci` "
                "(or `make setup`)"
            )
        target = context.site_dir / target_name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
