"""The inventory tree on the demo host and on test:///default (events from another client)."""

import libvirt
from lxml import etree
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri, resource
from kvmgui.ui.roles import Category, Column, NodeKind, Role
from kvmgui.core.snapshots import ConnectionState

DEMO_XML = etree.parse(str(resource("demo-host.xml"))).getroot()


def category_names(app: Application, uri: str, category: Category) -> set[str]:
    model = app.model
    conn_index = next(model.index(r, 0) for r in range(model.rowCount())
                      if model.index(r, 0).data(Role.KEY) == uri)
    cat_index = model.index(int(category), 0, conn_index)
    return {model.index(r, 0, cat_index).data() for r in range(model.rowCount(cat_index))}


def find_in(app: Application, category: Category, name: str) -> QModelIndex:
    """The row of `name` among one category of the first connection."""
    model = app.model
    cat_index = model.index(int(category), 0, model.index(0, 0))
    return next(model.index(r, 0, cat_index) for r in range(model.rowCount(cat_index))
                if model.index(r, 0, cat_index).data() == name)


def test_demo_host_populates_every_category(demo_app: Application) -> None:
    uri = demo_host_uri()
    expected = {
        Category.DOMAINS: {e.findtext("name") for e in DEMO_XML.iterfind("domain")},
        Category.POOLS: {e.findtext("name") for e in DEMO_XML.iterfind("pool")},
        Category.NETWORKS: {e.findtext("name") for e in DEMO_XML.iterfind("network")},
        Category.INTERFACES: {e.get("name") for e in DEMO_XML.iterfind("interface")},
    }
    for category, names in expected.items():
        assert names and category_names(demo_app, uri, category) == names, category


def test_rows_show_state_vcpus_memory_and_network_columns(demo_app: Application) -> None:
    model = demo_app.model
    web01 = model.find_by_name("web01")
    row = lambda col: web01.siblingAtColumn(col).data()  # noqa: E731
    assert row(Column.STATE) == "Running"
    assert row(Column.VCPUS) == "2"
    assert row(Column.MEMORY) == "2 GiB"
    saved = model.find_by_name("saved01")
    assert saved.siblingAtColumn(Column.STATE).data() == "Saved"
    trunk = model.find_by_name("ovs-trunk")
    assert trunk.siblingAtColumn(Column.VLAN).data() == "10, 20"
    assert trunk.siblingAtColumn(Column.BRIDGE).data() == "ovsbr0"
    default_net = find_in(demo_app, Category.NETWORKS, "default")
    assert default_net.siblingAtColumn(Column.FORWARD).data() == "nat"
    assert model.find_by_name("isolated").siblingAtColumn(Column.FORWARD).data() == "isolated"
    assert model.find_by_name("eth0.20").siblingAtColumn(Column.VLAN).data() == "20"


def test_volumes_sit_under_their_pool(demo_app: Application) -> None:
    model = demo_app.model
    pool = model.find_by_name("vg_guests")
    volumes = {model.index(r, 0, pool).data() for r in range(model.rowCount(pool))}
    assert volumes == {"db01-root", "db01-data"}
    assert all(model.index(r, 0, pool).data(Role.KIND) == NodeKind.VOLUME
               for r in range(model.rowCount(pool)))


def test_model_passes_qt_model_tester(demo_app: Application, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(demo_app.model)
    qtmodeltester.check(demo_app.window.proxy)


def test_sorting_by_memory_orders_domains_and_keeps_selection(demo_app: Application) -> None:
    window = demo_app.window
    window.select(demo_app.model.find_by_name("db01"))
    window.tree.header().setSortIndicator(Column.MEMORY, Qt.SortOrder.DescendingOrder)
    model = demo_app.model
    domains_index = model.find_by_name("web01").parent()
    memory = [model.index(r, 0, domains_index).data(Role.SNAPSHOT).memory_kib
              for r in range(model.rowCount(domains_index))]
    assert memory == sorted(memory, reverse=True)
    assert window.tree.currentIndex().data() == "db01"


def test_host_page_shows_overcommit(demo_app: Application, qtbot: QtBot) -> None:
    conn_index = demo_app.model.index(0, 0)
    demo_app.window.select(conn_index)
    content = demo_app.window.details.page.content
    assert content is not None
    rows = dict(r for r in content[1] if r[1] is not None)
    running_vcpus = sum(int(d.findtext("vcpu")) for d in DEMO_XML.iterfind("domain")
                        if d.findtext("{http://libvirt.org/schemas/domain/test/1.0}runstate")
                        in (None, "1"))
    assert f"{running_vcpus} vCPUs of running domains on 8 host CPUs" in rows["CPU overcommit"]
    assert rows["CPU overcommit"].startswith(f"{running_vcpus / 8:.2f}×")
    assert "not applicable" in rows["Hardware virtualization"]
    assert rows["libvirt library"].count(".") == 2


def test_domain_summary_lists_disks_and_nics(demo_app: Application) -> None:
    demo_app.window.select(demo_app.model.find_by_name("db01"))
    title, rows = demo_app.window.details.page.content  # type: ignore[misc]
    assert title == "db01"
    values = " ".join(v for _, v in rows if v)
    assert "vg_guests" in values or "/dev/vg_guests" in values
    assert "brvlan20" in values


def test_volume_summary_names_the_domains_using_it(demo_app: Application) -> None:
    model = demo_app.model
    pool = find_in(demo_app, Category.POOLS, "default")
    shared = next(model.index(r, 0, pool) for r in range(model.rowCount(pool))
                  if model.index(r, 0, pool).data() == "shared-data.qcow2")
    demo_app.window.select(shared)
    rows = dict(demo_app.window.details.page.content[1])  # type: ignore[index]
    assert rows["Used by"] == "web01, web02"


def test_filter_by_text_and_state(demo_app: Application, qtbot: QtBot) -> None:
    window = demo_app.window
    proxy = window.proxy

    def visible_domains() -> set[str]:
        names = set()
        for r in range(proxy.rowCount()):
            conn = proxy.index(r, 0)
            for c in range(proxy.rowCount(conn)):
                cat = proxy.index(c, 0, conn)
                if cat.data(Role.SNAPSHOT) == Category.DOMAINS:
                    names |= {proxy.index(i, 0, cat).data() for i in range(proxy.rowCount(cat))}
        return names

    window.filter_bar.text.setText("web")
    assert visible_domains() == {"web01", "web02"}
    window.filter_bar.text.setText("")
    window.filter_bar.state.setCurrentIndex(window.filter_bar.state.findText("Paused"))
    assert visible_domains() == {"build01"}
    window.filter_bar.state.setCurrentIndex(0)
    window.filter_bar.text.setText("state:saved")
    assert visible_domains() == {"saved01"}
    window.filter_bar.text.setText("vlan:20")
    assert visible_domains() == set()
    assert category_names_visible(proxy, "ovs-trunk")
    window.filter_bar.text.setText("vlan:9999")
    problem = window.filter_bar.problem
    assert problem.isVisibleTo(window) and "9999" in problem.text()


def category_names_visible(proxy, name: str) -> bool:  # type: ignore[no-untyped-def]
    stack = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    while stack:
        index = stack.pop()
        if index.data() == name:
            return True
        stack.extend(proxy.index(r, 0, index) for r in range(proxy.rowCount(index)))
    return False


def test_external_changes_arrive_by_events(start_app, default_conn: libvirt.virConnect,
                                           qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    app = start_app("test:///default")
    model = app.model
    xml = ("<domain type='test'><name>kvmgui-test-evt</name><memory>65536</memory>"
           "<vcpu>1</vcpu><os><type>hvm</type></os></domain>")

    def state_of(name: str) -> str | None:
        index = model.find_by_name(name)
        return index.siblingAtColumn(Column.STATE).data() if index.isValid() else None

    dom = default_conn.defineXML(xml)
    qtbot.waitUntil(lambda: state_of("kvmgui-test-evt") == "Shut off", timeout=5000)
    dom.create()
    qtbot.waitUntil(lambda: state_of("kvmgui-test-evt") == "Running", timeout=5000)
    dom.suspend()
    qtbot.waitUntil(lambda: state_of("kvmgui-test-evt") == "Paused", timeout=5000)
    dom.destroy()
    qtbot.waitUntil(lambda: state_of("kvmgui-test-evt") == "Shut off", timeout=5000)
    dom.undefine()
    qtbot.waitUntil(lambda: state_of("kvmgui-test-evt") is None, timeout=5000)


def test_external_network_and_pool_changes_arrive_by_events(start_app, default_conn, qtbot):  # type: ignore[no-untyped-def]
    app = start_app("test:///default")
    model = app.model
    net = default_conn.networkDefineXML(
        "<network><name>kvmgui-test-net</name><bridge name='kvmguitest0'/></network>")
    qtbot.waitUntil(lambda: model.find_by_name("kvmgui-test-net").isValid(), timeout=5000)
    net.create()
    qtbot.waitUntil(lambda: model.find_by_name("kvmgui-test-net")
                    .siblingAtColumn(Column.STATE).data() == "Active", timeout=5000)
    net.destroy()
    net.undefine()
    qtbot.waitUntil(lambda: not model.find_by_name("kvmgui-test-net").isValid(), timeout=5000)
    pool = default_conn.storagePoolDefineXML(
        "<pool type='dir'><name>kvmgui-test-pool</name><target><path>/kvmgui-test-pool</path>"
        "</target></pool>")
    qtbot.waitUntil(lambda: model.find_by_name("kvmgui-test-pool").isValid(), timeout=5000)
    pool.undefine()
    qtbot.waitUntil(lambda: not model.find_by_name("kvmgui-test-pool").isValid(), timeout=5000)


def test_broken_uri_shows_error_row_and_app_keeps_running(start_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.xml"
    broken.write_text("<node><domain type='test'><name>half")
    app = start_app(f"test://{broken}", "bogus+unknown:///nowhere", demo_host_uri())
    states = {c.uri: c for c in app.model.connections()}
    for uri in (f"test://{broken}", "bogus+unknown:///nowhere"):
        assert states[uri].state == ConnectionState.ERROR
        assert states[uri].message
        index = next(app.model.index(r, 0) for r in range(app.model.rowCount())
                     if app.model.index(r, 0).data(Role.KEY) == uri)
        assert index.siblingAtColumn(Column.STATE).data() == "Error"  # the message: tooltip
        assert states[uri].message in index.data(Qt.ItemDataRole.ToolTipRole)
        assert app.model.rowCount(app.model.index(0, 0, index)) == 0
    assert states[demo_host_uri()].state == ConnectionState.CONNECTED
    assert app.window.isVisible()


def test_domains_of_each_connection_start_unfolded(demo_app: Application) -> None:
    tree = demo_app.window.tree
    shown = tree.model()  # the inventory model itself while no filter is set
    conn = shown.index(0, 0)
    assert tree.isExpanded(conn)
    domains = next(shown.index(r, 0, conn) for r in range(shown.rowCount(conn))
                   if shown.index(r, 0, conn).data(Role.SNAPSHOT) == Category.DOMAINS)
    assert tree.isExpanded(domains)


def test_filtering_and_clearing_keeps_current_row_and_unfolded_lists(
        demo_app: Application) -> None:
    window, model = demo_app.window, demo_app.model
    window.select(model.find_by_name("db01"))
    domains = model.find_by_name("db01").parent()
    assert window.tree.model() is model  # no filter: the tree shows the model itself
    window.filter_bar.text.setText("db")
    assert window.tree.model() is window.proxy
    assert window.tree.currentIndex().data() == "db01"
    window.filter_bar.text.setText("")
    assert window.tree.model() is model
    assert window.tree.currentIndex().data() == "db01"
    assert [i.data() for i in window.tree.selectionModel().selectedRows()] == ["db01"]
    assert window.tree.isExpanded(domains)
    assert window.selected_source_indexes() == [model.find_by_name("db01")]
