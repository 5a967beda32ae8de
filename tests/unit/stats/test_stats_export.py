"""CSV and JSON-lines export, read back with the standard parsers."""

import csv
import io
import json
import logging
from datetime import UTC, datetime

import pytest

from kvmgui.stats.export import CsvStatsWriter, JsonLinesStatsWriter, csv_cell, export_columns
from kvmgui.stats.rates import DomainRates

WALL = datetime(2025, 1, 31, 12, 0, 0, 250_000, tzinfo=UTC).timestamp()


def rates(name: str, vcpus: tuple[float | None, ...], cpu: float | None = 12.3456) -> DomainRates:
    return DomainRates(
        uuid=f"uuid-{name}", name=name, timestamp=1.0, wall_time=WALL, vcpus=len(vcpus),
        cpu_pct=cpu, vcpu_pct=vcpus, mem_current_kib=1048576.0, mem_rss_kib=None,
        disk_rd_bps=2048.0, disk_wr_bps=0.0, net_rx_bps=1500.5, net_tx_bps=None,
    )


def test_csv_header_once_and_values_round_trip() -> None:
    out = io.StringIO()
    writer = CsvStatsWriter(out, vcpu_columns=2)
    writer.write_tick([rates("web", (10.0, 20.0)), rates("db", (5.0,), cpu=None)])
    writer.write_tick([rates("web", (11.0, 21.0))])
    lines = out.getvalue().splitlines()
    assert sum(1 for line in lines if line.startswith("timestamp,")) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 3
    assert list(rows[0]) == [
        "timestamp", "domain", "cpu_pct", "vcpu0_pct", "vcpu1_pct", "mem_current_kib",
        "mem_rss_kib", "disk_rd_bps", "disk_wr_bps", "net_rx_bps", "net_tx_bps",
    ]
    web = rows[0]
    assert web["domain"] == "web"
    assert datetime.fromisoformat(web["timestamp"]) == datetime.fromtimestamp(WALL, UTC)
    assert float(web["cpu_pct"]) == pytest.approx(12.346)
    assert (float(web["vcpu0_pct"]), float(web["vcpu1_pct"])) == (10.0, 20.0)
    assert int(web["mem_current_kib"]) == 1048576
    assert web["mem_rss_kib"] == "" and web["net_tx_bps"] == ""
    assert float(web["disk_rd_bps"]) == 2048.0 and float(web["disk_wr_bps"]) == 0.0
    db = rows[1]
    assert db["cpu_pct"] == "" and db["vcpu0_pct"] == "5.0" and db["vcpu1_pct"] == ""
    assert rows[2]["vcpu1_pct"] == "21.0"


def test_csv_drops_vcpus_beyond_the_header_and_says_so_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    out = io.StringIO()
    writer = CsvStatsWriter(out, vcpu_columns=1)
    with caplog.at_level(logging.WARNING, logger="kvmgui.stats"):
        writer.write_tick([rates("big", (1.0, 2.0, 3.0)), rates("big", (1.0, 2.0, 3.0))])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert all(len(row) == len(export_columns(1)) for row in rows)
    assert [r.name for r in caplog.records].count("kvmgui.stats") == 1


def test_csv_with_a_comma_in_a_domain_name() -> None:
    out = io.StringIO()
    CsvStatsWriter(out, vcpu_columns=0).write(rates("a,b", ()))
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["domain"] == "a,b"


HOSTILE = ["=HYPERLINK(\"evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)",
           "\tindent", "\rreturn", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("name", HOSTILE)
def test_csv_neutralises_a_domain_name_a_spreadsheet_would_run(name: str) -> None:
    out = io.StringIO()
    CsvStatsWriter(out, vcpu_columns=1).write(rates(name, (-0.0,)))
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["domain"] == "'" + name  # shown as text, nothing of the name lost
    assert float(row["cpu_pct"]) == pytest.approx(12.346)  # numbers are still numbers
    assert int(row["mem_current_kib"]) == 1048576


def test_csv_cell_keeps_safe_text_and_every_number() -> None:
    for safe in ("web01", "a=b", "x-1", "", "'quoted", " =space first"):
        assert csv_cell(safe) == safe
    for number in (-1, -2.5, 0, 3.25):
        assert csv_cell(number) == number  # a negative number is a number, not a formula
    assert csv_cell(None) == ""


def test_json_keeps_hostile_names_exactly() -> None:
    out = io.StringIO()
    JsonLinesStatsWriter(out).write_tick([rates(name, ()) for name in HOSTILE])
    assert [json.loads(line)["domain"] for line in out.getvalue().splitlines()] == HOSTILE


def test_json_lines() -> None:
    out = io.StringIO()
    writer = JsonLinesStatsWriter(out)
    writer.write_tick([rates("web", (10.0, None)), rates("solo", (7.5,), cpu=None)])
    objects = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(objects) == 2
    web, solo = objects
    assert web["domain"] == "web" and web["vcpu0_pct"] == 10.0 and web["vcpu1_pct"] is None
    assert web["mem_current_kib"] == 1048576 and web["mem_rss_kib"] is None
    assert web["net_rx_bps"] == 1500.5
    assert datetime.fromisoformat(web["timestamp"]).tzinfo is not None
    assert solo["cpu_pct"] is None and "vcpu1_pct" not in solo
