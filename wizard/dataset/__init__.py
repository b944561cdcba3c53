"""Load the YAML files in data/ into the plain-dict bundle the engine and the site read.

- `load_bundle(root)`: the bundle; raises `DataError` (with `.problems`) if a file cannot be read.
- `check_data(root)`: every problem in data/, each a `Problem` at a file, line and column.
- `is_past_review(fact, today)`: whether a fact's review date has passed.
"""

from wizard.dataset.freshness import is_past_review
from wizard.dataset.loader import DATA_DIR, load_bundle
from wizard.dataset.problems import DataError, Problem
from wizard.dataset.validate import check_data

__all__ = ["DATA_DIR", "DataError", "Problem", "check_data", "is_past_review", "load_bundle"]
