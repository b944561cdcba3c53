"""Build the site for tests and read its HTML (importable: tests/ is on sys.path)."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]

# Debian's Chromium, and the flags a closed network needs (no background connections).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def site_prefix() -> str:
    """Return the path of site_url in mkdocs.yml, e.g. "/agent-compute-guide/"."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", text, flags=re.MULTILINE)
    assert match, "mkdocs.yml: site_url is not set"
    path = urlsplit(match.group(1)).path
    return path if path.endswith("/") else path + "/"


@dataclass(frozen=True)
class SiteBuild:
    """The outcome of one `mkdocs build --strict`."""

    returncode: int
    output: str
    seconds: float
    root: Path  # serve this folder: the site is under root / prefix
    prefix: str

    @property
    def site_dir(self) -> Path:
        return self.root / self.prefix.strip("/")

    def html(self, page: str) -> str:
        """Return the HTML of a page by its address below the prefix ("" or "compare/")."""
        path = self.site_dir / page
        if page == "" or page.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def pages(self) -> list[str]:
        """Return the address of every HTML page below the prefix, home first."""
        found = []
        for path in sorted(self.site_dir.rglob("*.html")):
            relative = path.relative_to(self.site_dir).as_posix()
            found.append(relative.removesuffix("index.html"))
        return sorted(found, key=lambda page: (page != "", page))


def build_site(target: Path, config: Path | None = None) -> SiteBuild:
    """Run `mkdocs build --strict` into `target` / prefix and return what happened."""
    prefix = site_prefix()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--site-dir", str(target / prefix.strip("/"))]
    if config is not None:
        command += ["--config-file", str(config)]

    # Quiet Material's end-of-life banner so the log holds only the build's own messages.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    return SiteBuild(run.returncode, run.stdout + run.stderr, seconds, target, prefix)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(markup: str) -> str:
    """Return the visible text of an HTML fragment, whitespace collapsed."""
    parser = _Text()
    parser.feed(markup)
    return " ".join("".join(parser.parts).split())


def element_by_id(markup: str, element_id: str, tag: str) -> str:
    """Return the HTML of the first <tag id="element_id">…</tag> (no nesting of the same tag)."""
    start = markup.find(f'<{tag} id="{html.escape(element_id)}"')
    assert start >= 0, f'no <{tag} id="{element_id}"> on the page'
    end = markup.find(f"</{tag}>", start)
    return markup[start : end + len(tag) + 3]
