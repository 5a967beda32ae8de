"""The VM window's pages, as a registry: Console, Details, Performance, and room for more
(Snapshots, Hardware) without touching the window.

    register_page(PageSpec("snapshots", lambda: tr("Snapshots"), SnapshotsPage))

A page is a QWidget with `set_domain(DomainInfo)` (each new snapshot of the domain) and
`close_page()` (the window closes: let go of workers and samplers). Pages other than the first
are built the first time their tab is shown.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.virt.connection import Connection

if TYPE_CHECKING:
    from kvmgui.virt.sampler import SamplerLookup  # numpy: not before a chart is shown


class VmPage(Protocol):
    def set_domain(self, domain: DomainInfo) -> None: ...

    def close_page(self) -> None: ...


@dataclass(frozen=True)
class PageContext:
    """What a page may use: the domain's row and connection, its actions, the samplers, the
    application's settings (None: remember nothing, as in a screenshot run)."""

    model: InventoryModel
    connection: Connection
    uuid: str
    actions: dict[DomainAction, QAction]
    samplers: "SamplerLookup"
    set_interval: Callable[[float], None]  # the user picked another sampling interval
    settings: QSettings | None


@dataclass(frozen=True)
class PageSpec:
    name: str  # stable, for the settings and --tab (titles are translated)
    title: Callable[[], str]
    build: Callable[[PageContext, QWidget], QWidget]  # returns a VmPage


PAGES: list[PageSpec] = []


def register_page(spec: PageSpec, before: str | None = None) -> None:
    """Add a page to every VM window opened from now on (at the end, or before `before`)."""
    names = [p.name for p in PAGES]
    if spec.name in names:
        raise ValueError(f"a VM window page named {spec.name} exists")
    PAGES.insert(names.index(before) if before in names else len(PAGES), spec)


class LazyPage(QWidget):
    """Holds a page's tab; builds the page when the tab is first shown (or `build()`)."""

    def __init__(self, spec: PageSpec, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(spec.name)
        self._context = context
        self._domain: DomainInfo | None = None
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.page is None:
            self.page = self.spec.build(self._context, self)
            self._layout.addWidget(self.page)
            if self._domain is not None:
                self._vm_page().set_domain(self._domain)
        return self.page

    def set_domain(self, domain: DomainInfo) -> None:
        self._domain = domain
        if self.page is not None:
            self._vm_page().set_domain(domain)

    def close_page(self) -> None:
        if self.page is not None:
            self._vm_page().close_page()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build()

    def _vm_page(self) -> VmPage:
        page = self.page
        assert page is not None and hasattr(page, "set_domain")
        return page  # type: ignore[return-value]

