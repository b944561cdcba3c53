"""Fixtures for the engine tests: the real data bundle, and copies to change."""

from __future__ import annotations

import copy

import pytest

from wizard.dataset import load_bundle


@pytest.fixture(scope="session")
def bundle():
    return load_bundle()


@pytest.fixture
def edited(bundle):
    """A deep copy of the bundle that a test may change without touching the others."""
    return copy.deepcopy(bundle)


def fact(bundle, fact_id):
    return next(entry for entry in bundle["facts"] if entry["id"] == fact_id)
