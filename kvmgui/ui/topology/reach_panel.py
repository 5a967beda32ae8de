""""Can A reach B at layer 2?": two domain pickers and the answer, with its reason.

The page highlights the path of a positive answer (`answered`); a negative one explains why
(different VLANs, a shut-off domain, a router in between, ...).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.i18n import translate_template
from kvmgui.topology import Reachability, can_reach
from kvmgui.topology.model import NodeKind, TopologyGraph


class ReachabilityPanel(QWidget):
    """Signals:
        answered(object): the `Reachability` for the two chosen domains, or None when the
            question is incomplete (fewer than two domains chosen) or cleared.
    """

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._graph: TopologyGraph | None = None
        self.first = QComboBox(self)
        self.second = QComboBox(self)
        for combo, name in ((self.first, self.tr("First domain")),
                            (self.second, self.tr("Second domain"))):
            combo.setAccessibleName(name)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self._ask)
        self.swap_button = QPushButton(self.tr("Swap"), self)
        self.swap_button.clicked.connect(self.swap)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)
        self.answer = QLabel(self)
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("Can"), self.first)
        form.addRow(self.tr("reach"), self.second)
        buttons = QHBoxLayout()
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.answer)
        layout.addStretch(1)
        self._set_answer(None)

    def show_graph(self, graph: TopologyGraph) -> None:
        """New domain lists; the chosen domains stay chosen when they still exist."""
        self._graph = graph
        names = sorted(node.name for node in graph.nodes_of_kind(NodeKind.DOMAIN))
        for combo in (self.first, self.second):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(choose a domain)"), None)
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)
        self._ask()

    def ask(self, first: str, second: str) -> None:
        """Choose the two domains (by name) and answer."""
        for combo, name in ((self.first, first), (self.second, second)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(name), 0))
            combo.blockSignals(False)
        self._ask()

    def swap(self) -> None:
        first, second = self.first.currentData(), self.second.currentData()
        self.ask(second or "", first or "")

    def clear(self) -> None:
        self.ask("", "")

    def _ask(self) -> None:
        first, second = self.first.currentData(), self.second.currentData()
        if self._graph is None or not first or not second:
            self._set_answer(None)
            return
        self._set_answer(can_reach(self._graph, first, second))

    def _set_answer(self, answer: Reachability | None) -> None:
        if answer is None:
            self.answer.setText(self.tr("Choose two domains to see whether they share a layer-2 "
                                        "segment (the path is highlighted)."))
        elif answer.reachable:
            self.answer.setText(self.tr("Yes. %s") % translate_template(answer.template,
                                                                        answer.args))
        else:
            self.answer.setText(self.tr("No. %s") % translate_template(answer.template,
                                                                       answer.args))
        self.answered.emit(answer)
