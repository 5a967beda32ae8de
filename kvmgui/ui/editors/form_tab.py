"""Base of the form tabs: load a document into widgets, write the user's edits back into it."""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kvmgui.ui.i18n import translate_template
from kvmgui.ui.plain_text import plain_label, plain_tooltip
from kvmgui.xml import Problem


def translate_problem(problem: Problem) -> str:
    """``problem.message`` in the user's language (the pure layer gives an English template)."""
    if not problem.template:
        return problem.message
    return translate_template(problem.template, problem.args)


def field_matches(field: str, prefix: str) -> bool:
    """``disk[0].target`` belongs to ``disk``; ``memory`` does not own ``memory_x``."""
    return field == prefix or field.startswith((prefix + ".", prefix + "["))


class FormTab(QWidget):
    """One tab of an editor's form.

    Subclasses fill their widgets in ``fill(document)`` and write edits with
    ``self.write(lambda: ...)``, which does nothing while loading and emits ``changed``
    after the document was changed.  ``FIELDS`` are the ``Problem.field`` prefixes whose
    problems this tab shows; ``field_widgets`` maps a prefix to the widget to focus.

    Signals:
        changed(): the user edited a field; the document already holds the new value.
    """

    changed = Signal()
    FIELDS: Sequence[str] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.field_widgets: dict[str, QWidget] = {}

    # ---- for the editor -------------------------------------------------------------------

    def load(self, document: Any) -> None:
        with self.loading():
            self.fill(document)

    def owns(self, field: str) -> bool:
        return any(field_matches(field, prefix) for prefix in self.FIELDS)

    def focus_field(self, field: str) -> None:
        matches = [p for p in self.field_widgets if field_matches(field, p)]
        if matches:
            self.field_widgets[max(matches, key=len)].setFocus()

    def field_label(self, field: str) -> str:
        """The form label of the widget showing ``field`` ("" when it has none)."""
        matches = [p for p in self.field_widgets if field_matches(field, p)]
        if not matches:
            return ""
        widget = self.field_widgets[max(matches, key=len)]
        for form in self.findChildren(QFormLayout):
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                return label.text().replace("&", "").rstrip(":")
        return ""

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """The problems this tab owns, for tabs that show them next to a field."""

    # ---- for subclasses -------------------------------------------------------------------

    def fill(self, document: Any) -> None:
        raise NotImplementedError

    @contextmanager
    def loading(self) -> Iterator[None]:
        previous, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = previous

    @property
    def is_loading(self) -> bool:
        return self._loading

    def write(self, apply: Callable[[], object]) -> None:
        if self._loading:
            return
        apply()
        self.changed.emit()


def note_label(parent: QWidget, text: str = "") -> QLabel:
    """A wrapped, selectable note under a group of fields (plain text: notes quote names)."""
    label = plain_label(text, parent)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


def keep_place(widget: QWidget) -> None:
    """Hidden, ``widget`` keeps its room in the layout: showing it moves nothing else."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


class _FixedNote(QLabel):
    """A wrapped label of fixed height: a layout must not ask it for a height per width, or
    a new text would share the space out anew between the widgets around it."""

    def hasHeightForWidth(self) -> bool:
        return False


def warning_label(parent: QWidget, lines: int = 2) -> QLabel:
    """A wrapped warning of ``lines`` lines at most, hidden while empty (see ``show_warning``).
    Its height is fixed, shown or not, so the fields around it stay where they are; the
    problems panel and the tooltip have the whole text."""
    label = _FixedNote(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # warnings quote names from the host
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setStyleSheet("color: #b35c00;")
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 2)
    keep_place(label)
    label.hide()
    return label


def show_warning(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setToolTip(plain_tooltip(text))
    label.setVisible(bool(text))


def set_combo_data(combo: QComboBox, value: object, *, add_text: str | None = None) -> None:
    """Select the item whose data is ``value``; an editable combo takes it as text."""
    index = combo.findData(value)
    if index < 0 and add_text is not None:
        combo.addItem(add_text, value)
        index = combo.count() - 1
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText("" if value is None else str(value))


def set_placeholder(combo: QComboBox, text: str) -> None:
    """Placeholder text of an editable combo box."""
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def top_form(widget: QWidget) -> QFormLayout:
    """A form layout at the top of ``widget`` with the free space below it (not between rows)."""
    outer = QVBoxLayout(widget)
    form = QFormLayout()
    outer.addLayout(form)
    outer.addStretch(1)
    return form


def list_with_details(tab: QWidget, table: QWidget, add: QWidget, remove: QWidget,
                      details: QWidget) -> None:
    """The layout of the device-list tabs: the list, an Add/Remove row, the selected item's form."""
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    layout = QVBoxLayout(tab)
    layout.addWidget(table, 1)
    layout.addLayout(buttons)
    layout.addWidget(details)
