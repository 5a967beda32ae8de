"""The QGraphicsView of the topology: drag to pan, wheel to zoom around the pointer, fit.

`fit_width` fills the view's width (the height scrolls) and keeps doing so when the view is
resized, until the user zooms; `fit` shows the whole picture.

A click (a press and release without dragging) on a node emits `nodeClicked`; on empty space
`backgroundClicked`. Panning is the view's hand drag, so items need no mouse handling.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from kvmgui.ui.topology.scene import TopologyScene

MIN_SCALE = 0.1
MAX_SCALE = 4.0
WHEEL_STEP = 1.15  # zoom factor per wheel notch (120 units of angle delta)
BUTTON_STEP = 1.25


class TopologyView(QGraphicsView):
    """Signals:
        nodeClicked(str): the id of the node clicked.
        backgroundClicked(): a click beside every node.
        zoomChanged(float): the new scale (1.0: one scene unit per pixel).
    """

    nodeClicked = Signal(str)
    backgroundClicked = Signal()
    zoomChanged = Signal(float)

    def __init__(self, scene: TopologyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Left, not centred: Qt centres a picture as wide as the view without counting the
        # vertical scroll bar, which pushes its right edge out of sight.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAccessibleName(self.tr("Network topology"))
        self._press: QPoint | None = None
        self._follow_width = False  # fit_width again when resized (until the user zooms)
        self._fitting = False  # a scroll bar shown by fitting resizes the viewport: no loop

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, scale: float, anchor: QPointF | None = None) -> None:
        """Zoom to `scale` (clamped), keeping `anchor` (a scene point) under its pixel."""
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        self._follow_width = False
        if abs(scale - self.zoom) < 1e-6:
            return
        before = self.mapFromScene(anchor) if anchor is not None else None
        old_anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.resetTransform()
        self.scale(scale, scale)
        if anchor is not None and before is not None:
            delta = self.mapFromScene(anchor) - before
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())
        self.setTransformationAnchor(old_anchor)
        self.zoomChanged.emit(self.zoom)

    def zoom_by(self, factor: float) -> None:
        center = self.mapToScene(self.viewport().rect().center())
        self.set_zoom(self.zoom * factor, center)

    def fit_scale(self, rect: QRectF | None = None) -> float:
        """The scale at which `rect` (default: the whole scene) fills the viewport."""
        rect = rect if rect is not None else self.sceneRect()
        viewport = self.viewport().rect().adjusted(4, 4, -4, -4)
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    def width_scale(self) -> float:
        """The scale at which the picture's width fills the viewport (less the vertical scroll
        bar that its height will need)."""
        rect = self.sceneRect()
        viewport = self.viewport().rect().adjusted(4, 4, -4, -4)
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        scale = viewport.width() / rect.width()
        bar = self.verticalScrollBar()
        if not bar.isVisible() and rect.height() * scale > viewport.height():
            scale = (viewport.width() - bar.sizeHint().width()) / rect.width()
        return scale

    def fit_width(self, focus: QRectF | None = None) -> None:
        """Fill the width with the picture (never beyond 100 %); scroll to `focus`, if given,
        else to the top. The view keeps fitting its width when resized, until the user zooms."""
        self.set_zoom(min(self.width_scale(), 1.0))
        middle = self.sceneRect().center().x()
        if focus is not None:
            self.centerOn(QPointF(middle, focus.center().y()))
        else:
            self.centerOn(QPointF(middle, self.sceneRect().top()))
        self._follow_width = True

    def fit(self) -> None:
        """Show the whole picture; never magnify beyond 100 %, where it is sharpest."""
        self.set_zoom(min(self.fit_scale(), 1.0))
        self.centerOn(self.sceneRect().center())

    def show_readable(self, scale_floor: float, focus: QRectF | None) -> None:
        """Fit the width, but not below `scale_floor` (text gets too small): then show `focus`
        (or the picture's middle) at the floor and let the user pan to the rest."""
        if min(self.width_scale(), 1.0) >= scale_floor:
            self.fit_width(focus)
            return
        self.set_zoom(scale_floor)
        self.centerOn(focus.center() if focus is not None else self.sceneRect().center())

    def reveal(self, rect: QRectF) -> None:
        """Scroll so `rect` (scene units) is in view, or its middle when it is too large."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() <= visible.width() - 60 and rect.height() <= visible.height() - 60:
            self.ensureVisible(rect, 30, 30)
        else:
            self.centerOn(rect.center())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._follow_width and not self._fitting:
            center = self.mapToScene(self.viewport().rect().center())
            self._fitting = True
            try:
                self.fit_width(QRectF(center, center))
            finally:
                self._fitting = False

    # ---- input ------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps == 0 or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # horizontal wheels and Shift+wheel scroll
            return
        self.set_zoom(self.zoom * WHEEL_STEP ** steps, self.mapToScene(event.position().toPoint()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(BUTTON_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / BUTTON_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        super().mouseReleaseEvent(event)
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position().toPoint()
        if (position - press).manhattanLength() >= QApplication.startDragDistance():
            return  # that was a pan
        scene = self.scene()
        node_id = None
        for item in self.items(position):
            node_id = scene.node_at(item) if isinstance(scene, TopologyScene) else None
            if node_id is not None:
                break
        if node_id is not None:
            self.nodeClicked.emit(node_id)
        else:
            self.backgroundClicked.emit()
