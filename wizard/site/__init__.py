"""The MkDocs plugin that renders the guide's pages from the data bundle at build time.

`plugin.GuidePlugin` is the thin MkDocs glue; `pages/` holds one generator per page kind and
`steps/` the post-build steps. See README.md in this folder for the extension points.
"""
