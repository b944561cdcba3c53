"""The broken-file corpus in tests/data_faults/: its base data set and its fault files.

See tests/test_dataset_faults.py for the format of a fault file.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from wizard.dataset.loader import DATA_DIR

FAULTS_DIR = Path(__file__).parent / "data_faults"
BASE_DIR = FAULTS_DIR / "base"
HEADER = re.compile(r"^# (fault|replaces|adds|pad-to|expect): (.*)$")


@dataclass
class Fault:
    """A fault file's header."""

    kind: str = ""
    target: str = ""
    pad_to: int = 0
    expect: list[str] = field(default_factory=list)


def read_fault(path: Path) -> Fault:
    """Read the header of a fault file (the file itself may be anything but text)."""
    fault = Fault()
    text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    for line in text.splitlines():
        match = HEADER.match(line)
        if not match:
            break
        key, value = match.groups()
        if key == "fault":
            fault.kind = value
        elif key in ("replaces", "adds"):
            fault.target = value
        elif key == "pad-to":
            fault.pad_to = int(value)
        else:
            fault.expect.append(value)
    return fault


def base_data(tmp_path: Path) -> Path:
    """Copy the base data set and the project's schemas into `tmp_path/data`."""
    root = tmp_path / "data"
    shutil.copytree(BASE_DIR, root, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(DATA_DIR / "schema", root / "schema")
    return root


def install(fault_file: Path, fault: Fault, root: Path) -> None:
    """Put the fault file in place in the data folder `root`."""
    content = fault_file.read_bytes()
    while len(content) < fault.pad_to:
        content += b"# padding to grow the file past the size limit" + b"." * 50 + b"\n"
    target = root / fault.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
