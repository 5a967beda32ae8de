"""Turn a stretch of a domain's history back into rows for kvmgui/stats/export.py (no Qt)."""

import math
from typing import TextIO

from kvmgui.stats.export import CsvStatsWriter
from kvmgui.stats.history import TIME_SERIES, DomainHistory, vcpu_series
from kvmgui.stats.rates import SCALAR_SERIES, DomainRates


def history_rates(history: DomainHistory, uuid: str, name: str,
                  start: float = -math.inf, end: float = math.inf) -> list[DomainRates]:
    """The samples whose wall-clock time lies in [start, end], oldest first."""
    times = history.view(TIME_SERIES)
    picked = [i for i, t in enumerate(times) if start <= t <= end]
    if not picked:
        return []
    scalars = {name: history.view(name) for name in SCALAR_SERIES}
    vcpus = [history.view(vcpu_series(v)) for v in range(history.vcpu_count)]
    rows = []
    for i in picked:
        values = {key: _value(series[i]) for key, series in scalars.items()}
        rows.append(DomainRates(
            uuid=uuid, name=name, timestamp=float(times[i]), wall_time=float(times[i]),
            vcpus=history.vcpu_count or None,
            vcpu_pct=tuple(_value(series[i]) for series in vcpus),
            **values,  # type: ignore[arg-type]
        ))
    return rows


def write_history_csv(stream: TextIO, history: DomainHistory, uuid: str, name: str,
                      start: float = -math.inf, end: float = math.inf) -> int:
    """Write the samples in [start, end] as CSV (header included); returns the row count."""
    rows = history_rates(history, uuid, name, start, end)
    writer = CsvStatsWriter(stream, history.vcpu_count)
    if not rows:
        stream.write(",".join(writer.columns) + "\n")  # an empty export still names its columns
        return 0
    writer.write_tick(rows)
    return len(rows)


def _value(value: float) -> float | None:
    return None if math.isnan(value) else float(value)
