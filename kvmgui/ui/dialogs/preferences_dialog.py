"""Edit the preferences: statistics, columns, confirmations, new-VM defaults, console viewer.

OK and Apply save through `Preferences.apply` (whose `changed` signal makes them take effect at
once); bad input is explained in the dialog and nothing is saved.
"""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractButton, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QLabel, QLineEdit, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from kvmgui.logic.console_choice import ConsoleProgram
from kvmgui.stats.config import MIN_INTERVAL_S
from kvmgui.ui import texts
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.preferences import (
    MAX_HISTORY_S, MAX_INTERVAL_S, OPTIONAL_COLUMNS, PreferenceValues, Preferences, problems,
)
from kvmgui.ui.roles import Column


class PreferencesDialog(QDialog):
    """Shows `preferences`; `pools` and `networks` are the names the default choices offer (the
    current connection's); any other name may be typed."""

    def __init__(self, preferences: Preferences, pools: Sequence[str], networks: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._preferences = preferences
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_page(pools, networks), self.tr("&General"))
        self.tabs.addTab(self._statistics_page(), self.tr("&Statistics"))
        self.tabs.addTab(self._columns_page(), self.tr("C&olumns"))
        self.problem = plain_label("", self)  # the problems quote the names typed
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problems"))
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.show_values(preferences.values())
        self._console_program_changed()
        self.setMinimumWidth(520)

    # ---- pages -------------------------------------------------------------------------------

    def _general_page(self, pools: Sequence[str], networks: Sequence[str]) -> QWidget:
        page = QWidget(self)
        self.confirm_destructive = QCheckBox(
            self.tr("Ask before destructive actions (force off, delete, discard saved state…)"),
            page)
        self.confirm_destructive.setToolTip(self.tr(
            "Actions on several objects at once always ask first."))
        self.vm_windows_as_tabs = QCheckBox(
            self.tr("Open virtual machine windows as tabs of one window"), page)
        self.vm_windows_as_tabs.setToolTip(self.tr(
            "Each virtual machine's console and details open in a tab instead of a window."))
        self.default_pool = self._name_combo(pools, page)
        self.default_pool.setAccessibleName(self.tr("Default storage pool"))
        self.default_network = self._name_combo(networks, page)
        self.default_network.setAccessibleName(self.tr("Default network"))
        new_vm = QGroupBox(self.tr("New virtual machines"), page)
        new_vm_form = QFormLayout(new_vm)
        new_vm_form.addRow(self.tr("Storage &pool:"), self.default_pool)
        new_vm_form.addRow(self.tr("&Network:"), self.default_network)

        self.console_program = QComboBox(page)
        for program, label in (
            (ConsoleProgram.AUTO, self.tr("Automatic (virt-viewer, else remote-viewer)")),
            (ConsoleProgram.VIRT_VIEWER, self.tr("virt-viewer")),
            (ConsoleProgram.REMOTE_VIEWER, self.tr("remote-viewer")),
            (ConsoleProgram.CUSTOM, self.tr("Custom command")),
        ):
            self.console_program.addItem(label, program)
        self.console_command = QLineEdit(page)
        self.console_command.setPlaceholderText("remote-viewer {address}")
        self.console_command.setAccessibleName(self.tr("Custom console command"))
        self.console_command.setToolTip(self.tr(
            "{uri} is the connection URI, {name} the domain's name, {address} its display's "
            "address (e.g. vnc://host:5900; known while the domain runs)."))
        self.console_program.currentIndexChanged.connect(self._console_program_changed)
        console = QGroupBox(self.tr("Console"), page)
        console_form = QFormLayout(console)
        console_form.addRow(self.tr("&Viewer:"), self.console_program)
        console_form.addRow(self.tr("Co&mmand:"), self.console_command)

        layout = QVBoxLayout(page)
        layout.addWidget(self.confirm_destructive)
        layout.addWidget(self.vm_windows_as_tabs)
        layout.addWidget(new_vm)
        layout.addWidget(console)
        layout.addStretch(1)
        return page

    def _name_combo(self, names: Sequence[str], parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("")
        combo.addItems(list(names))
        line_edit = combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("let the wizard choose"))
        return combo

    def _statistics_page(self) -> QWidget:
        page = QWidget(self)
        # The spin boxes accept a little more than is allowed, so a too-small value is explained
        # (a spin box would otherwise silently put the old value back).
        self.interval = QDoubleSpinBox(page)
        self.interval.setRange(0.1, MAX_INTERVAL_S)
        self.interval.setDecimals(1)
        self.interval.setSingleStep(0.5)
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setToolTip(self.tr("How often running domains are sampled (at least "
                                         "%s s).") % f"{MIN_INTERVAL_S:g}")
        self.history = QSpinBox(page)
        self.history.setRange(0, int(MAX_HISTORY_S // 60))
        self.history.setSuffix(self.tr(" min"))
        self.history.setToolTip(self.tr("How much history the charts keep (1 minute to 24 "
                                        "hours)."))
        form = QFormLayout(page)
        form.addRow(self.tr("Sampling &interval:"), self.interval)
        form.addRow(self.tr("&History length:"), self.history)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Columns shown in the list:"), page))
        name = QCheckBox(texts.column(Column.NAME), page)
        name.setChecked(True)
        name.setEnabled(False)  # every row needs its name
        layout.addWidget(name)
        self.columns: dict[Column, QCheckBox] = {}
        for column in OPTIONAL_COLUMNS:
            box = QCheckBox(texts.column(column), page)
            self.columns[column] = box
            layout.addWidget(box)
        self.sparklines = QCheckBox(self.tr("CPU and memory sparklines (samples every running "
                                            "domain)"), page)
        layout.addWidget(self.sparklines)
        layout.addStretch(1)
        return page

    # ---- values ------------------------------------------------------------------------------

    def show_values(self, values: PreferenceValues) -> None:
        self.confirm_destructive.setChecked(values.confirm_destructive)
        self.vm_windows_as_tabs.setChecked(values.vm_windows_as_tabs)
        self.default_pool.setCurrentText(values.default_pool)
        self.default_network.setCurrentText(values.default_network)
        self.console_program.setCurrentIndex(self.console_program.findData(values.console_program))
        self.console_command.setText(values.console_command)
        self.interval.setValue(values.stats_interval_s)
        self.history.setValue(round(values.history_s / 60))
        for column, box in self.columns.items():
            box.setChecked(column not in values.hidden_columns)
        self.sparklines.setChecked(values.sparklines)

    def values(self) -> PreferenceValues:
        """What the widgets say now (not checked: see `preferences.problems`)."""
        return PreferenceValues(
            stats_interval_s=self.interval.value(),
            history_s=self.history.value() * 60.0,
            sparklines=self.sparklines.isChecked(),
            hidden_columns=frozenset(c for c, box in self.columns.items() if not box.isChecked()),
            confirm_destructive=self.confirm_destructive.isChecked(),
            default_pool=self.default_pool.currentText(),
            default_network=self.default_network.currentText(),
            console_program=ConsoleProgram(self.console_program.currentData()),
            console_command=self.console_command.text(),
            vm_windows_as_tabs=self.vm_windows_as_tabs.isChecked(),
        )

    def save(self) -> bool:
        """Save what the widgets say; False (and the reasons shown, nothing saved) if bad."""
        values = self.values()
        found = problems(values)
        self.problem.setText("\n".join(found))
        self.problem.setVisible(bool(found))
        if found:
            return False
        self._preferences.apply(values)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def _clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.save()
        elif role == QDialogButtonBox.ButtonRole.ResetRole:
            self.show_values(PreferenceValues())  # saved only by OK or Apply

    def _console_program_changed(self) -> None:
        self.console_command.setEnabled(
            self.console_program.currentData() == ConsoleProgram.CUSTOM)
