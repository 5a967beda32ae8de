""""Add hardware": the kinds of device on the left, the chosen kind's form on the right, and
below what is wrong with it and when it takes effect. Add is enabled only for a device the
guest can take; the page then shows the diff before anything changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.logic.hardware_rules import ADDABLE, GuestState, HardwareKind, Plan, plan_add
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.vm_window.hardware_form import DeviceForm, FormContext
from kvmgui.ui.vm_window.hardware_form_char import ChannelForm, ConsoleForm, SerialForm
from kvmgui.ui.vm_window.hardware_form_display import GraphicsForm, InputForm, SoundForm, VideoForm
from kvmgui.ui.vm_window.hardware_form_hostdev import HostDeviceForm
from kvmgui.ui.vm_window.hardware_form_misc import (
    ControllerForm,
    FilesystemForm,
    RngForm,
    TpmForm,
    WatchdogForm,
)
from kvmgui.ui.vm_window.hardware_form_network import NicForm
from kvmgui.ui.vm_window.hardware_form_storage import DriveForm
from kvmgui.ui.vm_window.hardware_texts import kind_name, plan_text
from kvmgui.xml import Device, Domain
from kvmgui.xml.device_checks import add_problems

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
K = HardwareKind


def build_form(kind: HardwareKind, context: FormContext, parent: QWidget) -> DeviceForm:
    """The form of ``kind`` (built when the kind is first chosen: host devices are listed)."""
    if kind in (K.DISK, K.CDROM):
        return DriveForm(context, kind, parent)
    if kind in (K.USB_HOST, K.PCI_HOST):
        return HostDeviceForm(context, "usb" if kind is K.USB_HOST else "pci", parent)
    if kind is K.NIC:
        return NicForm(context, parent)
    simple: dict[HardwareKind, type[DeviceForm]] = {
        K.GRAPHICS: GraphicsForm, K.VIDEO: VideoForm, K.SOUND: SoundForm, K.INPUT: InputForm,
        K.SERIAL: SerialForm, K.CONSOLE: ConsoleForm, K.CHANNEL: ChannelForm,
        K.FILESYSTEM: FilesystemForm, K.TPM: TpmForm, K.RNG: RngForm, K.WATCHDOG: WatchdogForm,
        K.CONTROLLER: ControllerForm,
    }
    return simple[kind](parent)


class AddHardwareDialog(QDialog):
    """Opened with ``open()``; after ``accepted``, ``device()``, ``plan()`` and ``form`` give
    what to add (the form also knows a new volume and edits the device needs)."""

    def __init__(self, context: FormContext, domain: Domain, guest: GuestState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Hardware"))
        self._context = context
        self._domain = domain
        self._guest = guest
        self.forms: dict[HardwareKind, DeviceForm] = {}
        self.kinds = QListWidget(self)
        for kind in ADDABLE:
            item = QListWidgetItem(kind_name(kind))
            item.setData(KIND_ROLE, kind.value)
            self.kinds.addItem(item)
        self.kinds.setFixedWidth(self.kinds.sizeHintForColumn(0) + 32)
        self.stack = QStackedWidget(self)
        self.problem = plain_label("", self)
        self.problem.setWordWrap(True)
        self.when = plain_label("", self)
        self.when.setWordWrap(True)
        self.now = QCheckBox(self.tr("Plug it into the running guest &now"), self)
        self.now.setChecked(True)
        self._want_now = True  # the user's choice, kept while a device cannot be plugged in
        self.now.setVisible(guest.active and guest.persistent)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("&Add…"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.kinds)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.problem)
        right.addWidget(self.now)
        right.addWidget(self.when)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.kinds.currentItemChanged.connect(lambda *_a: self._kind_changed())
        self.now.toggled.connect(self._now_toggled)
        self.kinds.setCurrentRow(0)
        self.resize(720, 440)

    # ---- public ---------------------------------------------------------------------------

    @property
    def form(self) -> DeviceForm:
        widget = self.stack.currentWidget()
        assert isinstance(widget, DeviceForm)
        return widget

    def select_kind(self, kind: HardwareKind) -> DeviceForm:
        self.kinds.setCurrentRow(ADDABLE.index(kind))
        return self.form

    def device(self) -> Device | None:
        return self.form.device()

    def plan(self) -> Plan | None:
        device = self.form.device()
        return plan_add(device, self._guest, now=self._want_now) \
            if device is not None else None

    def problems(self) -> list[str]:
        """Everything that keeps the chosen device from being added, in the user's words."""
        form_problem = self.form.problem()
        if form_problem:
            return [form_problem]
        device = self.form.device()
        if device is None:
            return [self.tr("Fill in the form.")]
        found = [translate_message(m) for m in add_problems(self._domain, device)]
        plan = self.plan()
        if plan is not None and plan.refused is not None:
            found.append(translate_message(plan.refused))
        return found

    # ---- internals ------------------------------------------------------------------------

    def _now_toggled(self, on: bool) -> None:
        self._want_now = on
        self.update_state()

    def _kind_changed(self) -> None:
        item = self.kinds.currentItem()
        if item is None:
            return
        kind = HardwareKind(item.data(KIND_ROLE))
        if kind not in self.forms:
            form = build_form(kind, self._context, self.stack)
            form.prepare(self._domain)
            form.changed.connect(self.update_state)
            self.forms[kind] = form
            self.stack.addWidget(form)
        self.stack.setCurrentWidget(self.forms[kind])
        self.update_state()

    def update_state(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        device = self.form.device()
        can_now = device is not None and plan_add(device, self._guest).live
        self.now.setEnabled(can_now)
        self.now.blockSignals(True)
        self.now.setChecked(can_now and self._want_now)  # never ticked for what cannot be
        self.now.blockSignals(False)
        plan = self.plan() if not problems else None
        self.when.setText(plan_text(plan, "add") if plan is not None else "")
        self.add_button.setEnabled(not problems)
