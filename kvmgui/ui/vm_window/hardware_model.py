"""The hardware page's tree: one row per group of devices, the devices under it.

Columns: the device ("Disk vda"), its settings in one line, and a note when the running
guest and its definition differ ("From the next boot"). Device rows carry their key
(``KEY_ROLE``), so a selection survives a reload.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kvmgui.logic.hardware_rules import GROUP_OF, HardwareGroup, ListedDevice
from kvmgui.ui.plain_text import plain_tooltip
from kvmgui.ui.vm_window.hardware_texts import describe, group_name, presence_note, row_title

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class HardwareModel(QStandardItemModel):
    """Rows built from ``ListedDevice``s; ``listed(index)`` gives a row's device back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 3, parent)
        self._listed: dict[str, ListedDevice] = {}
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Settings"),
                                        self.tr("Note")])

    def set_devices(self, devices: list[ListedDevice]) -> None:
        self.clear()
        self._set_headers()
        self._listed = {row.key: row for row in devices}
        groups: dict[HardwareGroup, QStandardItem] = {}
        for row in devices:
            group = GROUP_OF[row.kind]
            if group not in groups:
                item = QStandardItem(group_name(group))
                item.setEditable(False)
                item.setSelectable(False)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                filler = [_cell(""), _cell("")]
                for cell in filler:
                    cell.setSelectable(False)
                self.appendRow([item, *filler])
                groups[group] = item
            title = _cell(row_title(row))
            title.setData(row.key, KEY_ROLE)
            settings = _cell(describe(row.shown))
            settings.setToolTip(plain_tooltip(settings.text()))
            groups[group].appendRow([title, settings, _cell(presence_note(row.presence))])

    def listed(self, index: Index) -> ListedDevice | None:
        if not index.isValid():
            return None
        key = self.index(index.row(), 0, index.parent()).data(KEY_ROLE)
        return self._listed.get(key) if isinstance(key, str) else None

    def index_of(self, key: str) -> QModelIndex:
        """The device row with ``key`` (invalid when gone)."""
        for group_row in range(self.rowCount()):
            group = self.index(group_row, 0)
            for row in range(self.rowCount(group)):
                index = self.index(row, 0, group)
                if index.data(KEY_ROLE) == key:
                    return index
        return QModelIndex()

    def device_rows(self) -> list[ListedDevice]:
        return list(self._listed.values())


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item
