"""Open a domain's console in an external viewer (virt-viewer, remote-viewer or the user's
own command, as the Preferences choose), or tell the user how to reach the display. The
built-in consoles are the VM window's (kvmgui.ui.vm_window)."""

import shutil

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import QWidget

from kvmgui.core import log
from kvmgui.logic.console_choice import (
    ConsolePlan, ConsoleProgram, PlanKind, console_info, console_plan,
)
from kvmgui.ui.i18n import TranslationContext
from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.preferences import PreferenceValues
from kvmgui.core.snapshots import DomainInfo


class Console(TranslationContext):
    """Translation context of the console messages."""


def installed(program: str) -> bool:
    return shutil.which(program) is not None


def open_external_viewer(window: QWidget, item: Selected,
                         preferences: PreferenceValues) -> None:
    """Start the viewer `preferences` choose (virt-viewer/remote-viewer/custom) for the
    domain, or show its address or serial command."""
    dom: DomainInfo = item.snapshot
    plan = console_plan(item.uri, dom.name, dom.uuid, dom.active, console_info(dom.xml), installed,
                        preferences.console_program, preferences.console_command)
    if plan.kind is PlanKind.LAUNCH:
        started, _pid = QProcess.startDetached(plan.command[0], list(plan.command[1:]))
        if started:
            log.ui.info("console: %s", plan.command_line)
            return
        _show(window, Console.tr("Console"), Console.tr("Could not start %s.") % plan.command[0],
              plan.command_line)
        return
    title, text, copyable = _explain(dom.name, plan, preferences.console_program)
    _show(window, title, text, copyable)


def _explain(name: str, plan: ConsolePlan,
             program: ConsoleProgram = ConsoleProgram.AUTO) -> tuple[str, str, str]:
    title = Console.tr("Console of %s") % name
    if plan.kind is PlanKind.SERIAL:
        return title, Console.tr("This domain has no graphical display. Reach its serial "
                                 "console from a terminal with:"), plan.command_line
    if plan.kind is PlanKind.NONE:
        return title, Console.tr("This domain has neither a graphical display nor a serial "
                                 "console."), ""
    if plan.kind is PlanKind.NAME_AS_OPTION:
        return title, Console.tr("The domain's name starts with “-”, so the custom console "
                                 "command would read it as an option; it was not started. Put "
                                 "-- before {name} in the command (Preferences) if the program "
                                 "accepts it."), ""
    if plan.kind is PlanKind.NOT_RUNNING:
        return title, Console.tr("The display's address is known once the domain runs. Start "
                                 "it, or install virt-viewer, which waits for the domain."), ""
    automatic = program in (ConsoleProgram.AUTO, ConsoleProgram.VIRT_VIEWER)
    if plan.tunnel and automatic:
        return title, Console.tr("The display listens only on the host itself. Open a tunnel, "
                                 "then point a VNC/SPICE viewer at the address below "
                                 "(virt-viewer is not installed):"), \
            f"{plan.tunnel}\n{plan.address}"
    if plan.tunnel:
        return title, Console.tr("The display listens only on the host itself. Open a tunnel, "
                                 "then point a VNC/SPICE viewer at the address below:"), \
            f"{plan.tunnel}\n{plan.address}"
    if automatic:
        return title, Console.tr("virt-viewer is not installed. Point a VNC/SPICE viewer at:"), \
            plan.address
    return title, Console.tr("%s is not installed. Point a VNC/SPICE viewer at:") % program.value, \
        plan.address


def _show(window: QWidget, title: str, text: str, copyable: str) -> None:
    from kvmgui.ui.dialogs.message_dialog import MessageDialog  # on first use: start-up

    dialog = MessageDialog(title, text, copyable, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
