"""The decision engine: answers and a data bundle in, a recommendation out.

Standard library only: this package runs unchanged on CPython 3.11+ and in Pyodide.
"""

from wizard.engine.answers import InvalidAnswers
from wizard.engine.json_api import evaluate_json
from wizard.engine.result import ENGINE_VERSION, evaluate

__all__ = ["ENGINE_VERSION", "InvalidAnswers", "evaluate", "evaluate_json"]
