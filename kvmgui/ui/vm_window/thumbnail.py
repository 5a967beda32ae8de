"""A small live picture of a running domain's screen, for the summaries.

It asks for a screenshot (kvmgui.virt.screenshot, on the connection's worker) when it is
shown and then every few seconds, but only while it is visible: a summary in a hidden tab or
a closed window costs nothing. Nothing shows for a domain that is not running.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QMouseEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kvmgui.core import log
from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.plain_text import plain_tooltip
from kvmgui.ui.screenshot_request import ScreenshotRequest
from kvmgui.ui.vm_window.rules import is_running
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text

if TYPE_CHECKING:
    from kvmgui.virt.screenshot import Screenshot

REFRESH_MS = 4000
THUMBNAIL_SIZE = QSize(240, 180)


class ScreenThumbnail(QWidget):
    """See the module docstring. Takes no room while it has no picture.

    Signals:
        pictureChanged(): a new picture is on show (or it was cleared).
        clicked(): the user clicked the picture (the VM window is one click away).
    """

    pictureChanged = Signal()
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self._connection: Connection | None = None
        self._domain: DomainInfo | None = None
        self._shots = ScreenshotRequest(self)
        self._shots.arrived.connect(self._arrived)
        self._shots.failed.connect(self._failed)
        self.picture = QLabel(self)
        self.picture.setFrameShape(QFrame.Shape.Box)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.picture.setCursor(Qt.CursorShape.PointingHandCursor)
        self.picture.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignLeft)
        self._timer = QTimer(self, singleShot=True, interval=refresh_ms)
        self._timer.timeout.connect(self._request)

    @property
    def has_picture(self) -> bool:
        return self.picture.isVisibleTo(self)

    @property
    def polling(self) -> bool:
        """Whether a screenshot is asked for or due (never while hidden or not running)."""
        return self._shots.in_flight or self._timer.isActive()

    def pixmap(self) -> QPixmap:
        return self.picture.pixmap()

    def set_domain(self, connection: Connection | None, domain: DomainInfo | None) -> None:
        """Follow `domain` (None: show nothing); call again with each new snapshot."""
        same = (domain is not None and self._domain is not None
                and domain.uuid == self._domain.uuid and connection is self._connection)
        self._connection, self._domain = connection, domain
        if not self._wanted():
            self._stop(clear=True)
        elif not same:
            self._stop(clear=True)
            self._request()
        elif not self._shots.in_flight and not self._timer.isActive():
            self._request()  # it has just started running again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._wanted() and not self._shots.in_flight:
            self._request()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stop(clear=False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.has_picture:
            self.clicked.emit()
        super().mousePressEvent(event)

    # ---- internals ---------------------------------------------------------------------------

    def _wanted(self) -> bool:
        return (self._connection is not None and self._domain is not None
                and is_running(self._domain.state))

    def _stop(self, clear: bool) -> None:
        self._shots.cancel()
        self._timer.stop()
        if clear and self.picture.isVisibleTo(self):
            self.picture.clear()
            self.picture.hide()
            self.pictureChanged.emit()

    def _request(self) -> None:
        if not self._wanted() or not self.isVisible() or self._shots.in_flight:
            return
        assert self._connection is not None and self._domain is not None
        self._shots.ask(self._connection, self._domain.uuid)

    def _arrived(self, shot: "Screenshot") -> None:
        image = QImage.fromData(shot.data)
        if not image.isNull() and self._domain is not None:
            small = image.scaled(THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
            self.picture.setPixmap(QPixmap.fromImage(small))
            self.picture.setToolTip(plain_tooltip(
                self.tr("The screen of %s a few seconds ago. Click to open its window.")
                % self._domain.name))
            self.picture.show()
            self.pictureChanged.emit()
        self._timer.start()

    def _failed(self, exc: Exception) -> None:
        log.ui.info("no screenshot: %s", error_text(exc))
        self._timer.start()  # the guest may be booting: try again later
