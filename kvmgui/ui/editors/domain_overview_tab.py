"""Domain editor, Overview tab: name, title, description, and what kind of guest it is
(the domain type among those the host offers)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from kvmgui.logic.guest_types import offered_domain_types
from kvmgui.ui.editors.form_tab import FormTab, note_label, top_form
from kvmgui.ui.editors.guest_type_combo import fill_domain_types, guest_type_combo
from kvmgui.ui.plain_text import plain_label
from kvmgui.xml import Domain


class DomainOverviewTab(FormTab):
    FIELDS = ("name", "title", "description", "type")

    def __init__(self, capabilities_xml: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        self._capabilities_xml = capabilities_xml  # "" when unknown: the type is kept as is
        self.name_edit = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("a short line shown next to the name"))
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.uuid = self._value_label()
        self.domain_type = guest_type_combo(self)
        self.kind = self._value_label()
        self.os_label = self._value_label()
        form = top_form(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("UUID:"), self.uuid)
        form.addRow(self.tr("&Hypervisor:"), self.domain_type)
        form.addRow(self.tr("Guest:"), self.kind)
        form.addRow(self.tr("Operating system:"), self.os_label)
        form.addRow(note_label(self, self.tr(
            "Renaming works only while the virtual machine is shut off.")))
        self.field_widgets = {"name": self.name_edit, "title": self.title_edit,
                              "description": self.description, "type": self.domain_type}
        self.name_edit.textEdited.connect(
            lambda text: self.write(lambda: self._set("name", text.strip() or None)))
        self.title_edit.textEdited.connect(
            lambda text: self.write(lambda: self._set("title", text or None)))
        self.description.textChanged.connect(self._description_changed)
        self.domain_type.currentIndexChanged.connect(lambda _i: self.write(
            lambda: self._set("type", self.domain_type.currentData())))

    def _value_label(self) -> QLabel:
        label = plain_label("", self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def fill(self, document: Domain) -> None:
        self.domain = document
        self.name_edit.setText(document.name or "")
        self.title_edit.setText(document.title or "")
        if self.description.toPlainText() != (document.description or ""):
            self.description.setPlainText(document.description or "")
        self.uuid.setText(document.uuid or self.tr("(assigned when created)"))
        offered = offered_domain_types(self._capabilities_xml, document.os_arch or "",
                                       os_type=document.os_type or "hvm")
        fill_domain_types(self.domain_type, offered, document.type or "")
        parts = [document.os_type or "?", document.os_arch or "", document.os_machine or ""]
        self.kind.setText(" · ".join(p for p in parts if p))
        os_id = document.libosinfo_os
        self.os_label.setText(os_id if os_id is not None else self.tr("(not recorded)"))

    def _set(self, attribute: str, value: str | None) -> None:
        assert self.domain is not None
        setattr(self.domain, attribute, value)

    def _description_changed(self) -> None:
        text = self.description.toPlainText()
        self.write(lambda: self._set("description", text or None))
