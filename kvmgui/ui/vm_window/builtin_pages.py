"""The pages every VM window has: Console, Details, Performance (see pages.py)."""

from PySide6.QtWidgets import QWidget

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.console.vnc_view import VncView
from kvmgui.ui.i18n import TranslationContext
from kvmgui.ui.vm_window.console_page import ConsolePage
from kvmgui.ui.vm_window.details_page import DetailsPage
from kvmgui.ui.vm_window.pages import PageContext, PageSpec, register_page
from kvmgui.ui.vm_window.serial_view import SerialView

CONSOLE, DETAILS, PERFORMANCE = "console", "details", "performance"
HARDWARE = "hardware"
SNAPSHOTS = "snapshots"
PINNING = "pinning"


class VmPages(TranslationContext):
    """Translation context of the page titles."""


def _console(context: PageContext, parent: QWidget) -> ConsolePage:
    return ConsolePage(context.connection, VncView(), SerialView(context.settings),
                       context.actions[DomainAction.START], context.actions[DomainAction.RESUME],
                       parent)


def _details(context: PageContext, parent: QWidget) -> DetailsPage:
    return DetailsPage(context.model, context.connection, context.uuid, parent)


def _performance(context: PageContext, parent: QWidget) -> QWidget:
    from kvmgui.ui.vm_window.performance_tab import PerformanceTab  # charts: on first show

    return PerformanceTab(context, parent)


def _snapshots(context: PageContext, parent: QWidget) -> QWidget:
    from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage

    return SnapshotsPage(context.connection, context.uuid, parent)


def _hardware(context: PageContext, parent: QWidget) -> QWidget:
    from kvmgui.ui.vm_window.hardware_page import HardwarePage

    return HardwarePage(context, parent)


def _pinning(context: PageContext, parent: QWidget) -> QWidget:
    from kvmgui.ui.vm_window.pinning_page import PinningPage

    return PinningPage(context, parent)


register_page(PageSpec(CONSOLE, lambda: VmPages.tr("Console"), _console))
register_page(PageSpec(DETAILS, lambda: VmPages.tr("Details"), _details))
register_page(PageSpec(PERFORMANCE, lambda: VmPages.tr("Performance"), _performance))
register_page(PageSpec(SNAPSHOTS, lambda: VmPages.tr("Snapshots"), _snapshots))
register_page(PageSpec(HARDWARE, lambda: VmPages.tr("Hardware"), _hardware))
register_page(PageSpec(PINNING, lambda: VmPages.tr("Pinning"), _pinning))
