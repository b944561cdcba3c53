"""Every scenario in the gallery (data/scenarios/) is a test of the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wizard.dataset import load_bundle
from wizard.engine import evaluate

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "data" / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def bundle():
    return load_bundle()


def test_the_gallery_has_at_least_fifteen_scenarios():
    assert len(SCENARIOS) >= 15


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_scenario_outcome(path, bundle):
    scenario = yaml.safe_load(path.read_text(encoding="utf-8"))
    expect = scenario["expect"]

    result = evaluate(scenario["answers"], bundle)

    assert scenario["id"] == path.stem
    assert result["recommendation"] == expect["recommendation"], result["reasons"]
    if "compute_type" in expect:
        assert result["compute_type"] == expect["compute_type"]
    if "architecture" in expect:
        assert result["architecture"] == expect["architecture"]
    warned = {warning["id"] for warning in result["warnings"]}
    assert set(expect.get("warnings", [])) <= warned
    assert set(expect.get("ruled_out", [])) <= set(result["ruled_out"])
