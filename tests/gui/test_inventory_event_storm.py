"""An event storm: another client changes hundreds of domains at once, and afterwards the tree
shows exactly what libvirt has (names and states), no row missing, doubled or stale.

test:///default connections of one process share their state (test:///PATH ones each get a
private copy), so the storm runs through a second client of test:///default: 500
kvmgui-test-storm-* domains are defined there before the application opens it, and the
`default_conn` fixture removes them afterwards.
"""

import random
import time
from collections import Counter
from collections.abc import Callable

import libvirt
import pytest
from fixture_helpers import StartApp
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category, Role

URI = "test:///default"
PREFIX = "kvmgui-test-storm-"
DOMAINS = 500
STEPS = 600  # changes made back to back, without letting the application catch up
SETTLE_MS = 60_000  # the tree must have caught up within this after the burst

DOMAIN = """<domain type='test'>
  <name>{name}</name>{uuid}
  <memory unit='KiB'>{memory}</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/{name}.img'/><target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>"""

Rows = Counter[tuple[str, int]]


def domain_xml(name: str, memory_kib: int = 65536, uuid: str | None = None) -> str:
    return DOMAIN.format(name=name, memory=memory_kib,
                         uuid=f"<uuid>{uuid}</uuid>" if uuid else "")


def libvirt_rows(conn: libvirt.virConnect) -> Rows:
    return Counter((dom.name(), dom.state()[0]) for dom in conn.listAllDomains(0))


def tree_rows(app: Application) -> Rows:
    """(name, state) of every domain row of the connection, as the model holds them."""
    model = app.model
    conn_index = next(model.index(r, 0) for r in range(model.rowCount())
                      if model.index(r, 0).data(Role.KEY) == URI)
    domains = model.index(int(Category.DOMAINS), 0, conn_index)
    rows: Rows = Counter()
    for row in range(model.rowCount(domains)):
        info = model.index(row, 0, domains).data(Role.SNAPSHOT)
        rows[(info.name, int(info.state))] += 1
    return rows


def storm(conn: libvirt.virConnect, steps: int, seed: int,
          between: Callable[[], object] = lambda: None) -> Counter[str]:
    """Start, stop, pause, resume, define, redefine and undefine domains (running ones too,
    which leaves them transient), and create transient ones; returns what was done.
    ``between`` runs after each change."""
    rng = random.Random(seed)
    done: Counter[str] = Counter()
    for step in range(steps):
        between()
        roll = rng.random()
        if roll < 0.08:
            conn.defineXML(domain_xml(f"{PREFIX}new-{seed}-{step}"))
            done["define"] += 1
            continue
        if roll < 0.12:
            conn.createXML(domain_xml(f"{PREFIX}transient-{seed}-{step}"), 0)
            done["create transient"] += 1
            continue
        ours = sorted((d for d in conn.listAllDomains(0) if d.name().startswith(PREFIX)),
                      key=lambda d: d.name())  # a fixed order: the seed alone decides
        dom = rng.choice(ours)
        state = dom.state()[0]
        if state == libvirt.VIR_DOMAIN_SHUTOFF:
            action = rng.choice(("start", "start", "undefine", "redefine"))
        elif state == libvirt.VIR_DOMAIN_PAUSED:
            action = rng.choice(("resume", "destroy"))
        else:
            action = rng.choice(("destroy", "destroy", "suspend", "undefine", "redefine"))
            if action == "undefine" and not dom.isPersistent():
                action = "destroy"
        if action == "start":
            dom.create()
        elif action == "destroy":
            dom.destroy()
        elif action == "suspend":
            dom.suspend()
        elif action == "resume":
            dom.resume()
        elif action == "undefine":
            dom.undefine()
        else:
            conn.defineXML(domain_xml(dom.name(), rng.choice((65536, 131072)),
                                      dom.UUIDString()))
        done[action] += 1
    return done


def wait_for_tree(qtbot: QtBot, app: Application, expected: Rows) -> None:
    try:
        qtbot.waitUntil(lambda: tree_rows(app) == expected, timeout=SETTLE_MS)
    except qtbot.TimeoutError:
        shown = tree_rows(app)
        pytest.fail(f"the tree differs from libvirt: missing {sorted(expected - shown)[:10]}, "
                    f"extra {sorted(shown - expected)[:10]}")


@pytest.mark.timeout(240)
def test_tree_equals_libvirt_after_an_event_storm(default_conn: libvirt.virConnect,
                                                  start_app: StartApp, qtbot: QtBot) -> None:
    for index in range(DOMAINS):
        dom = default_conn.defineXML(domain_xml(f"{PREFIX}{index:03d}"))
        if index % 3 == 0:
            dom.create()
    app = start_app(URI, timeout_ms=60_000)
    wait_for_tree(qtbot, app, libvirt_rows(default_conn))
    before = libvirt_rows(default_conn)

    # Back to back: every event queues up while the GUI thread is busy here.
    started = time.monotonic()
    done = storm(default_conn, STEPS, seed=16)
    burst_seconds = time.monotonic() - started
    expected = libvirt_rows(default_conn)
    assert len(done) == 8, done  # every kind of change happened
    assert expected != before
    wait_for_tree(qtbot, app, expected)
    settled_seconds = time.monotonic() - started - burst_seconds

    # Interleaved: the application fetches while newer changes keep coming, so a slow
    # answer about an older state must not overwrite what a later event brought.
    calls = Counter[str]()

    def let_the_app_run() -> None:
        calls["between"] += 1
        if calls["between"] % 3 == 0:
            QCoreApplication.processEvents()

    done += storm(default_conn, STEPS, seed=17, between=let_the_app_run)
    wait_for_tree(qtbot, app, libvirt_rows(default_conn))
    print(f"storm: {STEPS} changes in {burst_seconds:.2f} s, tree equal to libvirt "
          f"{settled_seconds:.2f} s later; then {STEPS} interleaved; {dict(done)}")
