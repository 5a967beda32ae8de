"""The filter box and state selector above the tree (virt-manager has neither)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from kvmgui.logic.filtering import FilterQuery, StateFilter, parse_query


class FilterBar(QWidget):
    """Emits the parsed query whenever the text or the state choice changes.

    Signals:
        queryChanged(FilterQuery)
    """

    queryChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Filter: name or any column; state:running, vlan:10"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Filter"))
        self.state = QComboBox(self)
        self.state.setAccessibleName(self.tr("State filter"))
        for label, value in (
            (self.tr("Any state"), StateFilter.ANY), (self.tr("Running"), StateFilter.RUNNING),
            (self.tr("Paused"), StateFilter.PAUSED), (self.tr("Shut off"), StateFilter.SHUTOFF),
            (self.tr("Saved"), StateFilter.SAVED), (self.tr("Active"), StateFilter.ACTIVE),
            (self.tr("Inactive"), StateFilter.INACTIVE),
        ):
            self.state.addItem(label, value)
        self.problem = QLabel(self)
        self.problem.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.problem)
        self.text.textChanged.connect(self._changed)
        self.state.currentIndexChanged.connect(self._changed)

    def _changed(self) -> None:
        query = parse_query(self.text.text(), self.state.currentData())
        self._show_problems(query)
        self.queryChanged.emit(query)

    def _show_problems(self, query: FilterQuery) -> None:
        messages = []
        for what, value in query.problems:
            if what == "state":
                messages.append(self.tr("unknown state “%s” (running, paused, shutoff, saved, "
                                        "active, inactive)") % value)
            else:
                messages.append(self.tr("VLAN must be 1–4094, not “%s”") % value)
        self.problem.setText("; ".join(messages))
        self.problem.setVisible(bool(messages))
