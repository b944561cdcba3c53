"""The engine gives the same JSON under Pyodide as under CPython, byte for byte.

Harness: a small Node script (tests/pyodide/run_engine.cjs) loads the npm `pyodide` package
that the site ships, installs the engine's wheel the way the page does (unpacked into
site-packages, no micropip), and runs `evaluate_json` over every answer set. pytest-pyodide
would do the same through a browser or Node, but its current release needs pytest < 9 and a
doctored pyodide-lock.json; one Node process is simpler and starts Python once.

The answer sets: every gallery scenario, 600 random sets drawn from data/questions.yaml with a
fixed seed, and 60 invalid ones (so the `problems` answer is compared too).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.answer_sets import random_answers
from wizard.dataset import load_bundle
from wizard.engine import evaluate_json
from wizard.site.steps.browser_engine import build_wheel

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "pyodide" / "run_engine.cjs"
SEED = 20261203
RANDOM_SETS = 600
INVALID_SETS = 60

pytestmark = pytest.mark.pyodide


def invalid_answers(bundle: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A valid set with one or two answers broken in the ways a URL or a file breaks them."""
    answers = random_answers(bundle, rng)
    breakages = [
        ("code_author", "robots"),
        ("regions", ["us-east-1", "mars-north-1"]),
        ("os_features", "docker"),
        ("gpu", "yes"),
        ("vcpus", -2),
        ("io_wait_percent", 140.5),
        ("session_hours", "long"),
        ("no_such_question", 1),
    ]
    for question, value in rng.sample(breakages, rng.randint(1, 2)):
        answers[question] = value
    return answers


def answer_sets(bundle: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(name, answers) for every set the test compares."""
    sets = []
    for path in sorted((ROOT / "data" / "scenarios").glob("*.yaml")):
        sets.append((f"scenario:{path.stem}", yaml.safe_load(path.read_text())["answers"]))
    rng = random.Random(SEED)
    sets += [(f"random:{index}", random_answers(bundle, rng)) for index in range(RANDOM_SETS)]
    sets += [(f"invalid:{index}", invalid_answers(bundle, rng)) for index in range(INVALID_SETS)]
    return sets


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is not installed; the Pyodide parity test needs Node.js (see README)")
    if not (ROOT / "node_modules" / "pyodide" / "package.json").is_file():
        pytest.fail("node_modules/pyodide is missing; run `npm ci` (or `make setup`)")
    return found


def test_engine_json_is_identical_under_pyodide(node, tmp_path):
    bundle = load_bundle()
    bundle_json = json.dumps(bundle)
    sets = answer_sets(bundle)
    texts = [json.dumps(answers) for _, answers in sets]
    (tmp_path / "bundle.json").write_text(bundle_json, encoding="utf-8")
    (tmp_path / "sets.json").write_text(json.dumps(texts), encoding="utf-8")

    wheel = build_wheel(ROOT)
    files = [tmp_path / name for name in ("bundle.json", "sets.json", "out.json")]
    run = subprocess.run(
        [node, str(SCRIPT), str(wheel), *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))

    assert out["python"].startswith("3.14"), out["python"]
    assert len(out["results"]) == len(sets)
    refused = [
        name
        for (name, _), text in zip(sets, out["results"], strict=True)
        if name.startswith("random:") and "problems" in json.loads(text)
    ]
    assert not refused, f"random sets must be valid answers: {refused[:5]}"
    assert sum(1 for name, _ in sets if name.startswith("random:")) >= 500
    mismatched = [
        name
        for (name, _), text, pyodide_text in zip(sets, texts, out["results"], strict=True)
        if evaluate_json(text, bundle_json) != pyodide_text
    ]
    assert not mismatched, f"{len(mismatched)} sets differ, first: {mismatched[:5]}"
    # The random sets must reach every outcome, or the comparison proves little.
    outcomes = {json.loads(text).get("recommendation") for text in out["results"]}
    assert {"agentcore-runtime", "lambda-microvms", "both", "neither"} <= outcomes
