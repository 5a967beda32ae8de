"""Domain editor, Display tab: VNC or SPICE graphics and where they listen."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from kvmgui.ui.editors.form_tab import FormTab, note_label, set_combo_data, top_form
from kvmgui.xml import Domain, Graphics

LISTEN_CHOICES = ("127.0.0.1", "0.0.0.0", "::1", "::")
FIRST_PORT = 5900


class DomainGraphicsTab(FormTab):
    FIELDS = ("graphics",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        self.kind = QComboBox(self)
        for label, kind in ((self.tr("None (headless)"), None), ("VNC", "vnc"),
                            ("SPICE", "spice")):
            self.kind.addItem(label, kind)
        self.listen = QComboBox(self)
        self.listen.setEditable(True)
        self.listen.addItems(list(LISTEN_CHOICES))
        self.listen.setToolTip(self.tr("127.0.0.1 allows only this host (reach it through an "
                                       "SSH tunnel); 0.0.0.0 allows every network"))
        self.autoport = QCheckBox(self.tr("Choose a free port when the guest starts"), self)
        self.port = QSpinBox(self)
        self.port.setRange(FIRST_PORT, 65535)
        self.port.setKeyboardTracking(False)
        self.more = note_label(self)
        form = top_form(self)
        form.addRow(self.tr("&Graphics:"), self.kind)
        form.addRow(self.tr("&Listen address:"), self.listen)
        form.addRow("", self.autoport)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.more)
        self.field_widgets = {"graphics": self.kind}
        self.kind.currentIndexChanged.connect(lambda _i: self.write(self._set_kind))
        self.listen.currentTextChanged.connect(lambda _t: self.write(self._set_listen))
        self.autoport.toggled.connect(lambda _on: self.write(self._set_port))
        self.port.valueChanged.connect(lambda _v: self.write(self._set_port))

    def _first(self) -> Graphics | None:
        assert self.domain is not None
        graphics = self.domain.graphics
        return graphics[0] if graphics else None

    def fill(self, document: Domain) -> None:
        self.domain = document
        graphics = self._first()
        set_combo_data(self.kind, graphics.type if graphics else None,
                       add_text=graphics.type if graphics else None)
        self.listen.setEditText((graphics.listen if graphics else None) or "")
        auto = graphics is None or graphics.autoport is not False
        self.autoport.setChecked(auto)
        port = graphics.port if graphics is not None else None
        self.port.setValue(port if port is not None and port >= FIRST_PORT else FIRST_PORT)
        count = len(document.graphics)
        self.more.setText(self.tr("This virtual machine has %n graphics devices; the first is "
                                  "edited here.", "", count) if count > 1 else "")
        self.more.setVisible(count > 1)
        self._enable()

    def _enable(self) -> None:
        has = self.kind.currentData() is not None
        for widget in (self.listen, self.autoport):
            widget.setEnabled(has)
        self.port.setEnabled(has and not self.autoport.isChecked())

    def _set_kind(self) -> None:
        assert self.domain is not None
        kind = self.kind.currentData()
        graphics = self._first()
        if kind is None:
            for device in self.domain.graphics:
                self.domain.remove_device(device)
        elif graphics is None:
            listen = self.listen.currentText().strip() or "127.0.0.1"
            self.domain.add_device(Graphics.new(kind, listen=listen))
            with self.loading():
                self.listen.setEditText(listen)
        else:
            graphics.type = kind
        self._enable()

    def _set_listen(self) -> None:
        graphics = self._first()
        if graphics is not None:
            graphics.listen = self.listen.currentText().strip() or None

    def _set_port(self) -> None:
        self._enable()
        graphics = self._first()
        if graphics is None:
            return
        if self.autoport.isChecked():
            graphics.autoport = True
            graphics.port = -1
        else:
            graphics.autoport = False
            graphics.port = self.port.value()
