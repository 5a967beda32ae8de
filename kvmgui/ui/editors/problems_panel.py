"""The list of problems under an editor's form: errors block Apply, warnings are asked about.

It keeps its place and height whether or not there are problems."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from kvmgui.ui.editors.form_tab import translate_problem
from kvmgui.xml import Problem

_VISIBLE_ROWS = 3


class ProblemsPanel(QListWidget):
    """One row per problem: "<where>: <message>", with an error or warning icon.

    Signals:
        problemActivated(str): the user clicked a problem; the argument is its field name.
    """

    problemActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Problems"))
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        # Always there at one height: a list that appears or grows would push the form around
        # under the user's pointer (the next click would land on another row).
        row_height = max(self.fontMetrics().lineSpacing(), self.iconSize().height(), 16) + 6
        self.setFixedHeight(row_height * _VISIBLE_ROWS + 2 * self.frameWidth() + 4)

    def set_problems(self, problems: Sequence[Problem], where: Callable[[str], str]) -> None:
        self.clear()
        style = self.style()
        ordered = sorted(problems, key=lambda p: p.severity != "error")
        for problem in ordered:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical
                                      if problem.severity == "error"
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            item = QListWidgetItem(icon, f"{where(problem.field)}: {translate_problem(problem)}")
            item.setData(Qt.ItemDataRole.UserRole, problem.field)
            item.setToolTip(problem.field)
            self.addItem(item)

    def messages(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        self.problemActivated.emit(str(item.data(Qt.ItemDataRole.UserRole)))
