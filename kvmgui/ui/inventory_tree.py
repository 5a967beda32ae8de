"""The main window's tree view, which also says when it has painted its rows.

`viewportPainted` is emitted after each paint of the viewport (the area that holds the rows).
The first-paint log listens to it instead of filtering the viewport's events: asking Qt for the
viewport widget hands PySide6 an object of a private Qt class, and to find its Python type PySide6
builds every QtWidgets type there is (about 12 ms), which would land before the first paint.
"""

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTreeView


class InventoryTree(QTreeView):
    """A QTreeView that emits `viewportPainted()` once each viewport paint is done."""

    viewportPainted = Signal()

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Paint:
            self.viewportPainted.emit()
        return handled
