"""Create a storage volume: name, capacity, allocation, format, qcow2 backing volume, or a
copy of another volume (``createXMLFrom``)."""

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from kvmgui.logic.new_vm_plan import GIB
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import EditorDialog, Job
from kvmgui.ui.editors.form_tab import FormTab, note_label, top_form
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import NewVolumeRequest, create_volume
from kvmgui.core.snapshots import PoolInfo, VolumeInfo
from kvmgui.xml import Problem, Volume

VOLUME_FORMATS = ("qcow2", "raw", "vmdk")


def gib_spin(parent: QWidget) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(0.0, 1024 * 1024)
    spin.setDecimals(2)
    spin.setSuffix(" GiB")
    spin.setKeyboardTracking(False)
    return spin


class VolumeGeneralTab(FormTab):
    FIELDS = ("name", "capacity", "allocation", "format", "backing", "clone", "pool")

    def __init__(self, context: EditorContext, pool_name: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume: Volume | None = None
        self._context = context
        self.pool = QComboBox(self)
        for pool in context.active_pools():
            self.pool.addItem(f"{pool.name} ({pool.pool_type})", pool.name)
        preferred = self.pool.findData(pool_name) if pool_name else self.pool.findData("default")
        self.pool.setCurrentIndex(max(preferred, 0))
        self.name = QLineEdit(self)
        self.capacity = gib_spin(self)
        self.allocation = gib_spin(self)
        self.allocation.setToolTip(self.tr("0 allocates on demand (a sparse or thin volume)"))
        self.format = QComboBox(self)
        self.format.addItems(list(VOLUME_FORMATS))
        self.backing = QComboBox(self)
        self.clone = QComboBox(self)
        form = top_form(self)
        form.addRow(self.tr("P&ool:"), self.pool)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Capacity:"), self.capacity)
        form.addRow(self.tr("&Allocation:"), self.allocation)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Backing volume:"), self.backing)
        form.addRow(self.tr("Copy &from:"), self.clone)
        form.addRow(note_label(self, self.tr(
            "A qcow2 volume with a backing volume stores only what differs from it. "
            "\"Copy from\" makes a full copy of another volume of the same pool instead.")))
        self.field_widgets = {"name": self.name, "capacity": self.capacity,
                              "allocation": self.allocation, "format": self.format,
                              "backing": self.backing, "clone": self.clone, "pool": self.pool}
        self._fill_volumes()
        self.pool.currentIndexChanged.connect(lambda _i: self.write(self._pool_changed))
        self.name.textEdited.connect(
            lambda t: self.write(lambda: self._set("name", t.strip() or None)))
        self.capacity.valueChanged.connect(
            lambda v: self.write(lambda: self._set("capacity", int(v * GIB))))
        self.allocation.valueChanged.connect(
            lambda v: self.write(lambda: self._set("allocation", int(v * GIB))))
        self.format.currentTextChanged.connect(lambda _t: self.write(self._set_format))
        self.backing.currentIndexChanged.connect(lambda _i: self.write(self._set_backing))
        self.clone.currentIndexChanged.connect(lambda _i: self.write(self._set_clone))

    def pool_info(self) -> PoolInfo | None:
        return self._context.pool(str(self.pool.currentData() or ""))

    def clone_source(self) -> VolumeInfo | None:
        return self._volume(self.clone.currentData())

    def _volume(self, key: object) -> VolumeInfo | None:
        pool = self.pool_info()
        return next((v for v in (pool.volumes if pool else ()) if v.key == key), None)

    def _fill_volumes(self) -> None:
        pool = self.pool_info()
        volumes = sorted(pool.volumes if pool else (), key=lambda v: v.name)
        for combo in (self.backing, self.clone):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for volume in volumes:
                combo.addItem(f"{volume.name} ({volume.format or '?'})", volume.key)

    def fill(self, document: Volume) -> None:
        self.volume = document
        self.name.setText(document.name or "")
        self.capacity.setValue((document.capacity or 0) / GIB)
        self.allocation.setValue((document.allocation or 0) / GIB)
        self.format.setCurrentText(document.format or "raw")
        pool = self.pool_info()
        backing = next((v for v in (pool.volumes if pool else ())
                        if v.path == document.backing_path), None)
        self.backing.setCurrentIndex(max(self.backing.findData(backing.key if backing else None),
                                         0))
        self.backing.setEnabled(document.format == "qcow2" and self.clone_source() is None)

    def _set(self, attribute: str, value: object) -> None:
        assert self.volume is not None
        setattr(self.volume, attribute, value)

    def _set_format(self) -> None:
        assert self.volume is not None
        self.volume.format = self.format.currentText()
        if self.volume.format != "qcow2":
            with self.loading():
                self.backing.setCurrentIndex(0)
            self._set_backing()
        self.backing.setEnabled(self.volume.format == "qcow2" and self.clone_source() is None)

    def _set_backing(self) -> None:
        assert self.volume is not None
        source = self._volume(self.backing.currentData())
        self.volume.backing_path = source.path if source else None
        self.volume.backing_format = (source.format or "raw") if source else None
        if source is not None and source.capacity > (self.volume.capacity or 0):
            self.volume.capacity = source.capacity  # an overlay is at least as large
            with self.loading():
                self.capacity.setValue(source.capacity / GIB)

    def _set_clone(self) -> None:
        assert self.volume is not None
        source = self.clone_source()
        if source is not None:
            with self.loading():
                self.backing.setCurrentIndex(0)
            self._set_backing()
            self.volume.capacity = source.capacity  # a copy is as large as its source
            with self.loading():
                self.capacity.setValue((self.volume.capacity or 0) / GIB)
        self.backing.setEnabled(source is None and self.volume.format == "qcow2")

    def _pool_changed(self) -> None:
        with self.loading():
            self._fill_volumes()
        self._set_backing()


class VolumeEditor(EditorDialog[Volume]):
    def __init__(self, conn: Connection, context: EditorContext, pool_name: str | None = None,
                 parent: QWidget | None = None) -> None:
        document = Volume.new("", 10 * GIB, "qcow2", allocation=0)
        super().__init__(conn, context, document, Volume, original=None, title="", parent=parent)
        self.setWindowTitle(self.tr("New Storage Volume"))
        self.general = VolumeGeneralTab(context, pool_name, self)
        self.add_form_tab(self.general, self.tr("&General"))
        self.finish_setup()

    def extra_problems(self) -> list[Problem]:
        problems = []
        pool = self.general.pool_info()
        if pool is None:
            problems.append(Problem.error("pool", "Choose an active storage pool."))
        elif self.document.name in {v.name for v in pool.volumes}:
            problems.append(Problem.error("name", "Pool {pool} already has a volume named "
                                          "{name}.", pool=pool.name, name=self.document.name))
        if self.document.backing_path and self.document.format != "qcow2":
            problems.append(Problem.error("backing", "Only qcow2 volumes can have a backing "
                                          "volume."))
        return problems

    def extra_changes(self) -> list[str]:
        changes = [self.tr("In pool %s") % self.general.pool.currentData()]
        source = self.general.clone_source()
        if source is not None:
            changes.append(self.tr("A full copy of volume %s") % source.name)
        return changes

    def make_job(self) -> Job:
        source = self.general.clone_source()
        return create_volume(NewVolumeRequest(str(self.general.pool.currentData()),
                                              self.document.to_xml(),
                                              clone_from=source.name if source else None))

    def on_applied(self, result: str) -> None:
        pool = self.general.pool_info()
        if pool is not None:
            self.conn.refresh_object("pool", pool.uuid)
