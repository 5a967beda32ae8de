"""The Topology page of a connection: the picture, a VLAN / segment filter, the legend, the
"can A reach B?" question and PNG / SVG export.

Shown for a connection row, and for a domain, network or interface row of it (then focused on
that object: its paths glow, the rest fades). Clicking a node selects its row in the tree. The
picture follows events while the page is visible (see `TopologyFeed`); hidden, it waits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.topology import Reachability
from kvmgui.topology.model import NodeKind as TopologyKind
from kvmgui.ui.errors import show_error
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.ui.topology import export, links
from kvmgui.ui.topology.feed import TopologyFeed
from kvmgui.ui.topology.focus import (
    Focus,
    node_focus,
    path_focus,
    segment_focus,
    vlan_focus,
    vlans_of,
)
from kvmgui.ui.topology.legend import TopologyLegend
from kvmgui.ui.topology.reach_panel import ReachabilityPanel
from kvmgui.ui.topology.scene import TopologyScene
from kvmgui.ui.topology.texts import segment_title
from kvmgui.ui.topology.theme import topology_theme
from kvmgui.ui.topology.view import BUTTON_STEP, TopologyView
from kvmgui.virt.topology_source import TopologySnapshot

READABLE_SCALE = 0.55  # the first view of a large host is not zoomed out below this
_KINDS = (NodeKind.CONNECTION, NodeKind.DOMAIN, NodeKind.NETWORK, NodeKind.INTERFACE)


class TopologyPage(QWidget):
    """A details-pane page (applies_to / show_index); `select(source_index)` picks tree rows."""

    def __init__(self, model: InventoryModel, select: Callable[[QModelIndex], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._select = select
        self._uri = ""
        self._focus_index = QPersistentModelIndex()
        self._reach: Reachability | None = None
        self._filter = ""
        self._fitted = False
        self._redrawing = False
        self.snapshot: TopologySnapshot | None = None
        self._windows: list[TopologyPage] = []

        self.status = plain_label("", self)  # may quote libvirt's error
        self.status.setWordWrap(True)
        self.feed = TopologyFeed(self)
        self.feed.loading.connect(lambda: self.status.setText(self.tr("Reading the topology…")))
        self.feed.ready.connect(self._show_snapshot)
        self.feed.failed.connect(self.status.setText)
        self.scene = TopologyScene(self)
        self.view = TopologyView(self.scene, self)
        self.view.nodeClicked.connect(self._node_clicked)
        self.view.backgroundClicked.connect(self._background_clicked)
        self.legend = TopologyLegend(self)
        self.legend.filterRequested.connect(self.set_filter)
        self.reach = ReachabilityPanel(self)
        self.reach.answered.connect(self._reach_answered)
        self.filter_box = QComboBox(self)
        self.filter_box.setAccessibleName(self.tr("Show"))
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_box.currentIndexChanged.connect(
            lambda: self.set_filter(str(self.filter_box.currentData() or "")))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.filter_box, 1)
        for text, tip, slot in (
            ("−", self.tr("Zoom out"), lambda: self.view.zoom_by(1 / BUTTON_STEP)),
            ("+", self.tr("Zoom in"), lambda: self.view.zoom_by(BUTTON_STEP)),
            (self.tr("Fit"), self.tr("Fit the picture to the width of the view (0 shows all of "
                                     "it)"), lambda: self.view.fit_width()),
        ):
            bar.addWidget(self._tool_button(text, tip, slot))
        self.export_button = self._tool_button(self.tr("Export"), self.tr("Save the picture"),
                                               None)
        menu = QMenu(self.export_button)
        self.png_action = QAction(self.tr("PNG image…"), self)
        self.png_action.triggered.connect(lambda: self._ask_export("png"))
        self.svg_action = QAction(self.tr("SVG drawing…"), self)
        self.svg_action.triggered.connect(lambda: self._ask_export("svg"))
        menu.addActions([self.png_action, self.svg_action])
        self.export_button.setMenu(menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.export_button)
        self.window_button = self._tool_button(self.tr("Window"), self.tr(
            "Open this topology in a window of its own"), self.open_window)
        bar.addWidget(self.window_button)

        self.side = QTabWidget(self)
        self.side.setDocumentMode(True)
        self.side.addTab(self.legend, self.tr("Legend"))
        self.side.addTab(self.reach, self.tr("Can A reach B?"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

    def _tool_button(self, text: str, tip: str, slot: Callable[[], object] | None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    # ---- DetailsPage -------------------------------------------------------------------------

    def applies_to(self, kind: NodeKind) -> bool:
        return kind in _KINDS

    def show_index(self, source_index: QModelIndex) -> None:
        uri = str(source_index.data(Role.URI) or "")
        if uri != self._uri:
            self._uri = uri
            self.snapshot = None
            self._fitted = False
            self._filter = ""
            self.scene.clear()
            self.scene.graph = None
            self.status.setText(self.tr("Reading the topology…"))
            self.feed.watch(self._model.connection(uri))
        self._focus_index = QPersistentModelIndex(source_index)
        self._apply_emphasis(reveal="focus")

    # ---- public ------------------------------------------------------------------------------

    @property
    def uri(self) -> str:
        return self._uri

    def set_filter(self, key: str) -> None:
        """Show only a VLAN ("vlan:10"), a segment ("segment:ID"), or everything ("")."""
        self._filter = key
        index = self.filter_box.findData(key)
        if index >= 0 and self.filter_box.currentIndex() != index:
            self.filter_box.blockSignals(True)
            self.filter_box.setCurrentIndex(index)
            self.filter_box.blockSignals(False)
        self._apply_emphasis(reveal="filter")

    def export_png(self, path: str) -> bool:
        return export.write_png(self.scene, path)

    def export_svg(self, path: str) -> bool:
        if self.snapshot is None:
            return False
        try:
            export.write_svg(self.snapshot.graph, path, dark=topology_theme(self.palette()).dark)
        except OSError:
            return False
        return True

    def open_window(self) -> TopologyPage:
        """The same topology in a window of its own (closed with this page's window)."""
        page = TopologyPage(self._model, self._select, self)
        page.setWindowFlag(Qt.WindowType.Window)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.setWindowTitle(self.tr("Topology — %s") % self._uri)
        page.resize(1280, 820)
        page.destroyed.connect(lambda: self._windows.remove(page) if page in self._windows
                               else None)
        self._windows.append(page)
        page.show_index(self._focus_row())
        page.show()
        return page

    # ---- events ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.feed.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.feed.set_active(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.snapshot is not None:
            self._draw(self.snapshot)

    # ---- internals ---------------------------------------------------------------------------

    def _show_snapshot(self, snapshot: TopologySnapshot) -> None:
        if snapshot.uri != self._uri:
            return
        self.snapshot = snapshot
        self._draw(snapshot)
        graph = snapshot.graph
        domains = sum(1 for _ in graph.nodes_of_kind(TopologyKind.DOMAIN))
        text = self.tr("%n domain(s), ", "", domains) + self.tr(
            "%n layer-2 segment(s)", "", len(graph.segments))
        if graph.warnings:
            text += self.tr(", %n warning(s) (see the legend)", "", len(graph.warnings))
        self.status.setText(text)
        if not self._fitted:
            self._fitted = True
            node = self._focus_node()
            item = self.scene.node_items.get(node) if node else None
            self.view.show_readable(READABLE_SCALE, item.sceneBoundingRect() if item else None)

    def _draw(self, snapshot: TopologySnapshot) -> None:
        theme = topology_theme(self.palette())
        self.scene.show_graph(snapshot.graph, snapshot.layout, theme, snapshot.addresses)
        self.legend.show_graph(snapshot.graph, theme)
        self._redrawing = True  # the panel answers again; that must not scroll the view
        self.reach.show_graph(snapshot.graph)
        self._redrawing = False
        self._fill_filter_box()
        self._apply_emphasis()

    def _fill_filter_box(self) -> None:
        graph = self.snapshot.graph if self.snapshot is not None else None
        box = self.filter_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Everything"), "")
        if graph is not None:
            for vlan in vlans_of(graph):
                box.addItem(self.tr("VLAN %s") % vlan, f"vlan:{vlan}")
            for number, segment in enumerate(graph.segments, start=1):
                box.addItem(segment_title(number, segment), f"segment:{segment.id}")
        index = box.findData(self._filter)
        if index < 0:
            self._filter, index = "", 0
        box.setCurrentIndex(index)
        box.blockSignals(False)

    def _focus_row(self) -> QModelIndex:
        row: QModelIndex = QModelIndex(self._focus_index)  # type: ignore[call-overload]
        return row  # (the stubs lack QModelIndex(QPersistentModelIndex); Qt has it)

    def _focus_node(self) -> str | None:
        graph = self.snapshot.graph if self.snapshot is not None else None
        return links.node_for_index(self._focus_row(), graph)

    def _apply_emphasis(self, reveal: str = "") -> None:
        """Set the scene's emphasis; `reveal` "focus", "highlight" or "filter" scrolls that
        part into view."""
        graph = self.scene.graph
        if graph is None:
            return
        node = self._focus_node()
        highlight = Focus()
        if self._reach is not None and self._reach.reachable:
            highlight = path_focus(graph, self._reach.path, self._reach.segment)
        elif self._reach is not None:  # not reachable: show both domains' separate paths
            for name in (self.reach.first.currentData(), self.reach.second.currentData()):
                highlight = highlight | node_focus(graph, f"dom:{name}")
        elif node is not None:
            highlight = node_focus(graph, node)
        visible: Focus | None = None
        kind, _, value = self._filter.partition(":")
        if kind == "vlan" and value.isdigit():
            visible = vlan_focus(graph, int(value))
        elif kind == "segment":
            visible = segment_focus(graph, value)
        self.scene.apply(highlight, visible)
        if self._reach is not None and not self._reach.reachable:  # the two domains apart
            highlight_shown = {f"dom:{self.reach.first.currentData()}",
                               f"dom:{self.reach.second.currentData()}"}
        else:
            highlight_shown = set(highlight.nodes)
        shown = {"focus": {node} if node else set(), "highlight": highlight_shown,
                 "filter": visible.nodes if visible is not None else set()}.get(reveal, set())
        items = [self.scene.node_items[n] for n in shown if n in self.scene.node_items]
        if items:
            rect = items[0].sceneBoundingRect()
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            self.view.reveal(rect)

    def _reach_answered(self, answer: Reachability | None) -> None:
        self._reach = answer
        self._apply_emphasis(reveal="highlight" if answer and not self._redrawing else "")

    def _node_clicked(self, node_id: str) -> None:
        graph = self.scene.graph
        if graph is None:
            return
        index = links.index_for_node(self._model, self._uri, graph, node_id)
        if index.isValid():
            self._select(index)

    def _background_clicked(self) -> None:
        index = self._model.find_by_name(self._uri)
        if index.isValid() and self._focus_row() != index:
            self._select(index)

    def _ask_export(self, kind: str) -> None:
        title = self.tr("Export PNG image") if kind == "png" else self.tr("Export SVG drawing")
        pattern = self.tr("PNG images (*.png)") if kind == "png" else self.tr(
            "SVG drawings (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, title, f"topology.{kind}", pattern)
        if not path:
            return
        written = self.export_png(path) if kind == "png" else self.export_svg(path)
        if not written:
            show_error(self, title, self.tr("Could not write %s.") % path)
