"""A console view that paints the guest's screen from a QImage, fitted or at 1:1.

The VNC view (kvmgui.ui.console.vnc_view) fills it from framebuffer updates, or libvirt
screenshots where it cannot reach the display, and adds input. The console page puts the view
in a scroll area: fitted, the view fills the area and paints the picture scaled with its
aspect kept; at 1:1 the view takes the guest's size and the area scrolls.
"""

from enum import Enum

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kvmgui.ui.vm_window.console_view import ConsoleView

_NO_PICTURE_SIZE = QSize(720, 400)  # VGA text mode, what a booting guest shows first


class ScaleMode(Enum):
    FIT = "fit"  # scaled to the window, aspect ratio kept (the default)
    ONE_TO_ONE = "1:1"  # one guest pixel per screen pixel, with scroll bars


class FramebufferView(ConsoleView):
    """Paints `image` (see the module docstring).

    Signals:
        guestSizeChanged(QSize): the guest's screen changed size (a mode switch, a resize).
        noteChanged(str): the line the page shows above the screen changed (see `note`).
    """

    guestSizeChanged = Signal(QSize)
    noteChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._mode = ScaleMode.FIT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the VNC view takes keys

    @property
    def image(self) -> QImage:
        return self._image

    def guest_size(self) -> QSize:
        return self._image.size() if not self._image.isNull() else QSize()

    def set_image(self, image: QImage, changed: QRect | None = None) -> None:
        """Show `image` (kept, not copied); `changed` limits the repaint to what changed."""
        resized = image.size() != self._image.size()
        self._image = image
        if resized:
            self.updateGeometry()
            self.guestSizeChanged.emit(image.size())
        if changed is None or resized:
            self.update()
        else:
            self.update(self._to_widget(changed))

    def set_scale_mode(self, mode: ScaleMode) -> None:
        self._mode = mode
        self.updateGeometry()
        self.update()

    @property
    def scale_mode(self) -> ScaleMode:
        return self._mode

    def note(self) -> str:
        """A line for above the screen: what the user can do ("Press Ctrl+Alt to release
        the keyboard"), or what the view cannot ("View only")."""
        return ""

    def screenshot(self) -> QImage:
        return self._image.copy() if not self._image.isNull() else super().screenshot()

    def picture_rect(self) -> QRect:
        """Where the picture is drawn in the widget (for mapping the pointer to the guest)."""
        if self._image.isNull():
            return QRect()
        if self._mode is ScaleMode.ONE_TO_ONE:
            return QRect(QPoint(0, 0), self._image.size())
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRect(QPoint((self.width() - size.width()) // 2,
                            (self.height() - size.height()) // 2), size)

    def sizeHint(self) -> QSize:
        return self.guest_size() if not self._image.isNull() else _NO_PICTURE_SIZE

    def minimumSizeHint(self) -> QSize:
        if self._mode is ScaleMode.ONE_TO_ONE and not self._image.isNull():
            return self._image.size()
        return QSize(64, 48)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.black)
        target = self.picture_rect()
        if target.isEmpty():
            return
        if target.size() != self._image.size():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)

    def _to_widget(self, rect: QRect) -> QRect:
        target = self.picture_rect()
        if target.isEmpty():
            return QRect()
        sx = target.width() / self._image.width()
        sy = target.height() / self._image.height()
        top_left = QPointF(target.x() + rect.x() * sx, target.y() + rect.y() * sy)
        return QRect(top_left.toPoint(), QSize(int(rect.width() * sx) + 2,
                                               int(rect.height() * sy) + 2))
