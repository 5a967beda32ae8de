"""A card drawn over the console: what is going on, and the buttons that help.

The console page fills it (heading, detail, actions) from the overlay rules; the buttons are
tool buttons bound to QActions, so they follow their actions' enabled state and run the same
code as the toolbar (the Start button is the domain's Start action).
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from kvmgui.ui.plain_text import plain_label

_BACKDROP_ALPHA = {True: 215, False: 110}  # opaque enough to read; lighter over a frozen guest


class ConsoleOverlay(QWidget):
    """Covers its parent's console area while shown (`show_card`), hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opaque = True
        self.card = QFrame(self)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAutoFillBackground(True)
        self.card.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.card.setMaximumWidth(520)
        self.heading = plain_label("", self.card)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = plain_label("", self.card)  # quotes libvirt's messages: plain text
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons_row = QHBoxLayout()
        self._buttons_row.addStretch(1)
        self._buttons_row.addStretch(1)
        self.buttons: list[QToolButton] = []
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(24, 18, 24, 18)
        card_layout.setSpacing(10)
        card_layout.addWidget(self.heading)
        card_layout.addWidget(self.detail)
        card_layout.addLayout(self._buttons_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_card(self, heading: str, detail: str, actions: Sequence[QAction],
                  opaque: bool = True) -> None:
        """Show `heading`, `detail` and a button per action; `opaque` False lets the guest's
        last picture show through (a paused guest)."""
        self.heading.setText(heading)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._set_actions(actions)
        self._opaque = opaque
        self.show()
        self.raise_()
        self.update()

    def _set_actions(self, actions: Sequence[QAction]) -> None:
        current = [b.defaultAction() for b in self.buttons]
        if current == list(actions):
            return
        for button in self.buttons:
            self._buttons_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for position, action in enumerate(actions):
            button = QToolButton(self.card)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(False)
            button.setAccessibleName(action.iconText())
            self._buttons_row.insertWidget(1 + position, button)
            self.buttons.append(button)

    def paintEvent(self, event: QPaintEvent) -> None:
        backdrop = QColor(self.palette().window().color())
        backdrop.setAlpha(_BACKDROP_ALPHA[self._opaque])
        painter = QPainter(self)
        painter.fillRect(event.rect(), backdrop)
