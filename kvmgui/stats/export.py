"""Rows for headless stats export: CSV and JSON lines, one row per domain per tick (pure).

Columns: timestamp, domain, cpu_pct, vcpu0_pct … vcpu<N-1>_pct, mem_current_kib, mem_rss_kib,
disk_rd_bps, disk_wr_bps, net_rx_bps, net_tx_bps.
- timestamp: ISO 8601 in UTC with milliseconds ("2025-01-31T12:00:00.250Z").
- cpu_pct and vcpu<N>_pct: % of one host CPU. Rates are bytes per second.
- A value libvirt did not report, or a rate that does not exist yet (first tick of a domain, tick of
  a restart), is an empty CSV cell and JSON null.

CSV header decision: the header is written once, before the first row, and never changes, so the
file stays a valid CSV for any reader. Its vCPU column count is fixed when the writer is created
(the caller passes the largest vCPU count of the first tick, or the domains' maximum vCPUs);
domains with fewer vCPUs leave the extra cells empty, and vCPUs beyond the header are left out of
the CSV (logged once). JSON lines have no header: each row carries exactly its domain's vCPUs.

CSV injection: domain names come from the host, and a spreadsheet runs a cell starting with `=`,
`+`, `-`, `@`, tab or CR as a formula. Such text cells get a leading `'` (OWASP's advice), the
rest of the value kept; numbers are written as numbers. JSON is not opened by spreadsheets and
keeps the names exactly.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TextIO

from kvmgui.core import log
from kvmgui.stats.rates import DomainRates

Cell = str | float | int | None

HEAD_COLUMNS = ("timestamp", "domain", "cpu_pct")
TAIL_COLUMNS = (
    "mem_current_kib", "mem_rss_kib", "disk_rd_bps", "disk_wr_bps", "net_rx_bps", "net_tx_bps",
)
DECIMALS = 3
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def vcpu_column(index: int) -> str:
    return f"vcpu{index}_pct"


def export_columns(vcpu_columns: int) -> list[str]:
    """The CSV header for `vcpu_columns` vCPU columns."""
    return [*HEAD_COLUMNS, *(vcpu_column(i) for i in range(vcpu_columns)), *TAIL_COLUMNS]


def vcpu_count(rates: DomainRates) -> int:
    """vCPU columns a row of this domain needs."""
    return max(len(rates.vcpu_pct), rates.vcpus or 0)


def format_timestamp(wall_time: float) -> str:
    moment = datetime.fromtimestamp(wall_time, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def csv_cell(value: Cell) -> str | float | int:
    """One CSV cell: text a spreadsheet would take for a formula is neutralised with a leading
    `'`; numbers stay numbers and a missing value is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_record(rates: DomainRates, vcpu_columns: int | None = None) -> dict[str, Cell]:
    """One row as an ordered dict; `vcpu_columns` defaults to this domain's own vCPU count."""
    count = vcpu_count(rates) if vcpu_columns is None else vcpu_columns
    row: dict[str, Cell] = {
        "timestamp": format_timestamp(rates.wall_time),
        "domain": rates.name,
        "cpu_pct": _rounded(rates.cpu_pct),
    }
    for index in range(count):
        value = rates.vcpu_pct[index] if index < len(rates.vcpu_pct) else None
        row[vcpu_column(index)] = _rounded(value)
    row["mem_current_kib"] = _kib(rates.mem_current_kib)
    row["mem_rss_kib"] = _kib(rates.mem_rss_kib)
    row["disk_rd_bps"] = _rounded(rates.disk_rd_bps)
    row["disk_wr_bps"] = _rounded(rates.disk_wr_bps)
    row["net_rx_bps"] = _rounded(rates.net_rx_bps)
    row["net_tx_bps"] = _rounded(rates.net_tx_bps)
    return row


class CsvStatsWriter:
    """Writes CSV rows with a stable header (see the module docstring)."""

    def __init__(self, stream: TextIO, vcpu_columns: int) -> None:
        self._stream = stream
        self._vcpu_columns = max(0, vcpu_columns)
        # Rows go through a buffer: with "\r\n" as its terminator the csv module quotes a cell
        # holding a CR (with "\n" it writes it raw and the row falls apart); each row then ends
        # in "\n" like every other line of the file.
        self._row = io.StringIO()
        self._writer = csv.writer(self._row, lineterminator="\r\n")
        self._header_written = False
        self._overflow_logged = False

    @property
    def columns(self) -> list[str]:
        return export_columns(self._vcpu_columns)

    def write(self, rates: DomainRates) -> None:
        if not self._header_written:
            self._write_row(self.columns)
            self._header_written = True
        if vcpu_count(rates) > self._vcpu_columns and not self._overflow_logged:
            log.stats.warning(
                "CSV export has %d vCPU columns; %s has %d vCPUs, the extra ones are not written",
                self._vcpu_columns, rates.name, vcpu_count(rates),
            )
            self._overflow_logged = True
        row = export_record(rates, self._vcpu_columns)
        self._write_row([csv_cell(value) for value in row.values()])

    def _write_row(self, cells: Sequence[str | float | int]) -> None:
        self._row.seek(0)
        self._row.truncate()
        self._writer.writerow(cells)
        self._stream.write(self._row.getvalue()[:-2] + "\n")

    def write_tick(self, rates: Iterable[DomainRates]) -> None:
        """Write one tick's rows and flush, so a reader following the file sees whole ticks."""
        for item in rates:
            self.write(item)
        self._stream.flush()


class JsonLinesStatsWriter:
    """Writes one JSON object per line; keys as the CSV columns, null for missing values."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, rates: DomainRates) -> None:
        self._stream.write(json.dumps(export_record(rates), allow_nan=False) + "\n")

    def write_tick(self, rates: Iterable[DomainRates]) -> None:
        for item in rates:
            self.write(item)
        self._stream.flush()


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def _kib(value: float | None) -> int | None:
    return None if value is None else int(value)
