"""Convert and print quantities. Units are physics, not facts, so they live in code."""

from __future__ import annotations

# unit -> (family, size of one unit in the family's base unit)
_UNITS = {
    "seconds": ("time", 1.0),
    "hours": ("time", 3600.0),
    "days": ("time", 86400.0),
    "mib": ("bytes", float(2**20)),
    "gib": ("bytes", float(2**30)),
    "gb": ("bytes", 1e9),
    "vcpu": ("vcpu", 1.0),
    "per_second": ("rate", 1.0),
    "percent": ("percent", 1.0),
    "count": ("count", 1.0),
}

_NAMES = {
    "seconds": ("second", "seconds"),
    "hours": ("hour", "hours"),
    "days": ("day", "days"),
    "mib": ("MiB", "MiB"),
    "gib": ("GiB", "GiB"),
    "gb": ("GB", "GB"),
    "vcpu": ("vCPU", "vCPUs"),
    "per_second": ("per second", "per second"),
    "percent": ("%", "%"),
    "count": ("", ""),
}


def convert(amount: float, from_unit: str, to_unit: str) -> float:
    """Convert amount between two units of the same family (hours to seconds, GB to GiB)."""
    from_family, from_size = _UNITS[from_unit]
    to_family, to_size = _UNITS[to_unit]
    if from_family != to_family:
        raise ValueError(f"cannot convert {from_unit} to {to_unit}")
    return amount * from_size / to_size


def plain_number(amount: float) -> str:
    """Print 8.0 as 8 and 7.25 as 7.25, with thousands separators."""
    if float(amount).is_integer():
        return f"{int(amount):,}"
    return f"{amount:,.2f}".rstrip("0").rstrip(".")


def describe(amount: float, unit: str) -> str:
    """Say a quantity the way a reader would: '12 hours', '16 vCPUs', '30 %'."""
    singular, plural = _NAMES[unit]
    name = singular if amount == 1 else plural
    if unit == "percent":
        return f"{plain_number(amount)} %"
    return f"{plain_number(amount)} {name}".strip()
