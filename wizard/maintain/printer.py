"""Print problems in their one form; colour is added here and nowhere else.

Colour is used only when the stream is a terminal and NO_COLOR is unset (https://no-color.org).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from wizard.dataset.problems import Problem

BOLD, DIM, RED, YELLOW, RESET = "\033[1m", "\033[2m", "\033[31m", "\033[33m", "\033[0m"


def print_problems(problems: list[Problem], stream: TextIO | None = None) -> None:
    """Print each problem on one line, as `file:line:col: key.path: message (hint)`."""
    stream = stream or sys.stdout
    colour = _wants_colour(stream)
    for problem in problems:
        stream.write((_coloured(problem) if colour else problem.format()) + "\n")


def count_line(problems: list[Problem], what: str) -> str:
    """Summarise problems in one line, e.g. `data/: 2 errors, 1 warning`."""
    errors = sum(problem.level == "error" for problem in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{what}: no problems"
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    files = len({problem.file for problem in problems})
    return f"{what}: {', '.join(parts)} in {files} file{'s' * (files != 1)}"


def _wants_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _coloured(problem: Problem) -> str:
    plain = problem.format()
    where = f"{problem.file}:{problem.line}:{problem.col}:"
    level = RED if problem.level == "error" else YELLOW
    text = plain.removeprefix(where)
    if problem.hint and text.endswith(f"({problem.hint})"):
        text = text.removesuffix(f"({problem.hint})") + f"{DIM}({problem.hint}){RESET}"
    return f"{BOLD}{level}{where}{RESET}{text}"
