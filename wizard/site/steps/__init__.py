"""Post-build steps: work on the built site after MkDocs has written every page.

Extension point: a step is a module with

    def run(context: wizard.site.steps.StepContext) -> None: ...

Add it to POST_BUILD_STEPS; the plugin runs the steps in order in `on_post_build`, for
`mkdocs build` and for every rebuild of `mkdocs serve`. Use a step to copy runtime files into
the site (Mermaid here; the Pyodide runtime, the engine wheel or JSON data elsewhere). Raise
StepError with a message that says what is missing and how to get it.
"""

from wizard.site.steps import api_schema, browser_engine, embed_schema, vendor
from wizard.site.steps.context import StepContext, StepError

POST_BUILD_STEPS = [vendor, browser_engine, api_schema, embed_schema]

__all__ = ["POST_BUILD_STEPS", "StepContext", "StepError"]
