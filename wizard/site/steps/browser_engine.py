"""Put what the wizard page runs into the built site: Pyodide, the engine wheel and the data.

The wizard page (pages/wizard.py) runs the engine in the reader's browser. This step writes
what that needs, in four stages:

1. the Pyodide runtime, copied from node_modules/pyodide into assets/pyodide/ (the version is
   pinned once, in package.json), unless mkdocs.yml names a CDN instead;
2. the engine as a pure-Python wheel, built with pypa `build` from a copy of the package
   (cached by the hash of its sources, so `mkdocs serve` rebuilds it only when code changes);
3. the data bundle as JSON at api/v1/data.json;
4. assets/wizard/runtime.json, which tells the page where the three are.

Settings (mkdocs.yml):

    extra:
      wizard:
        pyodide_url: ""      # empty: the site's own copy; or a URL, "{version}" filled in
        timeout_seconds: 60  # after this the page says the engine is late (it keeps loading)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from wizard.dataset.publish import API_PATH, bundle_document
from wizard.site.steps.context import StepContext, StepError

# The files a browser fetches from the runtime: loader, Emscripten module, interpreter,
# standard library, and the package lock that loadPyodide() reads.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_DIR = "assets/pyodide"
WIZARD_DIR = "assets/wizard"
DATA_PATH = API_PATH
DEFAULT_TIMEOUT_SECONDS = 60

# What the wheel is built from (the rest of the repository never enters it).
WHEEL_SOURCES = ("pyproject.toml", "README.md", "wizard")
WHEEL_CACHE = ".cache/wizard-wheel"
# A wheel may hold the package and its own metadata, nothing else.
WHEEL_PACKAGE = "wizard"


def run(context: StepContext) -> None:
    """Copy the runtime, build the wheel, publish the data and write runtime.json."""
    settings = _settings(context.config)
    version = pyodide_version(context.project_dir)

    # 1. The runtime: the site's own copy unless a CDN is configured.
    if settings["pyodide_url"]:
        pyodide = settings["pyodide_url"].replace("{version}", version)
    else:
        copy_pyodide(context.project_dir, context.site_dir / PYODIDE_DIR)
        pyodide = "../pyodide/"

    # 2. The engine wheel, next to the glue that loads it.
    wheel = build_wheel(context.project_dir)
    target = context.site_dir / WIZARD_DIR / wheel.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wheel, target)

    # 3. The data.
    data = write_data(context.bundle, context.site_dir / DATA_PATH)

    # 4. Where the page finds each (paths relative to runtime.json; hashes bust caches).
    runtime = {
        "pyodide": pyodide if pyodide.endswith("/") else f"{pyodide}/",
        "pyodide_version": version,
        "wheel": f"{wheel.name}?h={_digest(target.read_bytes())}",
        "data": f"../../{DATA_PATH}?h={_digest(data)}",
        "data_version": context.bundle["meta"]["data_version"],
        "timeout_seconds": settings["timeout_seconds"],
    }
    (context.site_dir / WIZARD_DIR / "runtime.json").write_text(
        json.dumps(runtime, indent=2) + "\n", encoding="utf-8"
    )


def pyodide_version(project_dir: Path) -> str:
    """Return the Pyodide version pinned in package.json, checked against node_modules."""
    pinned = _read_json(project_dir / "package.json")["dependencies"].get("pyodide")
    if not pinned:
        raise StepError("package.json pins no `pyodide` dependency")
    installed_file = project_dir / "node_modules" / "pyodide" / "package.json"
    if not installed_file.is_file():
        raise StepError(f"{installed_file} is missing; install it with `npm ci` (or `make setup`)")
    installed = _read_json(installed_file)["version"]
    if installed != pinned:
        raise StepError(
            f"node_modules holds pyodide {installed} but package.json pins {pinned}; "
            "run `npm ci` to install the pinned version"
        )
    return pinned


def copy_pyodide(project_dir: Path, target: Path) -> None:
    """Copy the runtime files a browser fetches into the site."""
    source = project_dir / "node_modules" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        if not (source / name).is_file():
            raise StepError(f"{source / name} is missing; reinstall it with `npm ci`")
        _copy_if_changed(source / name, target / name)


def build_wheel(project_dir: Path, cache_dir: Path | None = None) -> Path:
    """Return the engine's wheel, built with `python -m build` unless cached for these sources.

    The build runs on a copy of the package, so it never writes build/ or *.egg-info into the
    work tree, and two builds at once cannot trip over each other.
    """
    cache_dir = cache_dir or project_dir / WHEEL_CACHE
    key = _sources_digest(project_dir)
    cached = sorted((cache_dir / key).glob("*.whl"))
    if cached:
        return cached[0]

    with tempfile.TemporaryDirectory(prefix="wizard-wheel-") as scratch:
        tree = Path(scratch) / "src"
        _copy_sources(project_dir, tree)
        out = Path(scratch) / "dist"
        # --no-isolation: setuptools and wheel are pinned in requirements.txt, so the build
        # needs no network and gives the same wheel every time.
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir"]
        done = subprocess.run(
            [*command, str(out), str(tree)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise StepError(f"building the engine wheel failed:\n{tail}")
        wheels = sorted(out.glob("*.whl"))
        if len(wheels) != 1:
            raise StepError(f"`python -m build` made {len(wheels)} wheels, expected one")
        _check_wheel(wheels[0])

        (cache_dir / key).mkdir(parents=True, exist_ok=True)
        built = cache_dir / key / wheels[0].name
        shutil.copyfile(wheels[0], built)
    return built


def write_data(bundle: dict[str, Any], target: Path) -> bytes:
    """Write the published data document; return its bytes."""
    # The data API owns the document's shape; the page reads the bundle out of it.
    document = bundle_document(bundle)
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return data


def _settings(config: Any) -> dict[str, Any]:
    extra = (config.extra if config is not None else {}) or {}
    wizard = extra.get("wizard") or {}
    timeout = wizard.get("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or timeout <= 0:
        raise StepError(f"extra.wizard.timeout_seconds must be a positive number, not {timeout!r}")
    url = wizard.get("pyodide_url") or ""
    if url and not url.startswith(("https://", "http://", "/")):
        raise StepError(
            f"extra.wizard.pyodide_url must be an absolute URL or empty, not {url!r} "
            "(example: https://cdn.jsdelivr.net/pyodide/v{version}/full/)"
        )
    return {"pyodide_url": url, "timeout_seconds": timeout}


def _sources_digest(project_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(_source_files(project_dir)):
        digest.update(path.relative_to(project_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _source_files(project_dir: Path) -> list[Path]:
    files = []
    for name in WHEEL_SOURCES:
        path = project_dir / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(
                found
                for found in path.rglob("*")
                if found.is_file() and "__pycache__" not in found.parts
            )
    return files


def _copy_sources(project_dir: Path, tree: Path) -> None:
    tree.mkdir(parents=True)
    for path in _source_files(project_dir):
        target = tree / path.relative_to(project_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    # pyproject.toml names README.md as the long description; the build needs the file.
    (tree / "README.md").touch()


def _check_wheel(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = {name.split("/", 1)[0] for name in names}
    stray = sorted(top for top in tops if top != WHEEL_PACKAGE and not top.endswith(".dist-info"))
    if stray:
        raise StepError(
            f"the engine wheel must hold only the wizard package; it also holds {stray[:5]} "
            "(check [tool.setuptools.packages.find] in pyproject.toml)"
        )


def _copy_if_changed(source: Path, target: Path) -> None:
    # The runtime is 13 MB; `mkdocs serve` rebuilds often, and most rebuilds change nothing.
    if target.is_file():
        here, there = source.stat(), target.stat()
        if here.st_size == there.st_size and int(here.st_mtime) == int(there.st_mtime):
            return
    shutil.copy2(source, target)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StepError(f"{path} could not be read: {error}") from error
