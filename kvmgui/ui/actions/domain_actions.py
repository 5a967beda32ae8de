"""Domain actions: start, shut down, reboot, force off, pause, resume, managed save, autostart,
delete (with storage), clone and the consoles, on one or many selected domains."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction

from kvmgui.logic.action_rules import (
    ONE_DOMAIN, DomainAction, disk_choices, domain_can, domain_ready,
)
from kvmgui.ui.actions import console
from kvmgui.ui.icons import action_icon
from kvmgui.ui.actions.base import ObjectActions, Spec
from kvmgui.ui.actions.runner import Task
from kvmgui.ui.actions.selection import Selected, pools_of
from kvmgui.ui.roles import NodeKind
from kvmgui.virt import actions as jobs
from kvmgui.virt.connection import ObjectKind
from kvmgui.core.snapshots import DomainInfo, VolumeInfo

A = DomainAction


class DomainActions(ObjectActions):
    """QActions in `actions` (keyed by DomainAction); each acts on the selected domains.

    Signals:
        consoleRequested(Selected): "Open console" for this domain; the VM windows show it
            (kvmgui.ui.vm_window.install).
    """

    consoleRequested = Signal(object)
    kind = NodeKind.DOMAIN

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.add(A.CONSOLE, self.tr("Open &console"), self.open_console, "Ctrl+O",
                 action_icon("console"),
                 self.tr("Open the virtual machine's window on its console (graphical or "
                         "serial)"))
        self.add(A.EXTERNAL_VIEWER, self.tr("Open in e&xternal viewer"),
                 self.open_external_viewer, "", None,
                 self.tr("Start the console viewer chosen in the Preferences (or say how to "
                         "reach the display)"))
        simple = (  # key, text, shortcut, icon, tooltip
            (A.START, self.tr("&Start"), "Ctrl+Shift+S", "start",
             self.tr("Start (a saved domain resumes from its saved state)")),
            (A.SHUTDOWN, self.tr("Shut &down"), "Ctrl+Shift+D", "shutdown",
             self.tr("Ask the guest to shut down (ACPI)")),
            (A.REBOOT, self.tr("&Reboot"), "Ctrl+Shift+R", "reboot",
             self.tr("Ask the guest to reboot")),
            (A.FORCE_OFF, self.tr("&Force off"), "Ctrl+Shift+K", "force-off",
             self.tr("Stop at once, like pulling the power plug")),
            (A.PAUSE, self.tr("&Pause"), "Ctrl+Shift+P", "pause",
             self.tr("Freeze the guest's vCPUs (it keeps its memory)")),
            (A.RESUME, self.tr("R&esume"), "Ctrl+Shift+U", "resume",
             self.tr("Let a paused guest run again")),
            (A.SAVE, self.tr("Sa&ve"), "Ctrl+Shift+M", "save",
             self.tr("Managed save: write memory to disk and stop; Start restores it")),
            (A.DISCARD_SAVE, self.tr("Discard saved state"), "", "",
             self.tr("Delete the saved memory image; the next start boots afresh")),
            (A.AUTOSTART_ON, self.tr("Enable autostart"), "", "", self.tr("Start with the host")),
            (A.AUTOSTART_OFF, self.tr("Disable autostart"), "", "", ""),
        )
        for key, text, shortcut, icon, tip in simple:
            self.add(key, text, self.handler(self.run_domain_action, key), shortcut,
                     action_icon(icon) if icon else None, tip)
        self.add(A.CLONE, self.tr("Clo&ne…"), self.clone, "", None,
                 self.tr("Copy a shut-off or paused domain: its definition and the disks you "
                         "choose"))
        self.add(A.DELETE, self.tr("De&lete…"), self.delete, "", action_icon("delete"),
                 self.tr("Delete the domain, and the storage you choose"))

    def can(self, key: Any, item: Selected) -> bool:
        if key in ONE_DOMAIN and len(self.selected()) != 1:
            return False
        return domain_can(key, item.snapshot)

    def ready(self, key: Any, item: Selected) -> bool:
        """action_rules.domain_ready: the one rule for every domain action, also those that
        other features made and `govern` hands in."""
        if key in ONE_DOMAIN and len(self.selected()) != 1:
            return False
        conn = self.model.connection(item.uri)
        return conn is not None and domain_ready(key, item.snapshot, conn.state,
                                                 self.runner.is_running(item))

    def govern(self, key: DomainAction, action: QAction) -> None:
        """Enable `action` (made by another feature: the VM windows' Open, Take snapshot…) by
        the rule for `key`, with the selection, like the actions made here."""
        self.actions[key] = action
        action.setEnabled(any(self.ready(key, i) for i in self.selected()))

    # ---- simple actions ----------------------------------------------------------------------

    def run_domain_action(self, key: DomainAction) -> None:
        """Run `key` on the selected domains that can do it (asking first when needed)."""
        job, title, progress, question, detail = self._spec(key)
        # The row says "shutting down…" until the guest is really off.
        until: Callable[[DomainInfo], bool] | None = _is_off if key is A.SHUTDOWN else None
        self.run_simple(key, title, progress, lambda item: jobs.bind(job, item.snapshot.uuid),
                        "domain", question, detail, until)

    def _spec(self, key: DomainAction) -> Spec:
        specs: dict[DomainAction, Spec] = {
            A.START: Spec(jobs.domain_start, self.tr("Start"), self.tr("starting…"),
                      lambda n: self.tr("Start %n domain(s)?", "", n), ""),
            A.SHUTDOWN: Spec(jobs.domain_shutdown, self.tr("Shut down"), self.tr("shutting down…"),
                         lambda n: self.tr("Shut down %n domain(s)?", "", n),
                         self.tr("Each guest is asked to shut down; it may take a while or "
                                 "ignore it.")),
            A.REBOOT: Spec(jobs.domain_reboot, self.tr("Reboot"), self.tr("rebooting…"),
                       lambda n: self.tr("Reboot %n domain(s)?", "", n), ""),
            A.FORCE_OFF: Spec(jobs.domain_force_off, self.tr("Force off"), self.tr("forcing off…"),
                          lambda n: self.tr("Force off %n domain(s)?", "", n),
                          self.tr("Like pulling the power plug: data the guest has not written "
                                  "is lost.")),
            A.PAUSE: Spec(jobs.domain_pause, self.tr("Pause"), self.tr("pausing…"),
                      lambda n: self.tr("Pause %n domain(s)?", "", n), ""),
            A.RESUME: Spec(jobs.domain_resume, self.tr("Resume"), self.tr("resuming…"),
                       lambda n: self.tr("Resume %n domain(s)?", "", n), ""),
            A.SAVE: Spec(jobs.domain_save, self.tr("Save"), self.tr("saving…"),
                     lambda n: self.tr("Save %n domain(s) to disk and stop them?", "", n),
                     self.tr("Start restores each saved domain where it left off.")),
            A.DISCARD_SAVE: Spec(jobs.domain_discard_save, self.tr("Discard saved state"),
                                 self.tr("discarding…"),
                             lambda n: self.tr("Discard the saved state of %n domain(s)?", "", n),
                             self.tr("The saved memory is deleted: the next start boots afresh, as "
                                     "after a power cut.")),
            A.AUTOSTART_ON: Spec(lambda c, u: jobs.domain_set_autostart(c, u, True),
                             self.tr("Enable autostart"), self.tr("setting autostart…"),
                             lambda n: self.tr("Start %n domain(s) with the host?", "", n), ""),
            A.AUTOSTART_OFF: Spec(lambda c, u: jobs.domain_set_autostart(c, u, False),
                              self.tr("Disable autostart"), self.tr("setting autostart…"),
                              lambda n: self.tr("Stop starting %n domain(s) with the host?", "",
                                                n), ""),
        }
        return specs[key]

    # ---- consoles ----------------------------------------------------------------------------

    def open_console(self) -> None:
        items = [i for i in self.selected() if self.ready(A.CONSOLE, i)]
        if len(items) == 1:
            self.consoleRequested.emit(items[0])

    def open_external_viewer(self) -> None:
        items = [i for i in self.selected() if self.ready(A.EXTERNAL_VIEWER, i)]
        if len(items) == 1:
            console.open_external_viewer(self.window, items[0], self.preferences.values())

    # ---- clone -------------------------------------------------------------------------------

    def clone(self) -> None:
        """Ask how to clone the one selected domain, then clone it (clone_flow.py)."""
        items = [i for i in self.selected() if self.ready(A.CLONE, i)]
        if len(items) == 1:
            from kvmgui.ui.dialogs.clone_flow import CloneFlow  # its dialogs: not at start-up

            CloneFlow(self.window, self.model, self.runner, items[0]).start()

    # ---- delete ------------------------------------------------------------------------------

    def delete(self) -> None:
        """Ask which storage to delete with the selected domains, then delete them."""
        items = [i for i in self.selected() if self.ready(A.DELETE, i)]
        if not items:
            return
        choices = {}
        for uri in dict.fromkeys(i.uri for i in items):
            deleting = [i.snapshot for i in items if i.uri == uri]
            choices.update(disk_choices(deleting, self.model.domains(uri),
                                        pools_of(self.model, uri)))
        from kvmgui.ui.dialogs.delete_domains_dialog import DeleteDomainsDialog  # on first use

        dialog = DeleteDomainsDialog([i.snapshot for i in items], choices, self.window)
        self.open_dialog(dialog, lambda: self._delete_chosen(items, dialog.chosen_volumes()))

    def _delete_chosen(self, items: list[Selected], volumes: dict[str, list[VolumeInfo]]) -> None:
        tasks = []
        for item in items:
            dom: DomainInfo = item.snapshot
            chosen = volumes.get(dom.uuid, [])
            refresh: tuple[tuple[ObjectKind, str], ...] = (("domain", dom.uuid),) + tuple(
                ("pool", uuid) for uuid in dict.fromkeys(v.pool_uuid for v in chosen))
            tasks.append(Task(item, _delete_job(dom.uuid, [v.key for v in chosen]), refresh))
        self.runner.run(self.tr("Delete"), self.tr("deleting…"), tasks)


def _is_off(dom: DomainInfo) -> bool:
    return not dom.active


class VolumesNotDeleted(Exception):
    """The domain is gone but some of its chosen volumes could not be deleted."""


def _delete_job(uuid: str, keys: list[str]) -> jobs.Job:
    return lambda conn: _judge_delete(jobs.domain_delete(conn, uuid, keys), len(keys))


def _judge_delete(failures: list[jobs.VolumeFailure], chosen: int) -> str:
    """A note for the summary, or an error when some chosen volumes remain (runs on the worker)."""
    if failures:
        raise VolumesNotDeleted(QCoreApplication.translate(
            "DomainActions", "Domain deleted, but not these volumes: %s") % "; ".join(
            f"{f.name}: {f.message}" for f in failures))
    if not chosen:
        return ""
    return QCoreApplication.translate("DomainActions", "deleted with %n volume(s)", "", chosen)
