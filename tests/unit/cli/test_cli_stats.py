"""`kvmgui stats`: output parsed back (CSV and JSON Lines) on the demo host and test:///default,
checked against what libvirt itself says; bad arguments give a message and a non-zero exit."""

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import libvirt
import pytest

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.stats.export import export_columns

INTERVAL = 0.5
ACTIVE = (1, 2, 3, 4, 7)  # libvirt states with a running process: running … pmsuspended


def kvmgui_stats(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kvmgui", "stats", *args], text=True,
                          capture_output=True, timeout=60, env=dict(os.environ))


@pytest.fixture
def demo() -> Iterator[libvirt.virConnect]:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())  # a private copy of the same demo host
    yield conn
    conn.close()


def running(conn: libvirt.virConnect) -> dict[str, libvirt.virDomain]:
    return {d.name(): d for d in conn.listAllDomains() if d.info()[0] in ACTIVE}


def parse_time(text: str) -> datetime:
    assert text.endswith("Z")
    return datetime.fromisoformat(text[:-1] + "+00:00")


def test_csv_on_the_demo_host_has_count_rows_per_running_domain(
        demo: libvirt.virConnect) -> None:
    result = kvmgui_stats("--connect", demo_host_uri(), "--interval", str(INTERVAL),
                          "--count", "2", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    domains = running(demo)
    most_vcpus = max(d.info()[3] for d in domains.values())
    assert reader.fieldnames == export_columns(most_vcpus)
    assert sorted(r["domain"] for r in rows) == sorted(list(domains) * 2)
    for row in rows:
        info = domains[row["domain"]].info()
        assert int(row["mem_current_kib"]) == info[2]
        # The baseline is not printed, so every row already has rates.
        assert 0 <= float(row["cpu_pct"]) <= 100 * info[3] + 1
        for vcpu in range(info[3]):
            assert row[f"vcpu{vcpu}_pct"] != ""
        for vcpu in range(info[3], most_vcpus):
            assert row[f"vcpu{vcpu}_pct"] == ""  # fewer vCPUs than the header: empty cells
        assert float(row["disk_rd_bps"]) >= 0 and float(row["net_rx_bps"]) >= 0
    ticks = sorted({parse_time(r["timestamp"]) for r in rows if r["domain"] == "web01"})
    assert len(ticks) == 2
    assert 0.3 < (ticks[1] - ticks[0]).total_seconds() < 2.0


def test_json_lines_for_one_domain_of_test_default(default_conn: libvirt.virConnect) -> None:
    info = default_conn.lookupByName("test").info()
    result = kvmgui_stats("--connect", "test:///default", "--domain", "test",
                          "--interval", str(INTERVAL), "--count", "3", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert {row["domain"] for row in rows} == {"test"}
    for row in rows:
        assert list(row) == export_columns(info[3])
        assert row["mem_current_kib"] == info[2]
        assert isinstance(row["cpu_pct"], float)
        assert all(isinstance(row[f"vcpu{i}_pct"], float) for i in range(info[3]))
    times = [parse_time(row["timestamp"]) for row in rows]
    assert times == sorted(times) and len(set(times)) == 3


# Names a spreadsheet would run as formulas (libvirt refuses only "/" in a name).
HOSTILE = ['=HYPERLINK("evil.example","open me")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tindent",
           "\rreturn"]


def hostile_host(tmp_path: Path) -> Path:
    domains = "".join(
        f"<domain type='test'><name>{escape(name, {chr(9): '&#9;', chr(13): '&#13;'})}</name>"
        "<memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>"
        for name in HOSTILE + ["plain"])
    path = tmp_path / "hostile.xml"
    path.write_text(
        "<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads>"
        "<active>2</active><mhz>2000</mhz><model>x86_64</model></cpu>"
        f"<memory>8388608</memory>{domains}</node>")
    return path


def test_csv_neutralises_domain_names_a_spreadsheet_would_run(tmp_path: Path) -> None:
    uri = f"test://{hostile_host(tmp_path)}"
    result = subprocess.run(
        [sys.executable, "-m", "kvmgui", "stats", "--connect", uri, "--interval", str(INTERVAL),
         "--count", "1", "--format", "csv"], capture_output=True, timeout=60, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()  # bytes: a CR inside a quoted cell must reach the reader as is
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(row["domain"] for row in rows) == sorted(["'" + n for n in HOSTILE] + ["plain"])
    for row in rows:
        assert float(row["cpu_pct"]) >= 0 and int(row["mem_current_kib"]) == 65536
    for line in text.split("\n")[1:]:
        assert not line.startswith(("=", "+", "-", "@", "\t", "\r"))  # not even a raw line start
    json_result = kvmgui_stats("--connect", uri, "--interval", str(INTERVAL), "--count", "1",
                               "--format", "json")
    assert json_result.returncode == 0, json_result.stderr
    names = [json.loads(line)["domain"] for line in json_result.stdout.splitlines()]
    assert sorted(names) == sorted(HOSTILE + ["plain"])  # JSON keeps the names exactly


@pytest.mark.parametrize(("args", "message"), [
    (["--interval", "0.2"], "at least 0.5"),
    (["--interval", "fast"], "not a number"),
    (["--count", "-1"], "0 or more"),
    (["--format", "xml"], "invalid choice"),
    (["--domain", "kvmgui-test-no-such-domain"], "no domain named 'kvmgui-test-no-such-domain'"),
])
def test_bad_arguments_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = kvmgui_stats("--connect", "test:///default", "--count", "1", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unreachable_uri_exits_1_with_a_message(tmp_path: "os.PathLike[str]") -> None:
    missing = os.path.join(str(tmp_path), "missing.xml")
    result = kvmgui_stats("--connect", f"test://{missing}", "--count", "1")
    assert result.returncode == 1
    assert f"cannot connect to test://{missing}" in result.stderr
    assert "Traceback" not in result.stderr
