"""libvirt's ``unit=`` scaling (formatdomain "Memory Allocation", formatstorage "capacity")."""

from __future__ import annotations

import re
from typing import Literal

_POWERS = {"k": 1, "m": 2, "g": 3, "t": 4, "p": 5, "e": 6}
# What libvirt's number parser takes: optional sign, ASCII digits (int() also takes "1_0"
# and other scripts' digits, which libvirt refuses).
_INTEGER = re.compile(r"\s*[+-]?[0-9]+\s*")

# libvirt keeps domain memory as a signed 64-bit byte count and storage sizes unsigned.
MAX_MEMORY_BYTES = 2**63 - 1
MAX_STORAGE_BYTES = 2**64 - 1

SizeFault = Literal["unit", "number", "too large"]


def parse_int(text: str) -> int | None:
    """A base-10 integer as libvirt reads one (surrounding blanks allowed), else None."""
    if _INTEGER.fullmatch(text) is None:
        return None
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (a hostile document)
        return None


def unit_factor(unit: str | None, default: str) -> int | None:
    """Bytes per ``unit``, following libvirt's rules; None for an unknown unit.

    Like libvirt: case-insensitive, ``b``/``bytes`` are bytes, a bare letter or ``XiB`` is a
    power of 1024 and ``XB`` a power of 1000.  A missing unit means ``default``.
    """
    text = (unit if unit else default).strip().lower()
    if text in ("b", "byte", "bytes"):
        return 1
    power = _POWERS.get(text[:1])
    if power is None:
        return None
    rest = text[1:]
    if rest in ("", "ib"):
        return int(1024**power)
    if rest == "b":
        return int(1000**power)
    return None


def size_bytes(text: str | None, unit: str | None, default_unit: str) -> int | None:
    """The size in bytes, or None when the number or the unit does not parse (or is < 0)."""
    value = None if text is None else parse_int(text)
    factor = unit_factor(unit, default_unit)
    if value is None or factor is None or value < 0:
        return None
    return value * factor


def parse_scaled(
    text: str | None, unit: str | None, default_unit: str, out_unit: str
) -> int | None:
    """Convert ``text`` in ``unit`` to whole ``out_unit`` (rounded up, as libvirt does)."""
    size = size_bytes(text, unit, default_unit)
    divisor = unit_factor(out_unit, out_unit)
    if size is None or divisor is None:
        return None
    return -(-size // divisor)


def size_fault(text: str, unit: str | None, default_unit: str, max_bytes: int) -> SizeFault | None:
    """Why libvirt would refuse this size: an unknown unit, a number that is not a whole
    number of at least 0, or more bytes than it can store; None when it is fine."""
    if unit_factor(unit, default_unit) is None:
        return "unit"
    size = size_bytes(text, unit, default_unit)
    if size is None:
        return "number"
    return "too large" if size > max_bytes else None
