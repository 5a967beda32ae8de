"""A libvirt host is not trusted input: on a host whose names, titles, descriptions, paths and
bridges are HTML (data/hostile-host.xml), every page and dialog that shows them shows the
characters typed. Qt lays a QLabel, a tooltip or a rich-text document out as HTML when it looks
like HTML; this test reads every widget's text as Qt would lay it out and fails on any hostile
string that is not there whole (interpreted as markup, or escaped twice)."""

from collections.abc import Iterator
from pathlib import Path

from app_helpers import open_dialog
from fixture_helpers import StartApp
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QGraphicsTextItem, QGraphicsView, QHeaderView,
    QLabel, QTextEdit, QWidget,
)
from pytestqt.qtbot import QtBot

from kvmgui.logic.action_rules import DomainAction, PoolAction
from kvmgui.ui.app import Application
from kvmgui.ui.details.leases_page import LeasesPage
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.ui.dialogs.delete_domains_dialog import DeleteDomainsDialog
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.ui.topology.page import TopologyPage

HOST = Path(__file__).parent / "data" / "hostile-host.xml"
TIMEOUT_MS = 10000
DOMAIN = "<b>hxdom<img src=x>"
# The word that marks each hostile string of the host file -> the whole string.
HOSTILE = {
    "hxdom": DOMAIN,
    "hxtitle": "<b>T</b>hxtitle<script>alert(1)</script>",
    "hxdeep": "<table><tr><td>" * 20 + "hxdeep",
    "hxent": "hxent&amp;ity",
    "hxdesc": "hxdesc <b> &lt;",
    "hxnet": "<b>hxnet",
    "hxvb": "<i>hxvb",
    "hxbr": "<u>hxbr",
    "hxeth": "<b>hxeth",
    "hxpool": "<img src=x>hxpool",
    "hxdir": "/srv/<i>hxdir</i>",
    "hxvol": "<b>hxvol.qcow2",
}


def laid_out(text: str, rich: bool) -> str:
    """The characters Qt shows for `text` (rich: read as HTML)."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def tooltip_shown(tip: str) -> str:
    return laid_out(tip, QtGui.mightBeRichText(tip))  # what QToolTip does


def model_tooltips(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()
                   ) -> Iterator[str]:
    # A list model keeps columnCount private: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            tip = model.index(row, column, parent).data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield tooltip_shown(str(tip))
        yield from model_tooltips(model, model.index(row, 0, parent))


def shown_texts(widget: QWidget) -> Iterator[str]:
    """Every text `widget` shows, as Qt lays it out (plain-text widgets show theirs as is)."""
    if isinstance(widget, QLabel):
        text, form = widget.text(), widget.textFormat()
        yield laid_out(text, form != Qt.TextFormat.PlainText and (
            form != Qt.TextFormat.AutoText or QtGui.mightBeRichText(text)))
    if isinstance(widget, QTextEdit):
        yield widget.toPlainText()
    if widget.toolTip():
        yield tooltip_shown(widget.toolTip())
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from model_tooltips(widget.model())
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():  # topology nodes, chart titles and axes
            if item.toolTip():
                yield tooltip_shown(item.toolTip())
            if isinstance(item, QGraphicsTextItem):
                yield item.toPlainText()


class Inspector:
    """Reads every widget of the application; remembers which hostile strings it saw whole."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def check(self, where: str) -> None:
        problems = []
        for widget in QApplication.allWidgets():
            for text in shown_texts(widget):
                for word, whole in HOSTILE.items():
                    if text.count(word) != text.count(whole):
                        problems.append(f"{type(widget).__name__} shows {text[:120]!r}")
                    elif whole in text:
                        self.seen.add(word)
        assert not problems, f"{where}: " + "\n".join(sorted(set(problems)))


def every_row(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()
              ) -> Iterator[QModelIndex]:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from every_row(model, index)


def settled(page: QWidget) -> bool:
    """The page shows what libvirt answered (the topology and the leases are read on a worker)."""
    if isinstance(page, TopologyPage):
        return page.snapshot is not None
    if isinstance(page, LeasesPage):
        return page.status.text() != page.tr("Reading leases…")
    return True


def show_every_tab(app: Application, qtbot: QtBot, inspector: Inspector, where: str) -> None:
    tabs = app.window.details.tabs
    for tab in range(tabs.count()):
        if not tabs.isTabVisible(tab):
            continue
        tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda: settled(tabs.currentWidget()), timeout=TIMEOUT_MS)
        inspector.check(f"{where}, tab {tabs.tabText(tab)}")


def open_editor(app: Application, qtbot: QtBot, trigger: object) -> QDialog:
    with qtbot.waitSignal(app.editors.editorOpened, timeout=TIMEOUT_MS) as opened:
        trigger()  # type: ignore[operator]
    dialog = opened.args[0]
    assert isinstance(dialog, QDialog)
    return dialog


def test_host_text_shows_as_typed_on_every_page_and_dialog(start_app: StartApp,
                                                            qtbot: QtBot) -> None:
    app = start_app(f"test://{HOST}")
    inspector = Inspector()
    model = app.model
    # Pages built on first use are built now, so that every tab holds its real page.
    assert app.topology is not None
    assert app.performance.performance_page is not None and app.performance.host_page is not None

    for index in list(every_row(model)):
        app.window.select(index)
        show_every_tab(app, qtbot, inspector, f"row {index.data()!r}")

    for name in (DOMAIN, "<b>hxnet"):
        app.window.select(model.find_by_name(name))
        editor = open_editor(app, qtbot, app.editors.edit_current)
        for tab in range(editor.tabs.count()):  # type: ignore[attr-defined]
            editor.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
            inspector.check(f"editor of {name!r}, tab {tab}")
        editor.reject()
    app.window.select(model.find_by_name("<img src=x>hxpool"))
    for create in (app.editors.new_volume, app.editors.new_pool, app.editors.new_network,
                   app.editors.new_vm):
        dialog = open_editor(app, qtbot, create)
        inspector.check(f"{create.__name__} dialog")
        dialog.reject()

    app.window.select(model.find_by_name(DOMAIN))
    app.actions.domain.actions[DomainAction.DELETE].trigger()
    delete = open_dialog(app.window, DeleteDomainsDialog)
    inspector.check("delete confirmation")
    delete.cancel_button.click()
    app.actions.domain.actions[DomainAction.FORCE_OFF].trigger()
    confirm = open_dialog(app.window, ConfirmDialog)
    inspector.check("force-off confirmation")
    confirm.cancel_button.click()
    app.window.select(model.find_by_name("<img src=x>hxpool"))
    app.actions.pool.actions[PoolAction.STOP].trigger()
    confirm = open_dialog(app.window, ConfirmDialog)
    inspector.check("pool stop confirmation")
    confirm.cancel_button.click()

    domain = model.find_by_name(DOMAIN)
    assert domain.isValid() and domain.data(Role.KIND) == NodeKind.DOMAIN  # nothing was done
    assert domain.data(Role.SNAPSHOT).active
    # Every hostile string was shown somewhere, whole: the walk reached them all.
    assert inspector.seen == set(HOSTILE)
