"""Add a connection: hypervisor, transport, user, host, port or a custom URI, shown live."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
    QWidget,
)

from kvmgui.core.uris import (
    ConnectionFields, Hypervisor, Transport, UriProblem, UriResult, build_uri, uses_remote_fields,
)
from kvmgui.ui.plain_text import plain_label


class AddConnectionDialog(QDialog):
    """Builds a libvirt URI from its fields; "Connect" stays disabled while the URI is invalid.

    kvmgui stores no password: remote connections use libvirt's transports (SSH agent or keys,
    TLS certificates) and SASL prompts are answered when the connection opens.
    """

    def __init__(self, demo_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Connection"))
        self._demo_path = demo_path
        self.hypervisor = QComboBox(self)
        for hv, label in (
            (Hypervisor.QEMU_SYSTEM, self.tr("QEMU/KVM (system)")),
            (Hypervisor.QEMU_SESSION, self.tr("QEMU/KVM (user session)")),
            (Hypervisor.XEN, self.tr("Xen")),
            (Hypervisor.LXC, self.tr("LXC (Linux containers)")),
            (Hypervisor.TEST, self.tr("Test driver (test:///default)")),
            (Hypervisor.DEMO, self.tr("Demo host (bundled)")),
        ):
            self.hypervisor.addItem(label, hv)
        self.transport = QComboBox(self)
        for transport, label in ((Transport.LOCAL, self.tr("Local")),
                                 (Transport.SSH, self.tr("SSH")), (Transport.TLS, self.tr("TLS")),
                                 (Transport.TCP, self.tr("TCP (unencrypted)"))):
            self.transport.addItem(label, transport)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("your login name on the host (optional)"))
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("host name or address"))
        self.port = QLineEdit(self)
        self.port.setValidator(QIntValidator(1, 65535, self))
        self.port.setPlaceholderText(self.tr("default"))
        self.use_custom = QCheckBox(self.tr("Custom URI"), self)
        self.custom_uri = QLineEdit(self)
        self.custom_uri.setPlaceholderText("qemu+ssh://root@host.example/system?keyfile=…")
        self.uri_label = plain_label("", self)
        self.uri_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.uri_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = plain_label("", self)
        self.problem.setWordWrap(True)
        self.autoconnect = QCheckBox(self.tr("Connect automatically at start"), self)
        self.autoconnect.setChecked(True)
        note = QLabel(self.tr("kvmgui stores no password: SSH uses your agent or keys, TLS your "
                              "certificates; other prompts are asked when connecting."), self)
        note.setWordWrap(True)
        note.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("&Hypervisor:"), self.hypervisor)
        form.addRow(self.tr("&Transport:"), self.transport)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("H&ost:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.use_custom, self.custom_uri)
        form.addRow(self.tr("URI:"), self.uri_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.autoconnect)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(self.tr("Connect"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for combo in (self.hypervisor, self.transport):
            combo.currentIndexChanged.connect(self._update)
        for edit in (self.user, self.host, self.port, self.custom_uri):
            edit.textChanged.connect(self._update)
        self.use_custom.toggled.connect(self._update)
        self.setMinimumWidth(480)
        self._update()

    def fields(self) -> ConnectionFields:
        return ConnectionFields(
            hypervisor=self.hypervisor.currentData(), transport=self.transport.currentData(),
            user=self.user.text(), host=self.host.text(), port=self.port.text(),
            custom_uri=self.custom_uri.text() if self.use_custom.isChecked() else "",
            demo_path=self._demo_path)

    def result_uri(self) -> UriResult:
        return build_uri(self.fields())

    def _update(self) -> None:
        fields = self.fields()
        custom = self.use_custom.isChecked()
        self.custom_uri.setEnabled(custom)
        for combo in (self.hypervisor, self.transport):
            combo.setEnabled(not custom)
        remote = uses_remote_fields(fields)
        for edit in (self.user, self.host, self.port):
            edit.setEnabled(remote)
        result = build_uri(fields)
        self.uri_label.setText(result.uri)
        self.problem.setText(self._problem_text(result.problem))
        self.problem.setVisible(result.problem is not None)
        self.connect_button.setEnabled(result.ok)

    def _problem_text(self, problem: UriProblem | None) -> str:
        return {
            None: "",
            UriProblem.HOST_REQUIRED: self.tr("Enter the host to connect to."),
            UriProblem.BAD_HOST: self.tr("The host must be a host name or an IP address."),
            UriProblem.BAD_USER: self.tr("The user name may contain letters, digits, '.', '_' "
                                         "and '-'."),
            UriProblem.BAD_PORT: self.tr("The port must be a number from 1 to 65535."),
            UriProblem.LOCAL_ONLY: self.tr("The demo host is a file on this machine: use the "
                                           "local transport."),
            UriProblem.BAD_CUSTOM_URI: self.tr("A URI looks like driver[+transport]://[user@]"
                                               "host[:port]/path, e.g. qemu:///system."),
            UriProblem.PASSWORD_IN_URI: self.tr("kvmgui stores no password: remove it from the "
                                                "URI and use an SSH key or agent (libvirt asks "
                                                "for anything else when it connects)."),
        }[problem]
