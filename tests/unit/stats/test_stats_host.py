"""Host CPU usage from two node CPU snapshots, host memory, vCPU placement parsing."""

import pytest

from kvmgui.stats.host import CpuTimes, HostMemory, cpu_usage, per_cpu_usage
from kvmgui.stats.placement import (
    VcpuPlacement,
    merge_placement,
    thread_ids_from_query_cpus_fast,
)


def times(kernel: int, user: int, idle: int, iowait: int | None = 0) -> CpuTimes:
    return CpuTimes(kernel_ns=kernel, user_ns=user, idle_ns=idle, iowait_ns=iowait)


def test_usage_shares() -> None:
    prev = times(1000, 2000, 5000, 100)
    cur = times(1000 + 100, 2000 + 300, 5000 + 500, 100 + 100)  # 1000 ns elapsed
    usage = cpu_usage(prev, cur)
    assert usage is not None
    assert usage.busy_pct == pytest.approx(40.0)
    assert usage.kernel_pct == pytest.approx(10.0)
    assert usage.user_pct == pytest.approx(30.0)
    assert usage.iowait_pct == pytest.approx(10.0)


def test_usage_without_iowait() -> None:
    usage = cpu_usage(times(0, 0, 0, None), times(50, 0, 150, None))
    assert usage is not None and usage.busy_pct == pytest.approx(25.0)
    assert usage.iowait_pct is None


def test_constant_or_reset_counters_give_none() -> None:
    same = times(10, 20, 30)
    assert cpu_usage(same, same) is None  # what the test driver returns
    assert cpu_usage(times(10, 20, 30), times(5, 25, 40)) is None
    assert cpu_usage(None, same) is None


def test_per_cpu_with_offline_and_new_cpus() -> None:
    prev = [times(0, 0, 0), None]
    cur = [times(10, 10, 80), times(5, 5, 5), times(1, 1, 1)]
    result = per_cpu_usage(prev, cur)
    assert len(result) == 3
    assert result[0] is not None and result[0].busy_pct == pytest.approx(20.0)
    assert result[1] is None and result[2] is None


def test_cpu_times_from_libvirt_dict() -> None:
    parsed = CpuTimes.from_libvirt({"kernel": 1, "user": 2, "idle": 3, "iowait": 4})
    assert parsed == times(1, 2, 3, 4)
    assert CpuTimes.from_libvirt({"kernel": 1, "user": 2, "idle": 3}).iowait_ns is None


def test_host_memory() -> None:
    mem = HostMemory.from_libvirt({"total": 16000, "free": 4000, "buffers": 1000, "cached": 3000})
    assert mem is not None and mem.used_kib == 8000 and mem.used_pct == pytest.approx(50.0)
    assert HostMemory.from_libvirt({"total": 16000}) is None
    assert HostMemory(total_kib=0, free_kib=0).used_pct is None


def test_query_cpus_fast_reply() -> None:
    reply = (
        '{"return": [{"cpu-index": 0, "thread-id": 4242, "qom-path": "/machine/unattached/'
        'device[0]", "target": "x86_64"}, {"cpu-index": 1, "thread-id": 4243}], "id": "x"}'
    )
    assert thread_ids_from_query_cpus_fast(reply) == {0: 4242, 1: 4243}


@pytest.mark.parametrize(
    "reply", ["not json", "[]", '{"error": {"class": "GenericError"}}', '{"return": 5}'],
)
def test_unusable_replies(reply: str) -> None:
    assert thread_ids_from_query_cpus_fast(reply) is None


def test_entries_without_thread_ids_are_skipped() -> None:
    reply = '{"return": [{"cpu-index": 0}, {"cpu-index": 1, "thread-id": 77}, 3]}'
    assert thread_ids_from_query_cpus_fast(reply) == {1: 77}


def test_merge_placement() -> None:
    merged = merge_placement([(0, 3), (1, -1)], {0: 900})
    assert merged == [VcpuPlacement(0, 3, 900), VcpuPlacement(1, None, None)]
    assert merge_placement([(0, 2)], None) == [VcpuPlacement(0, 2, None)]
