"""Human-readable sizes and ratios (pure)."""

_BINARY = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")


def format_bytes(value: int | float) -> str:
    """1536 -> '1.5 KiB'; exact multiples drop the decimal: 2 GiB -> '2 GiB'."""
    amount = float(value)
    unit = 0
    while abs(amount) >= 1024 and unit < len(_BINARY) - 1:
        amount /= 1024
        unit += 1
    if unit == 0 or amount == int(amount):
        return f"{int(amount)} {_BINARY[unit]}"
    return f"{amount:.1f} {_BINARY[unit]}"


def format_kib(value_kib: int) -> str:
    return format_bytes(value_kib * 1024)


def format_ratio(ratio: float | None) -> str:
    """Overcommit ratios: '1.88×' or '–' when there is nothing to divide by."""
    return "–" if ratio is None else f"{ratio:.2f}×"
