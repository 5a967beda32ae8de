"""New-VM wizard, second page: where the guest's operating system comes from.

An ISO (a file or a volume; its OS is detected, see ``NewVmWizard``), an existing disk image,
an ISO on a web server, a network boot, or nothing yet (manual install)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from kvmgui.logic.new_vm_plan import InstallMethod, NewVmPlan
from kvmgui.logic.osinfo import GENERIC_OS
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import field_matches, note_label
from kvmgui.ui.editors.new_vm_pages import PlanPage
from kvmgui.ui.editors.path_chooser import PathChooser


class InstallPage(PlanPage):
    """Signals:
        isoChosen(str): the user settled on an ISO path (the wizard detects its OS).
        useDetectedClicked(): the user wants the detected OS instead of the one chosen.
    """

    FIELDS = ("install",)
    isoChosen = Signal(str)
    useDetectedClicked = Signal()

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Installation source"))
        self.setSubTitle(self.tr("Where the guest's operating system comes from."))
        self.iso_button = QRadioButton(self.tr("Local &ISO image (a volume or a path on the "
                                               "host)"), self)
        self.import_button = QRadioButton(self.tr("I&mport an existing disk image"), self)
        self.url_button = QRadioButton(self.tr("&Network install (ISO from a URL)"), self)
        self.pxe_button = QRadioButton(self.tr("Network &boot (PXE)"), self)
        self.manual_button = QRadioButton(self.tr("Manual install (no installation &media "
                                                  "now)"), self)
        self.method = QButtonGroup(self)
        for button, method in ((self.iso_button, InstallMethod.ISO),
                               (self.import_button, InstallMethod.IMPORT),
                               (self.url_button, InstallMethod.URL),
                               (self.pxe_button, InstallMethod.PXE),
                               (self.manual_button, InstallMethod.NONE)):
            self.method.addButton(button)
            button.setProperty("method", method.value)
        self.iso_chooser = PathChooser(context, iso=True, parent=self)
        self.iso = self.iso_chooser.combo
        self.disk_chooser = PathChooser(context, iso=False, parent=self)
        self.disk = self.disk_chooser.combo
        self.detection = note_label(self)  # what the ISO was found to hold
        self.use_detected = QPushButton(self)
        self.use_detected.hide()
        detection_row = QHBoxLayout()
        detection_row.addWidget(self.detection, 1)
        detection_row.addWidget(self.use_detected)
        self.url = QLineEdit(self)
        self.note = note_label(self)
        self.form = QFormLayout()
        self.form.addRow(self.iso_button)
        self.form.addRow(self.tr("IS&O:"), self.iso_chooser)
        self.form.addRow("", detection_row)
        self.form.addRow(self.import_button)
        self.form.addRow(self.tr("&Disk image:"), self.disk_chooser)
        self.form.addRow(self.url_button)
        self.form.addRow(self.tr("&URL:"), self.url)
        self.form.addRow(self.pxe_button)
        self.form.addRow(self.manual_button)
        self.form.addRow(self.note)
        self.finish_layout(self.form)
        self.iso_button.setChecked(True)
        self.method.buttonToggled.connect(lambda _b, _on: self._update())
        self.iso.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.disk.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.url.textChanged.connect(lambda _t: self.changed.emit())
        self.iso_chooser.chosen.connect(self.isoChosen)
        self.use_detected.clicked.connect(self.useDetectedClicked)
        self._update()

    @property
    def install_method(self) -> InstallMethod:
        button = self.method.checkedButton()
        return InstallMethod(str(button.property("method"))) if button else InstallMethod.ISO

    def show_detection(self, text: str, offer: str = "") -> None:
        """What the ISO holds; ``offer`` (an OS name) adds a button to use it instead."""
        self.detection.setText(text)
        self.use_detected.setText(self.tr("Use %s") % offer if offer else "")
        self.use_detected.setVisible(bool(offer))

    def initializePage(self) -> None:
        wizard_plan = getattr(self.wizard(), "plan", None)
        os_entry = wizard_plan().os if callable(wizard_plan) else GENERIC_OS
        self.url.setPlaceholderText(os_entry.iso_url or "https://mirror.example/installer.iso")

    def owns(self, field: str, plan: NewVmPlan) -> bool:
        if field_matches(field, "disk.path"):
            return plan.install is InstallMethod.IMPORT
        return super().owns(field, plan)

    def apply_to(self, plan: NewVmPlan) -> None:
        plan.install = self.install_method
        plan.iso_path = self.iso.currentText().strip()
        plan.install_url = self.url.text().strip()
        if plan.install is InstallMethod.IMPORT:
            plan.disk_path = self.disk.currentText().strip()

    def _update(self) -> None:
        method = self.install_method
        self.iso_chooser.setEnabled(method is InstallMethod.ISO)
        self.disk_chooser.setEnabled(method is InstallMethod.IMPORT)
        self.url.setEnabled(method is InstallMethod.URL)
        self.note.setText({
            InstallMethod.ISO: self.tr("The ISO is attached as a CD-ROM and booted first."),
            InstallMethod.IMPORT: self.tr("The image becomes the boot disk; nothing is "
                                          "installed."),
            InstallMethod.URL: self.tr("QEMU reads the ISO from the server while the guest "
                                       "installs (http, https, ftp or ftps)."),
            InstallMethod.PXE: self.tr("The guest boots from its network card; it needs a "
                                       "network with a PXE server."),
            InstallMethod.NONE: self.tr("The guest gets an empty CD-ROM drive: insert an ISO "
                                        "later, or install it some other way."),
        }[method])
        self.changed.emit()
