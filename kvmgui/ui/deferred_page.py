"""A details tab whose page is built the first time it is needed, not at start-up.

Heavy pages (charts, the topology picture) cost imports and widgets that many sessions never
show. `DeferredPage` adds a light stand-in to the details pane under the page's title; the real
page is built when the stand-in is first shown (its tab brought forward) or when code asks for
`page`, and then takes the stand-in's place in the tab.

    deferred = DeferredPage(window.details, lambda: TopologyPage(...), title,
                            {NodeKind.CONNECTION}, "topology")
    deferred.built      # None until then
    deferred.page       # builds it now if need be
"""

from collections.abc import Callable, Collection
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from kvmgui.ui.details.details_pane import DetailsPane
from kvmgui.ui.roles import NodeKind

P = TypeVar("P", bound=QWidget)


class _StandIn(QWidget):
    """Holds the tab's place: it applies to the page's kinds and asks for the page when shown."""

    def __init__(self, kinds: Collection[NodeKind], wanted: Callable[[], None]) -> None:
        super().__init__()
        self._kinds = frozenset(kinds)
        self._wanted = wanted

    def applies_to(self, kind: NodeKind) -> bool:
        return kind in self._kinds

    def show_index(self, source_index: QModelIndex) -> None:
        """Nothing to show yet: the details pane gives the real page the current row later."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Not inside the show event itself: replacing the tab reshuffles the tab widget.
        QTimer.singleShot(0, self._wanted)


class DeferredPage(Generic[P]):
    """One details tab built on first use (see the module docstring).

    `build()` makes the page; `name` is its object name (what --tab looks for), set on the
    stand-in at once and on the page when it is built. `on_built(page)` callbacks run once."""

    def __init__(self, details: DetailsPane, build: Callable[[], P], title: str,
                 kinds: Collection[NodeKind], name: str) -> None:
        self._details = details
        self._build = build
        self._name = name
        self._page: P | None = None
        self._on_built: list[Callable[[P], None]] = []
        self._stand_in: _StandIn | None = _StandIn(kinds, self._build_if_shown)
        self._stand_in.setObjectName(name)
        details.add_page(self._stand_in, title)

    @property
    def built(self) -> P | None:
        """The page if it has been built, else None (nothing is built by asking this)."""
        return self._page

    @property
    def page(self) -> P:
        """The page, built now if it has not been yet."""
        return self._ensure()

    def _ensure(self) -> P:
        if self._page is None:
            page = self._build()
            page.setObjectName(self._name)
            self._page = page
            stand_in, self._stand_in = self._stand_in, None
            assert stand_in is not None
            self._details.replace_page(stand_in, page)  # type: ignore[arg-type]
            stand_in.deleteLater()
            for callback in self._on_built:
                callback(page)
            self._on_built.clear()
        return self._page

    def when_built(self, callback: Callable[[P], None]) -> None:
        """Call `callback(page)` once the page exists (at once if it already does)."""
        if self._page is not None:
            callback(self._page)
        else:
            self._on_built.append(callback)

    def _build_if_shown(self) -> None:
        stand_in = self._stand_in
        if stand_in is not None and stand_in.isVisible():
            self._ensure()
