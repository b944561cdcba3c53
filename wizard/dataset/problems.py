"""One record type for every problem found in the data, and its one printed form.

Every check (reading, schema, references, SDK models, freshness) reports `Problem` records;
the printer in `wizard.maintain.report` adds colour, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]

# Path segments are mapping keys (str) or list indexes (int).
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at one place in one data file.

    `line` and `col` count from 1. `path` is the key path inside the file, `()` for the file
    as a whole. `hint` says what to do about it, and may be empty.
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    hint: str = ""
    level: Level = "error"

    def format(self) -> str:
        """Render the problem as `file:line:col: key.path: message (hint)`.

        >>> Problem("data/meta.yaml", 3, 15, "data_version", "expected text", "quote it").format()
        'data/meta.yaml:3:15: data_version: expected text (quote it)'
        """
        where = f"{self.file}:{self.line}:{self.col}: {self.path}: "
        level = "warning: " if self.level == "warning" else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{level}{self.message}{hint}"


def format_path(path: KeyPath) -> str:
    """Render a key path as `facts[3].value.text`; the whole file is `(file)`.

    >>> format_path(("facts", 3, "value", "text"))
    'facts[3].value.text'
    >>> format_path(())
    '(file)'
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"


def has_errors(problems: list[Problem]) -> bool:
    """Say whether any problem is an error (warnings never fail a check)."""
    return any(problem.level == "error" for problem in problems)


class DataError(ValueError):
    """Raised when data/ cannot be loaded; `.problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(problem.format() for problem in problems)
        super().__init__(f"data/ has {len(problems)} problem(s):\n{lines}")
