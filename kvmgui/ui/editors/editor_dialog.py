"""What every editor shares: form tabs and an XML tab over one document, problems beside
the form, a diff before applying, libvirt's errors, and the conflict check.

The document (``kvmgui.xml``) is the single source of truth.  Form tabs write into it and
the XML tab is re-rendered; edits in the XML tab are parsed and the forms reloaded from the
result.  Apply: no XML or validation errors → diff (with warnings to accept) → the job runs
on the connection's worker → success closes the editor; a libvirt error is shown and
nothing changes; a conflict (someone else changed the object) shows their change and
offers to reload.
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.editors.diff_dialog import DiffDialog, change_diff
from kvmgui.ui.errors import show_warning
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import FormTab, keep_place, translate_problem
from kvmgui.ui.editors.problems_panel import ProblemsPanel
from kvmgui.ui.editors.xml_tab import XmlTab
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineConflict
from kvmgui.virt.errors import error_text
from kvmgui.xml import Problem, XmlSyntaxError, pretty_xml
from kvmgui.xml.node import XmlDocument

DocT = TypeVar("DocT", bound=XmlDocument)
Job = Callable[[Any], Any]
T = TypeVar("T")
ProblemKey = tuple[str, str, str]


def problem_key(problem: Problem) -> ProblemKey:
    """The same problem across revalidations (its values may change as the user types)."""
    return problem.field, problem.severity, problem.template or problem.message


def while_alive(owner: QObject, callback: Callable[[T], object]) -> Callable[[T], None]:
    """``callback``, skipped when ``owner`` was deleted before a worker's answer arrived
    (the user closed the dialog)."""
    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            callback(value)
    return call


class EditorDialog(QDialog, Generic[DocT]):
    """Base of the editors; subclasses add form tabs and say how to apply.

    Subclasses call ``finish_setup()`` at the end of ``__init__`` and override
    ``make_job``, and where needed ``extra_problems``, ``extra_changes``, ``on_applied``.

    Signals:
        applied(object): libvirt accepted the change; the argument is the job's result.
    """

    applied = Signal(object)

    def __init__(self, conn: Connection, context: EditorContext, document: DocT,
                 document_type: type[DocT], *, original: str | None, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.conn = conn
        self.context = context
        self.document = document
        self.original = original
        self._document_type = document_type
        self._xml_error = ""
        self._busy = False
        self.problems_list: list[Problem] = []  # all of them; the panel shows `shown_problems`
        self.shown_problems: list[Problem] = []
        # A new definition starts incomplete: what is wrong with it before the user typed
        # anything waits until Apply, or until it went away and came back after an edit.
        self._show_all = original is not None
        self._waiting: set[ProblemKey] | None = None
        self.form_tabs: list[FormTab] = []

        self.notice = plain_label("", self)  # notices and libvirt's errors quote host text
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.tabs = QTabWidget(self)
        self.xml_tab = XmlTab(self)
        self.problems = ProblemsPanel(self)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing())
        keep_place(self.status)
        self.status.hide()
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button: QPushButton = self.buttons.addButton(
            self.tr("Create") if original is None else self.tr("Apply"),
            QDialogButtonBox.ButtonRole.ApplyRole)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.xml_tab.xmlEdited.connect(self._xml_edited)
        self.problems.problemActivated.connect(self.show_field)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.resize(780, 640)

    # ---- building -------------------------------------------------------------------------

    def add_form_tab(self, tab: FormTab, title: str) -> None:
        self.form_tabs.append(tab)
        self.tabs.addTab(tab, title)
        tab.changed.connect(self.document_changed)

    def finish_setup(self) -> None:
        self.tabs.addTab(self.xml_tab, self.tr("XML"))
        self.reload_forms()

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ---- override points ------------------------------------------------------------------

    def validate_document(self) -> list[Problem]:
        return self.document.validate()

    def extra_problems(self) -> list[Problem]:
        """Findings beyond the document's own rules (e.g. what this libvirt rejects)."""
        return []

    def extra_changes(self) -> list[str]:
        """Changes the XML diff does not show (autostart, ...), one line each."""
        return []

    def make_job(self) -> Job:
        raise NotImplementedError

    def on_applied(self, result: Any) -> None:
        """After libvirt accepted the change (before the dialog closes)."""

    # ---- state ----------------------------------------------------------------------------

    def document_changed(self) -> None:
        """A form tab changed the document: the other tabs and the XML follow, then check."""
        sender = self.sender()
        for tab in self.form_tabs:
            if tab is not sender:
                tab.load(self.document)
        self.xml_tab.set_xml(pretty_xml(self.document.to_xml()))
        self.revalidate()

    def reload_forms(self) -> None:
        for tab in self.form_tabs:
            tab.load(self.document)
        self.xml_tab.set_xml(pretty_xml(self.document.to_xml()))
        self.revalidate()

    def revalidate(self) -> None:
        problems = [] if self._xml_error else self.validate_document() + self.extra_problems()
        self.problems_list = problems
        keys = {problem_key(p) for p in problems}
        self._waiting = keys if self._waiting is None else self._waiting & keys
        self.shown_problems = [p for p in problems
                               if self._show_all or problem_key(p) not in self._waiting]
        self.problems.set_problems(self.shown_problems, self.field_place)
        for tab in self.form_tabs:
            owned = [p for p in self.shown_problems if tab.owns(p.field)]
            tab.show_problems(owned)
            self.tabs.setTabIcon(self.tabs.indexOf(tab), self._severity_icon(owned))
        self._update_buttons()

    def errors(self) -> list[Problem]:
        return [p for p in self.problems_list if p.severity == "error"]

    def warnings(self) -> list[Problem]:
        return [p for p in self.problems_list if p.severity == "warning"]

    def field_place(self, field: str) -> str:
        """Where a problem's field is shown: "Tab – Label", or just the label or tab."""
        tab = self.tab_for(field)
        if tab is None:
            return self.tr("Definition")
        title = self.tabs.tabText(self.tabs.indexOf(tab)).replace("&", "")
        label = tab.field_label(field)
        if not label:
            return title
        return label if len(self.form_tabs) == 1 else f"{title} – {label}"

    def tab_for(self, field: str) -> FormTab | None:
        return next((tab for tab in self.form_tabs if tab.owns(field)), None)

    def show_field(self, field: str) -> None:
        tab = self.tab_for(field)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            tab.focus_field(field)

    def _severity_icon(self, problems: Sequence[Problem]) -> QIcon:
        style = self.style()
        if any(p.severity == "error" for p in problems):
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        if problems:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = QPixmap(self.tabs.iconSize())  # no icon would make the tab bar lower: the form
        blank.fill(Qt.GlobalColor.transparent)  # below it would jump when a problem appears
        return QIcon(blank)

    def _update_buttons(self) -> None:
        shown_errors = any(p.severity == "error" for p in self.shown_problems)
        self.apply_button.setEnabled(not self._busy and not self._xml_error and not shown_errors)
        for tab in self.form_tabs:
            tab.setEnabled(not self._xml_error and not self._busy)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is not self.xml_tab:
            self.xml_tab.flush()

    def _xml_edited(self, text: str) -> None:
        try:
            document = self._document_type.from_xml(text)
        except (XmlSyntaxError, ValueError) as exc:
            self._xml_error = str(exc)
            self.xml_tab.set_status(self.tr("The XML does not parse, so the form cannot follow "
                                            "it: %s") % exc, error=True)
            self.revalidate()
            return
        self._xml_error = ""
        self.xml_tab.set_status("")
        self.document = document
        for tab in self.form_tabs:
            tab.load(document)
        self.revalidate()

    def reject(self) -> None:
        if self._busy:  # libvirt is applying the change: its answer must find the editor
            return
        super().reject()

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c0392b;" if error else "")
        self.status.setVisible(bool(text))

    # ---- applying ---------------------------------------------------------------------------

    def apply(self) -> None:
        self.xml_tab.flush()
        if self._xml_error:
            self.set_status(self.tr("Fix the XML first: %s") % self._xml_error, error=True)
            return
        if not self._show_all:
            self._show_all = True
            self.revalidate()
        if self.errors():
            self.set_status(self.tr("Fix the problems marked as errors first."), error=True)
            return
        diff = change_diff(self.original, self.document.to_xml(), old_label=self.tr("current"),
                           new_label=self.tr("new"))
        extra = self.extra_changes()
        if not diff and not extra:
            self.set_status(self.tr("Nothing to apply: the definition is unchanged."))
            return
        intro = (self.tr("This definition will be created:") if self.original is None
                 else self.tr("These changes will be applied:"))
        dialog = DiffDialog(self.tr("Review changes"), intro, diff,
                            accept_text=self.apply_button.text(), extra=extra,
                            warnings=[translate_problem(p) for p in self.warnings()],
                            parent=self)
        dialog.accepted.connect(self._run)
        dialog.open()

    def _run(self) -> None:
        self._busy = True
        self._update_buttons()
        self.set_status(self.tr("Applying…"))
        self.conn.run(self.make_job(), while_alive(self, self._applied),
                      while_alive(self, self._failed))

    def _applied(self, result: Any) -> None:
        self._busy = False
        self.set_status("")
        self.on_applied(result)
        self.applied.emit(result)
        warning = getattr(result, "warning", "")
        if warning:  # defined, but a follow-up step (start) failed: say so after closing
            show_warning(self.parentWidget(), self.windowTitle(),
                         self.tr("The definition was saved, but:\n%s") % warning)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, DefineConflict):
            self.set_status(self.tr("Not applied: the definition was changed by another "
                                    "client."), error=True)
            self._show_conflict(exc.current_xml)
            return
        self.set_status(self.tr("libvirt refused the change; nothing was changed:\n%s")
                        % error_text(exc), error=True)

    def _show_conflict(self, current_xml: str) -> None:
        diff = change_diff(self.original, current_xml, old_label=self.tr("when the editor opened"),
                           new_label=self.tr("now"))
        dialog = DiffDialog(
            self.tr("Changed by another client"),
            self.tr("Someone else changed this definition after the editor opened it, so "
                    "nothing was applied. Their change is shown below. Reload discards your "
                    "edits and loads the current definition."),
            diff, accept_text=self.tr("Reload"), cancel_text=self.tr("Keep my edits"),
            parent=self)
        dialog.accepted.connect(lambda: self.reload_from(current_xml))
        dialog.open()

    def reload_from(self, xml: str) -> None:
        """Start over from ``xml`` as the current definition (the user's edits are dropped)."""
        self.original = xml
        self.document = self._document_type.from_xml(xml)
        self._xml_error = ""
        self.xml_tab.set_status("")
        self.reload_forms()
        self.set_status(self.tr("Reloaded the current definition."))
