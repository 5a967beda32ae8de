"""Base of the "Add hardware" forms: one small form per kind of device.

A form shows the fields of one kind, builds the detached device from them (``device()``),
and says what keeps it from doing so (``problem()``, "" when nothing). The dialog checks the
device against the guest's definition too, and shows what the change will do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import NewVolumeRequest
from kvmgui.xml import Device, Domain


class DeviceForm(QWidget):
    """Fields of one device kind.

    Signals:
        changed(): a field changed; ``device()`` and ``problem()`` may give something new.
    """

    changed = Signal()
    kind: HardwareKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.domain: Domain | None = None

    def prepare(self, domain: Domain) -> None:
        """The guest's definition (or live XML): forms suggest free names and numbers."""
        self.domain = domain

    def device(self) -> Device | None:
        """The device to add (a detached element), or None while ``problem()`` says why."""
        raise NotImplementedError

    def problem(self) -> str:
        return ""

    def new_volume(self) -> NewVolumeRequest | None:
        """A volume to create before the device is added (a disk on a new volume)."""
        return None

    def edit_domain(self, domain: Domain) -> None:
        """Changes beyond the device itself that the device needs in the definition."""

    # ---- helpers for subclasses -----------------------------------------------------------

    def combo(self, label: str, items: Sequence[tuple[str, str]]) -> QComboBox:
        """A row with a combo box of (shown text, value) items."""
        box = QComboBox(self)
        for text, value in items:
            box.addItem(text, value)
        box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.form.addRow(label, box)
        return box

    def line(self, label: str, placeholder: str = "", text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self.changed.emit())
        self.form.addRow(label, edit)
        return edit


def same(values: Sequence[str]) -> list[tuple[str, str]]:
    """Combo items shown as their values (model names such as "virtio" are not translated)."""
    return [(value, value) for value in values]


class FormContext:
    """What forms may use: the connection (host devices are listed on its worker) and the
    inventory's pools and networks."""

    def __init__(self, connection: Connection, editor: EditorContext) -> None:
        self.connection = connection
        self.editor = editor
