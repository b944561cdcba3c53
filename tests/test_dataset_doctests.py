"""The examples in the docstrings of the data and maintainer modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "wizard.dataset.freshness",
    "wizard.dataset.layout",
    "wizard.dataset.problems",
    "wizard.maintain.cli_snippets",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))

    assert (result.failed, result.attempted > 0) == (0, True)
