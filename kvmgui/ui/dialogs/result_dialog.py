"""The outcome of an action on one or many objects: done, skipped, or libvirt's error message."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from kvmgui.logic.action_results import ResultRow, ResultStatus
from kvmgui.ui.plain_text import plain_tooltip


class ResultDialog(QDialog):
    """One row per object; a line above counts what was done, skipped and failed."""

    def __init__(self, title: str, rows: Sequence[ResultRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.rows = list(rows)
        layout = QVBoxLayout(self)
        counts = {s: sum(1 for r in rows if r.status is s) for s in ResultStatus}
        parts = [self.tr("%n done", "", counts[ResultStatus.DONE])]
        if counts[ResultStatus.SKIPPED]:
            parts.append(self.tr("%n skipped", "", counts[ResultStatus.SKIPPED]))
        if counts[ResultStatus.FAILED]:
            parts.append(self.tr("%n failed", "", counts[ResultStatus.FAILED]))
        self.summary = QLabel(", ".join(parts), self)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Object"), self.tr("Result")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        labels = {ResultStatus.DONE: self.tr("Done"), ResultStatus.SKIPPED: self.tr("Skipped"),
                  ResultStatus.FAILED: self.tr("Failed")}
        for row in rows:
            text = f"{labels[row.status]}: {row.text}" if row.text else labels[row.status]
            item = QTreeWidgetItem([row.name, text])
            item.setToolTip(1, plain_tooltip(text))  # libvirt's message: data, not markup
            if row.status is ResultStatus.FAILED:
                item.setForeground(1, Qt.GlobalColor.red)
            self.table.addTopLevelItem(item)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, min(420, 140 + 28 * len(rows)))
