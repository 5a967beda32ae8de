"""Create a storage pool: dir, fs, netfs (NFS, GlusterFS), logical (LVM), disk, iSCSI, RBD.

The form shows the fields the chosen type needs (``storage_rules.POOL_FIELDS``); switching
type clears the fields the new type does not use.  Build (where it applies), start and
autostart happen in the same worker job as the define.
"""

import re

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from kvmgui.xml.storage_checks import (
    BUILDABLE,
    DEFAULT_TARGETS,
    FORMATS,
    POOL_FIELDS,
    pool_problems,
)
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import EditorDialog, Job
from kvmgui.ui.editors.form_tab import FormTab, note_label, set_combo_data, top_form
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineResult, define_pool
from kvmgui.xml import Pool, Problem, SourceHost

DEFAULT_DIR = "/var/lib/libvirt/images"
_SPLIT = re.compile(r"[,\s]+")


def parse_hosts(text: str, default_port: int | None = None) -> list[SourceHost]:
    """``"mon1, mon2:6790"`` -> hosts; a bare IPv6 address keeps its colons."""
    hosts = []
    for part in (p for p in _SPLIT.split(text.strip()) if p):
        name, port = part, default_port
        match = re.fullmatch(r"\[?([^\]]+?)\]?:(\d+)", part)
        if match and (part.count(":") == 1 or part.startswith("[")):
            name, port = match.group(1), int(match.group(2))
        hosts.append(SourceHost(name, port))
    return hosts


class PoolGeneralTab(FormTab):
    FIELDS = ("name", "target", "source")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool: Pool | None = None
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for label, kind in ((self.tr("Directory on the host"), "dir"),
                            (self.tr("File system on a device (fs)"), "fs"),
                            (self.tr("Network file system (NFS, GlusterFS)"), "netfs"),
                            (self.tr("LVM volume group (logical)"), "logical"),
                            (self.tr("Partitioned disk"), "disk"),
                            (self.tr("iSCSI target"), "iscsi"),
                            (self.tr("Ceph RBD"), "rbd")):
            self.kind.addItem(label, kind)
        self.target = QLineEdit(self)
        self.devices = QLineEdit(self)
        self.hosts = QLineEdit(self)
        self.source_dir = QLineEdit(self)
        self.format = QComboBox(self)
        self.source_name = QLineEdit(self)
        self.iqn = QLineEdit(self)
        self.iqn.setPlaceholderText("iqn.2004-04.com.example:storage")
        self.initiator = QLineEdit(self)
        self.initiator.setPlaceholderText(self.tr("this host's default"))
        self.auth_user = QLineEdit(self)
        self.auth_user.setPlaceholderText(self.tr("none (no cephx authentication)"))
        self.auth_secret = QLineEdit(self)
        self.auth_secret.setPlaceholderText("client.libvirt secret")
        self.build = QCheckBox(self)
        self.build_note = note_label(self)
        self.start = QCheckBox(self.tr("Start the pool now"), self)
        self.start.setChecked(True)
        self.autostart = QCheckBox(self.tr("Start the pool when the host boots"), self)
        self.autostart.setChecked(True)
        self.form = form = top_form(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Type:"), self.kind)
        form.addRow(self.tr("Ta&rget path:"), self.target)
        form.addRow(self.tr("&Device(s):"), self.devices)
        form.addRow(self.tr("&Host(s):"), self.hosts)
        form.addRow(self.tr("E&xport path:"), self.source_dir)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Source name:"), self.source_name)
        form.addRow(self.tr("Target &IQN:"), self.iqn)
        form.addRow(self.tr("Initiator I&QN:"), self.initiator)
        form.addRow(self.tr("Ceph &user:"), self.auth_user)
        form.addRow(self.tr("Secret &usage:"), self.auth_secret)
        form.addRow("", self.build)
        form.addRow(self.build_note)
        form.addRow("", self.start)
        form.addRow("", self.autostart)
        self._rows = {"target.path": self.target, "source.device": self.devices,
                      "source.host": self.hosts, "source.dir": self.source_dir,
                      "source.format": self.format, "source.name": self.source_name,
                      "source.iqn": self.iqn, "source.initiator": self.initiator,
                      "source.auth": self.auth_user}
        self.field_widgets = {"name": self.name, **self._rows}
        self.name.textEdited.connect(lambda t: self.write(lambda: self._set_name(t)))
        self.kind.currentIndexChanged.connect(lambda _i: self.write(self._set_kind))
        for edit in (self.target, self.devices, self.hosts, self.source_dir, self.source_name,
                     self.iqn, self.initiator, self.auth_user, self.auth_secret):
            edit.textEdited.connect(lambda _t: self.write(self._store))
        self.format.currentTextChanged.connect(lambda _t: self.write(self._store))

    @property
    def kind_name(self) -> str:
        return str(self.kind.currentData())

    def fill(self, document: Pool) -> None:
        self.pool = document
        self.name.setText(document.name or "")
        kind_changed = self.kind_name != document.type or self.build.text() == ""
        set_combo_data(self.kind, document.type, add_text=document.type)
        self._show_rows(reset_build=kind_changed)
        self.target.setText(document.target_path or "")
        self.devices.setText(", ".join(document.source_devices)
                             if document.type != "iscsi" else "")
        self.hosts.setText(", ".join(h.name if h.port is None else f"{h.name}:{h.port}"
                                     for h in document.source_hosts))
        self.source_dir.setText(document.source_dir or "")
        self.format.setCurrentText(document.source_format or "")
        self.source_name.setText(document.source_name or "")
        self.iqn.setText(document.iscsi_target_iqn or "" if document.type == "iscsi" else "")
        self.initiator.setText(document.initiator_iqn or "")
        self.auth_user.setText(document.auth_username or "")
        self.auth_secret.setText(document.auth_secret_usage or "")

    @property
    def buildable(self) -> bool:
        return self.kind_name in BUILDABLE

    def _show_rows(self, *, reset_build: bool) -> None:
        kind = self.kind_name
        fields = POOL_FIELDS.get(kind, ())
        for field, widget in self._rows.items():
            self.form.setRowVisible(widget, field in fields)
        self.form.setRowVisible(self.auth_secret, "source.auth" in fields)
        self.format.clear()
        self.format.addItems(list(FORMATS.get(kind, ())))
        self.devices.setPlaceholderText("/dev/sdb, /dev/sdc" if kind == "logical" else "/dev/sdb")
        self.hosts.setPlaceholderText({"rbd": "mon1.example, mon2.example:6789",
                                       "iscsi": "san.example:3260"}.get(kind, "nas.example"))
        self.source_dir.setPlaceholderText("/export/images")
        self.source_name.setPlaceholderText(self.tr("volume group") if kind == "logical"
                                            else self.tr("Ceph pool"))
        self.target.setPlaceholderText(DEFAULT_TARGETS.get(kind, f"{DEFAULT_DIR}/…"))
        destructive = BUILDABLE.get(kind, False)
        self.build.setText(self.tr("&Build: format the device (erases everything on it)")
                           if destructive else self.tr("&Build: create the target directory"))
        self.build_note.setText(self.tr("Leave unchecked for a device that already holds this "
                                        "pool.") if destructive else "")
        self.form.setRowVisible(self.build, self.buildable)
        self.form.setRowVisible(self.build_note, destructive)
        if reset_build:
            self.build.setChecked(self.buildable and not destructive)

    def _default_target(self, name: str) -> str:
        if self.kind_name == "dir":
            return f"{DEFAULT_DIR}/{name}" if name else ""
        return DEFAULT_TARGETS.get(self.kind_name, "").format(name=name)

    def _set_name(self, text: str) -> None:
        assert self.pool is not None
        old = self.pool.name or ""
        self.pool.name = text.strip() or None
        if self.target.text() in ("", self._default_target(old)):
            self.target.setText(self._default_target(text.strip()))  # follow the name
        self._store()

    def _set_kind(self) -> None:
        assert self.pool is not None
        self.pool.type = self.kind_name
        with self.loading():
            self._show_rows(reset_build=True)
            self.target.setText(self._default_target(self.pool.name or ""))
        self._store()

    def _store(self) -> None:
        """Write every field; fields the type does not use are removed from the document."""
        pool = self.pool
        assert pool is not None
        fields = POOL_FIELDS.get(self.kind_name, ())

        def text(edit: QLineEdit, field: str) -> str | None:
            return (edit.text().strip() or None) if field in fields else None

        pool.target_path = text(self.target, "target.path")
        devices = text(self.devices, "source.device")
        iqn = text(self.iqn, "source.iqn")
        pool.source_devices = [iqn] if iqn else [d for d in _SPLIT.split(devices or "") if d]
        hosts = text(self.hosts, "source.host")
        port = 3260 if self.kind_name == "iscsi" else None
        pool.source_hosts = parse_hosts(hosts or "", port)
        pool.source_dir = text(self.source_dir, "source.dir")
        pool.source_format = (self.format.currentText() or None) if "source.format" in fields \
            else None
        pool.source_name = text(self.source_name, "source.name")
        pool.initiator_iqn = text(self.initiator, "source.initiator")
        user = text(self.auth_user, "source.auth")
        pool.auth_secret_usage = (self.auth_secret.text().strip() or None) if user else None
        pool.auth_username = user
        pool.auth_type = "ceph" if user else None


class PoolEditor(EditorDialog[Pool]):
    def __init__(self, conn: Connection, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        document = Pool.new("dir", "", target_path=None)
        super().__init__(conn, context, document, Pool, original=None, title="", parent=parent)
        self.setWindowTitle(self.tr("New Storage Pool"))
        self.general = PoolGeneralTab(self)
        self.add_form_tab(self.general, self.tr("&General"))
        self.finish_setup()

    def validate_document(self) -> list[Problem]:
        return pool_problems(self.document)

    def extra_problems(self) -> list[Problem]:
        name = self.document.name
        if name and self.context.pool(name) is not None:
            return [Problem.error("name", "A storage pool named {name} already exists.",
                                  name=name)]
        return []

    def extra_changes(self) -> list[str]:
        tab = self.general
        return [text for checked, text in (
            (tab.buildable and tab.build.isChecked(), tab.build.text().replace("&", "")),
            (tab.start.isChecked(), tab.start.text()),
            (tab.autostart.isChecked(), tab.autostart.text())) if checked]

    def make_job(self) -> Job:
        tab = self.general
        return define_pool(self.document.to_xml(),
                           build=tab.buildable and tab.build.isChecked(),
                           start=tab.start.isChecked(), autostart=tab.autostart.isChecked())

    def on_applied(self, result: DefineResult) -> None:
        self.conn.refresh_object("pool", result.uuid)
