"""Integration tier: tests against a real libvirtd + QEMU (TCG) on this machine.

The session fixture makes qemu:///system answer (starting virtlogd + libvirtd when nothing
answers), removes leftovers of crashed runs, and at the end removes this session's objects
and stops the daemons it started. If no daemon can run here every test of the tier is
skipped with the reason, and the terminal summary says so in one line.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest

from daemon_helpers import URI, VIRSH, DaemonControl, DaemonControlUnavailable, TierDaemon
from factory_helpers import GuestMaker, NetworkMaker
from object_helpers import (
    POOL_ROOT,
    connection,
    define_and_start_pool,
    owned_name,
    remove_pool,
    remove_test_objects,
)
from state_helpers import session_is_live
from summary_helpers import tier_summary

from fixture_helpers import isolated_settings, start_app  # noqa: F401 (fixtures for app tests)

TIER_DIR = Path(__file__).parent.resolve()


# --- hooks -----------------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)  # before the mark plugin applies `-m` to the items
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.resolve().is_relative_to(TIER_DIR):
            item.add_marker(pytest.mark.integration)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    line = tier_summary(terminalreporter.stats, terminalreporter.config.rootpath, TIER_DIR)
    terminalreporter.write_line(line)


# --- the daemon ------------------------------------------------------------------------


class VirshError(RuntimeError):
    pass


@pytest.fixture(scope="session", autouse=True)
def libvirt_tier() -> Iterator[TierDaemon]:
    """The daemon, up and clean for the whole session; skips the tier if impossible."""
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    tier = TierDaemon()
    own = tier.session_pid

    def remove_leftovers() -> None:
        with connection() as conn:
            remove_test_objects(conn, keep_owner=session_is_live)

    def remove_everything_of_ours(last_session: bool) -> None:
        with connection() as conn:
            remove_test_objects(conn, keep_owner=lambda pid: pid != own and session_is_live(pid))
        if last_session and POOL_ROOT.is_dir() and not any(POOL_ROOT.iterdir()):
            POOL_ROOT.rmdir()

    try:
        reason = tier.open(cleanup=remove_leftovers)
        if reason is not None:
            pytest.skip(f"integration tier: {reason}")
        yield tier
    finally:
        tier.close(cleanup=remove_everything_of_ours)


@pytest.fixture
def daemon(libvirt_tier: TierDaemon) -> Iterator[DaemonControl]:
    """kill()/restart()/stop()/cont() on libvirtd; only for a daemon this tier started and
    no other session uses. Afterwards the daemon runs and answers again."""
    try:
        with libvirt_tier.exclusive_control() as control:
            yield control
    except DaemonControlUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def libvirt_uri(libvirt_tier: TierDaemon) -> str:
    return URI


@pytest.fixture
def virt_conn(libvirt_tier: TierDaemon) -> Iterator[libvirt.virConnect]:
    """A connection for the test's own checks (stale after daemon.kill(): open a new one)."""
    with connection() as conn:
        yield conn


@pytest.fixture(scope="session")
def virsh(libvirt_tier: TierDaemon) -> Callable[..., str]:
    """virsh(*args) -> stdout of `virsh -c qemu:///system ARGS`: "another client"."""

    def run(*args: str, timeout: float = 60.0) -> str:
        result = subprocess.run([VIRSH, "-c", URI, *args], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=timeout, check=False)
        if result.returncode != 0:
            raise VirshError(f"virsh {' '.join(args)} failed ({result.returncode}): "
                             f"{result.stderr.strip()}")
        return result.stdout

    return run


# --- objects ---------------------------------------------------------------------------


@pytest.fixture
def make_network(request: pytest.FixtureRequest, libvirt_tier: TierDaemon) -> NetworkMaker:
    return NetworkMaker(libvirt_tier.session_pid, request.node.addfinalizer,
                        libvirt_tier.ensure_answers)


@pytest.fixture
def test_network(make_network: NetworkMaker) -> str:
    """Name of an isolated network (no forward, no IP), defined and started."""
    return make_network("net")


@pytest.fixture
def test_pool(libvirt_tier: TierDaemon) -> Iterator[str]:
    """Name of a dir pool under /var/lib/kvmgui-test, defined, built and started."""
    name = owned_name("pool", libvirt_tier.session_pid)
    defined = False

    def mark_defined() -> None:
        nonlocal defined
        defined = True

    try:
        with connection() as conn:
            define_and_start_pool(conn, name, mark_defined)
        yield name
    finally:
        if defined:
            libvirt_tier.ensure_answers()
            with connection() as conn:
                remove_pool(conn, name)


@pytest.fixture
def make_guest(request: pytest.FixtureRequest, libvirt_tier: TierDaemon,
               test_network: str) -> GuestMaker:
    """make_guest(name_suffix, running=True, with_disk=False, *, vcpus=1, memory_mib=64)
    -> name of a TCG guest on test_network (with_disk: a 16 MiB qcow2 in test_pool)."""
    return GuestMaker(libvirt_tier.session_pid, request.node.addfinalizer,
                      libvirt_tier.ensure_answers, test_network,
                      pool=lambda: str(request.getfixturevalue("test_pool")))
