"""Charts of connections added, removed and re-added while the app runs (issue 14 item 1).

Driven like a user: Add Connection → test:///default next to the demo host, then the Host CPU and
Performance pages of the new connection.
"""

import numpy as np
from pytestqt.qtbot import QtBot

from gui_actions_helpers import DEFAULT, open_dialog
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.core.snapshots import ConnectionState, DomainInfo
from kvmgui.ui.actions.connection_actions import ConnectionAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.add_connection_dialog import AddConnectionDialog
from kvmgui.ui.performance.host_page import HostCpuPage
from kvmgui.ui.performance.performance_page import DomainPerformancePage
from kvmgui.ui.roles import Role
from kvmgui.core.uris import Hypervisor

INTERVAL = 0.5
WAITING = "Waiting for the first host sample…"


def add_test_connection(app: Application, qtbot: QtBot) -> None:
    """Add Connection → test driver, as a user does it."""
    app.actions.connection.actions[ConnectionAction.ADD].trigger()
    dialog = open_dialog(app.window, AddConnectionDialog)
    dialog.hypervisor.setCurrentIndex(dialog.hypervisor.findData(Hypervisor.TEST))
    dialog.autoconnect.setChecked(False)
    dialog.connect_button.click()
    conn = app.model.connection(DEFAULT)
    assert conn is not None
    qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTED and conn.inventory is not None,
                    timeout=5000)


def show_host_page(app: Application, uri: str) -> HostCpuPage:
    app.window.select(app.model.find_by_name(uri))
    page = app.performance.host_page
    app.window.details.tabs.setCurrentWidget(page)
    return page


def show_domain_page(app: Application, name: str) -> DomainPerformancePage:
    app.window.select(app.model.find_by_name(name))
    page = app.performance.performance_page
    app.window.details.tabs.setCurrentWidget(page)
    return page


def uuid_of(app: Application, name: str) -> str:
    info = app.model.find_by_name(name).data(Role.SNAPSHOT)
    assert isinstance(info, DomainInfo)
    return info.uuid


def test_host_page_of_an_added_connection_gets_samples(demo_app: Application,
                                                      qtbot: QtBot) -> None:
    demo_app.performance.set_interval(INTERVAL)
    add_test_connection(demo_app, qtbot)
    page = show_host_page(demo_app, DEFAULT)
    assert page.uri == DEFAULT
    qtbot.waitUntil(lambda: page.summary.text() != WAITING and bool(page.cpu_rows()),
                    timeout=10000)
    history = page.histories.get(DEFAULT)
    assert history is not None
    qtbot.waitUntil(lambda: len(history) >= 2, timeout=10000)
    sampler = demo_app.performance.sampler(DEFAULT)
    assert sampler is not None and sampler.host_watched


def test_domain_page_follows_a_domain_of_an_added_connection(demo_app: Application,
                                                            qtbot: QtBot) -> None:
    demo_app.performance.set_interval(INTERVAL)
    add_test_connection(demo_app, qtbot)
    page = show_domain_page(demo_app, "web01")
    qtbot.waitUntil(lambda: page.charts is not None and page.redraws >= 2, timeout=10000)
    assert page.charts is not None
    cpu = page.charts.plots[0]
    web01_x = cpu.curve_data("cpu_pct")[0].copy()
    assert len(web01_x) >= 2

    show_domain_page(demo_app, "test")  # the test driver's own running domain
    assert page.uuid == uuid_of(demo_app, "test")
    assert page.status.text() != "Not connected."
    # Never the first VM's frozen charts under the second VM's name.
    assert not np.array_equal(cpu.curve_data("cpu_pct")[0], web01_x)
    sampler = demo_app.performance.sampler(DEFAULT)
    assert sampler is not None and page.sampler is sampler
    assert sampler.watched() == {page.uuid}
    qtbot.waitUntil(lambda: (h := sampler.history(page.uuid)) is not None and len(h) >= 2,
                    timeout=10000)
    qtbot.waitUntil(lambda: page.status.text().startswith("Sampled"), timeout=5000)
    history = sampler.history(page.uuid)
    assert history is not None
    qtbot.waitUntil(lambda: len(cpu.curve_data("cpu_pct")[0]) >= 2, timeout=5000)
    shown = cpu.curve_data("cpu_pct")[0]
    assert shown[-1] in history.view("time")


def test_sparklines_cover_an_added_connection(demo_app: Application, qtbot: QtBot) -> None:
    feature = demo_app.performance
    feature.set_interval(INTERVAL)
    feature.set_sparklines(True)
    add_test_connection(demo_app, qtbot)
    sampler = feature.samplers.get(DEFAULT)  # made for the new row, not on a page's request
    assert sampler is not None and sampler.sample_all
    uuid = uuid_of(demo_app, "test")
    qtbot.waitUntil(lambda: (s := sampler.sparkline(uuid, 10)) is not None and s.shape[1] >= 2,
                    timeout=10000)
    series = sampler.sparkline(uuid, 10)
    assert series is not None and np.isfinite(series[0][-1])  # a CPU % from two samples


def test_a_removed_and_re_added_connection_is_sampled_again(demo_app: Application,
                                                            qtbot: QtBot) -> None:
    demo_app.performance.set_interval(INTERVAL)
    add_test_connection(demo_app, qtbot)
    first = demo_app.performance.sampler(DEFAULT)
    assert first is not None
    page = show_host_page(demo_app, DEFAULT)
    qtbot.waitUntil(lambda: page.summary.text() != WAITING, timeout=10000)
    demo_app.connections.remove(DEFAULT)
    assert demo_app.performance.sampler(DEFAULT) is None
    assert DEFAULT not in page.histories  # a removed host's history goes with it

    add_test_connection(demo_app, qtbot)
    again = demo_app.performance.sampler(DEFAULT)
    assert again is not None and again is not first
    page = show_host_page(demo_app, DEFAULT)
    qtbot.waitUntil(lambda: page.summary.text() != WAITING and bool(page.cpu_rows()),
                    timeout=10000)
    assert again.host_watched


def test_charts_continue_after_a_reconnect(demo_app: Application, qtbot: QtBot) -> None:
    demo_app.performance.set_interval(INTERVAL)
    add_test_connection(demo_app, qtbot)
    page = show_domain_page(demo_app, "test")
    sampler = demo_app.performance.sampler(DEFAULT)
    assert sampler is not None
    uuid = page.uuid
    qtbot.waitUntil(lambda: len(sampler.history(uuid) or ()) >= 2, timeout=10000)
    conn = demo_app.model.connection(DEFAULT)
    assert conn is not None
    conn.open()  # Reconnect: the worker closes the old virConnect and opens a new one
    qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTED and conn.inventory is not None,
                    timeout=5000)
    page = show_domain_page(demo_app, "test")
    assert page.sampler is sampler and page.uuid == uuid
    history = sampler.history(uuid)
    assert history is not None
    before = len(history)
    qtbot.waitUntil(lambda: len(history) >= before + 2, timeout=10000)
    assert demo_host_uri() in {c.uri for c in demo_app.model.connections()}
