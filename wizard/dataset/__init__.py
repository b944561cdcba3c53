"""Load the YAML files in data/ into the plain-dict bundle the engine and the site read."""

from wizard.dataset.loader import DATA_DIR, load_bundle

__all__ = ["DATA_DIR", "load_bundle"]
