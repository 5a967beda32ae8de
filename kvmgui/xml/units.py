"""libvirt's ``unit=`` scaling (formatdomain "Memory Allocation", formatstorage "capacity")."""

from __future__ import annotations

_POWERS = {"k": 1, "m": 2, "g": 3, "t": 4, "p": 5, "e": 6}


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


def parse_scaled(
    text: str | None, unit: str | None, default_unit: str, out_unit: str
) -> int | None:
    """Convert ``text`` in ``unit`` to whole ``out_unit`` (rounded up, as libvirt does)."""
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        return None
    factor = unit_factor(unit, default_unit)
    divisor = unit_factor(out_unit, out_unit)
    if factor is None or divisor is None or value < 0:
        return None
    return -(-value * factor // divisor)
