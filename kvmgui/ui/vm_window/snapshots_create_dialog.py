"""Take snapshot: name (from the time), description, internal or external, quiesce.

The kinds this host cannot take are shown disabled with the reason beneath them (from
kvmgui.logic.snapshot_rules), so the user learns it before trying. "Next…" checks the input;
with problems the dialog stays open and lists them, otherwise it is accepted and `request()`
is the snapshot XML for the diff dialog that follows.
"""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from kvmgui.logic.snapshot_rules import (
    CreateOptions, SnapshotKind, build_request, check_request, memory_file_suggestion,
)
from kvmgui.ui.editors.form_tab import translate_problem
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.plain_text import plain_label
from kvmgui.xml import Domain, Problem
from kvmgui.xml.snapshot import DomainSnapshot


class CreateSnapshotDialog(QDialog):
    """See the module docstring. `domain` is the live definition the rules judged."""

    def __init__(self, options: CreateOptions, domain: Domain, existing: Sequence[str],
                 default_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take snapshot"))
        self._options = options
        self._domain = domain
        self._existing = list(existing)
        self._request: DomainSnapshot | None = None
        self._suggested_file = ""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(default_name, self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("&Description:"), self.description_edit)
        layout.addLayout(form)

        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[SnapshotKind, QRadioButton] = {}
        self.kind_reasons: dict[SnapshotKind, QLabel] = {}
        texts = {
            SnapshotKind.INTERNAL: (self.tr("&Internal: disks (and memory of a running guest) "
                                            "inside the qcow2 images")),
            SnapshotKind.DISK_ONLY: self.tr("External, disk &only: new overlay files on top "
                                            "of the disks"),
            SnapshotKind.WITH_MEMORY: self.tr("External with &memory: overlays, and the "
                                              "memory in a file"),
        }
        for kind, text in texts.items():
            button = QRadioButton(text, self)
            choice = options.choice(kind)
            button.setEnabled(choice.allowed)
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            layout.addWidget(button)
            reason = plain_label(translate_message(choice.reason) if choice.reason else "", self)
            reason.setWordWrap(True)
            reason.setIndent(24)
            reason.setEnabled(False)  # greyed, like the option it explains
            reason.setVisible(choice.reason is not None)
            self.kind_reasons[kind] = reason
            layout.addWidget(reason)

        limit = options.external_limit
        self.external_limit = plain_label(translate_message(limit) if limit else "", self)
        self.external_limit.setWordWrap(True)
        self.external_limit.setStyleSheet("color: #b07800")  # amber: a warning, not a refusal
        self.external_limit.hide()
        layout.addWidget(self.external_limit)
        file_form = QFormLayout()
        self.memory_file_edit = QLineEdit(self)
        self.memory_file_edit.setPlaceholderText(self.tr("An absolute path on the host"))
        file_form.addRow(self.tr("Memory &file:"), self.memory_file_edit)
        layout.addLayout(file_form)
        self.quiesce_check = QCheckBox(self.tr("&Quiesce: freeze the guest's file systems "
                                               "while the overlays are made"), self)
        layout.addWidget(self.quiesce_check)
        self.quiesce_reason = plain_label(
            translate_message(options.quiesce) if options.quiesce else "", self)
        self.quiesce_reason.setWordWrap(True)
        self.quiesce_reason.setIndent(24)
        self.quiesce_reason.setEnabled(False)
        self.quiesce_reason.setVisible(options.quiesce is not None)
        layout.addWidget(self.quiesce_reason)

        self.problems = plain_label("", self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #d64545")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.next_button = self.buttons.addButton(self.tr("Next…"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.next_button.clicked.connect(self.check_and_accept)
        layout.addWidget(self.buttons)

        preferred = options.preferred
        if preferred is not None:
            self.kind_buttons[preferred].setChecked(True)
        else:
            self.next_button.setEnabled(False)  # the reasons above say why
        self.kinds.buttonToggled.connect(lambda *_a: self._update())
        self.name_edit.textChanged.connect(lambda _t: self._follow_name())
        self._follow_name()
        self._update()
        self.setMinimumWidth(560)

    # ---- public ------------------------------------------------------------------------------

    def kind(self) -> SnapshotKind | None:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)

    def request(self) -> DomainSnapshot | None:
        """The snapshot XML, once the dialog was accepted."""
        return self._request

    def check_and_accept(self) -> None:
        """Accept when the input makes a valid request; else list what is wrong."""
        kind = self.kind()
        if kind is None:
            return
        request = build_request(kind, self.name_edit.text().strip(),
                                self.description_edit.toPlainText(), self._domain,
                                self.memory_file_edit.text().strip())
        problems: list[Problem] = [p for p in check_request(request, self._existing)
                                   if p.severity == "error"]
        if problems:
            self.problems.setText("\n".join(translate_problem(p) for p in problems))
            self.problems.show()
            return
        self._request = request
        self.accept()

    # ---- internals ---------------------------------------------------------------------------

    def _follow_name(self) -> None:
        """Keep the suggested memory file in step with the name, unless the user edited it."""
        current = self.memory_file_edit.text()
        suggestion = memory_file_suggestion(self._domain, self.name_edit.text().strip())
        if current in ("", self._suggested_file):
            self.memory_file_edit.setText(suggestion)
        self._suggested_file = suggestion

    def _update(self) -> None:
        kind = self.kind()
        self.external_limit.setVisible(bool(self.external_limit.text())
                                       and kind not in (None, SnapshotKind.INTERNAL))
        self.memory_file_edit.setEnabled(kind is SnapshotKind.WITH_MEMORY)
        can_quiesce = kind is SnapshotKind.DISK_ONLY and self._options.quiesce is None
        self.quiesce_check.setEnabled(can_quiesce)
        if not can_quiesce:
            self.quiesce_check.setChecked(False)
        self.problems.hide()
