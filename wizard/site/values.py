"""Word a typed fact value, an evidence grade or a source kind for a reader.

Only presentation lives here: how a unit or an enum value is spelled. The values themselves
come from data/; a value's own `label` always wins over the generic wording.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Units as the facts schema names them -> (singular, plural) as readers write them.
UNITS = {
    "seconds": ("second", "seconds"),
    "hours": ("hour", "hours"),
    "days": ("day", "days"),
    "gib": ("GiB", "GiB"),
    "gb": ("GB", "GB"),
    "mib": ("MiB", "MiB"),
    "vcpu": ("vCPU", "vCPUs"),
    "per_second": ("per second", "per second"),
    "percent": ("%", "%"),
    "count": ("", ""),
}

# Enum values of `evidence` (facts schema) and `kind` (sources schema) as short badges. The
# schema's own description of each grade is shown on the Compare page as the legend.
EVIDENCE = {
    "official_doc": "official doc",
    "sdk_model": "SDK model",
    "hands_on": "hands-on",
    "third_party": "third-party",
    "unverified": "unverified",
}
SOURCE_KINDS = {
    "official_doc": "official documentation",
    "sdk_model": "SDK model",
    "aws_github": "AWS on GitHub",
    "hands_on": "hands-on report",
    "third_party": "third-party analysis",
    "article": "the article",
}
STATUSES = {"open": "Open", "workaround": "Workaround known", "fixed": "Fixed"}


def evidence_label(grade: str) -> str:
    """Return the badge text of an evidence grade."""
    return EVIDENCE.get(grade, grade.replace("_", " "))


def kind_label(kind: str) -> str:
    """Return how a source kind reads in a sentence."""
    return SOURCE_KINDS.get(kind, kind.replace("_", " "))


def status_label(status: str) -> str:
    """Return how a gotcha status reads as a heading."""
    return STATUSES.get(status, status.capitalize())


def format_number(number: float, unit: str) -> str:
    """Return e.g. "28,800 seconds" or "7.2 GB".

    >>> format_number(28800, "seconds")
    '28,800 seconds'
    >>> format_number(1, "vcpu")
    '1 vCPU'
    """
    singular, plural = UNITS.get(unit, (unit, unit))
    amount = f"{number:,}" if isinstance(number, int) else f"{number:,.10g}"
    word = singular if number == 1 else plural
    if unit == "percent":
        return f"{amount}%"
    return f"{amount} {word}".strip()


def format_value(value: dict[str, Any], option_label: Callable[[str], str] | None = None) -> str:
    """Return the reader's wording of a typed value: its label, or a generic form.

    `option_label` turns an item of an `items` value into its label (the dimension's
    vocabulary); without it the raw item values are shown.

    >>> format_value({"yes_no": True})
    'Yes'
    >>> format_value({"number": 8, "unit": "gib"})
    '8 GiB'
    >>> format_value({"regions": ["us-east-1", "eu-west-1"]})
    '2 Regions'
    """
    if "text" in value:
        return value["text"]
    if value.get("label"):
        return value["label"]
    if "yes_no" in value:
        return "Yes" if value["yes_no"] else "No"
    if "number" in value:
        return format_number(value["number"], value["unit"])
    if "regions" in value:
        count = len(value["regions"])
        return f"{count} Region" if count == 1 else f"{count} Regions"
    if "items" in value:
        items = value["items"]
        if not items:
            return "None"
        return ", ".join(option_label(item) if option_label else item for item in items)
    raise ValueError(f"value has no known form: {sorted(value)}")


def machine_value(value: dict[str, Any]) -> str | None:
    """Return the number with its unit when a label hides it, else None.

    >>> machine_value({"number": 28800, "unit": "seconds", "label": "8 hours"})
    '28,800 seconds'
    """
    if "number" in value and value.get("label"):
        return format_number(value["number"], value["unit"])
    return None
