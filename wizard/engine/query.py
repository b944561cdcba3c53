"""Write answers as the wizard page's query string (the address a link carries).

The format is the page's public contract: the engine's answer ids and option values; lists
comma-separated; yes/no as `yes`/`no`; numbers as decimals. `v` is the data version and `r`
the recommendation the link gave when it was made.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote


def to_query(answers: dict[str, Any], data_version: str = "", recommendation: str = "") -> str:
    """Return `?key=value&...` for canonical answers, in the answers' own order.

    >>> to_query({"code_author": "users", "regions": ["us-east-1", "eu-west-1"], "gpu": False})
    '?code_author=users&regions=us-east-1,eu-west-1&gpu=no'
    """
    parts = [f"{key}={_value(value)}" for key, value in answers.items() if value is not None]
    if data_version:
        parts.append(f"v={quote(data_version, safe='')}")
    if recommendation:
        parts.append(f"r={quote(recommendation, safe='')}")
    return "?" + "&".join(parts) if parts else ""


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ",".join(quote(str(item), safe="") for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return quote(str(value), safe="")
