"""Storage pool actions (start, stop, refresh, autostart, build, delete, undefine) and volume
delete (refused while a running domain uses the volume)."""

from typing import Any

from kvmgui.logic.action_rules import (
    DESTRUCTIVE, PoolAction, PoolDeleteEffect, VolumeAction, pool_can, pool_delete_effect,
    running_users, volume_users,
)
from kvmgui.ui.actions.base import ObjectActions, Spec
from kvmgui.ui.actions.runner import Task
from kvmgui.ui.actions.selection import Selected, parent_pool
from kvmgui.ui.roles import NodeKind
from kvmgui.virt import actions as jobs
from kvmgui.core.snapshots import PoolInfo, VolumeInfo

P = PoolAction


class PoolActions(ObjectActions):
    """QActions in `actions` (keyed by PoolAction); each acts on the selected pools."""

    kind = NodeKind.POOL

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        for key, text in ((P.START, self.tr("&Start pool")), (P.STOP, self.tr("S&top pool")),
                          (P.REFRESH, self.tr("&Refresh pool")),
                          (P.AUTOSTART_ON, self.tr("Enable autostart")),
                          (P.AUTOSTART_OFF, self.tr("Disable autostart")),
                          (P.BUILD, self.tr("&Build pool")),
                          (P.DELETE, self.tr("&Delete pool storage…")),
                          (P.UNDEFINE, self.tr("&Undefine pool…"))):
            self.add(key, text, self.handler(self.run_pool_action, key))
        self.actions[P.BUILD].setToolTip(self.tr("Create the pool's underlying storage (directory, "
                                                 "volume group, …)"))
        delete_tip = self.tr("Remove the pool's underlying storage; an active pool is stopped "
                             "first")
        self.actions[P.DELETE].setToolTip(delete_tip)
        self.actions[P.DELETE].setStatusTip(delete_tip)

    def can(self, key: Any, item: Selected) -> bool:
        pool: PoolInfo = item.snapshot
        if key is P.DELETE and pool.active:
            # libvirt deletes only a stopped pool's storage: stopped first, in the same step (a
            # transient pool would vanish when stopped, so it cannot).
            return pool.persistent
        return pool_can(key, pool)

    def run_pool_action(self, key: PoolAction) -> None:
        job, title, progress, question, detail = self._spec(key)
        if key is P.DELETE:
            detail = self._delete_detail()

        def job_for(item: Selected) -> jobs.Job:
            active = key is P.DELETE and item.snapshot.active
            return jobs.bind(_stop_then_delete if active else job, item.snapshot.uuid)

        self.run_simple(key, title, progress, job_for, "pool", question, detail)

    def _spec(self, key: PoolAction) -> Spec:
        specs: dict[PoolAction, Spec] = {
            P.START: Spec(jobs.pool_start, self.tr("Start pool"), self.tr("starting…"),
                      lambda n: self.tr("Start %n pool(s)?", "", n), ""),
            P.STOP: Spec(jobs.pool_stop, self.tr("Stop pool"), self.tr("stopping…"),
                     lambda n: self.tr("Stop %n pool(s)?", "", n),
                     self.tr("Domains using their volumes lose access to them; the data stays.")),
            P.REFRESH: Spec(jobs.pool_refresh, self.tr("Refresh pool"), self.tr("refreshing…"),
                        lambda n: self.tr("Refresh %n pool(s)?", "", n), ""),
            P.AUTOSTART_ON: Spec(lambda c, u: jobs.pool_set_autostart(c, u, True),
                             self.tr("Enable autostart"), self.tr("setting autostart…"),
                             lambda n: self.tr("Start %n pool(s) with the host?", "", n), ""),
            P.AUTOSTART_OFF: Spec(lambda c, u: jobs.pool_set_autostart(c, u, False),
                              self.tr("Disable autostart"), self.tr("setting autostart…"),
                              lambda n: self.tr("Stop starting %n pool(s) with the host?", "",
                                                n), ""),
            P.BUILD: Spec(jobs.pool_build, self.tr("Build pool"), self.tr("building…"),
                      lambda n: self.tr("Build %n pool(s)?", "", n), ""),
            P.DELETE: Spec(jobs.pool_delete, self.tr("Delete pool storage"), self.tr("deleting…"),
                       lambda n: self.tr("Delete the storage of %n pool(s)?", "", n), ""),
            P.UNDEFINE: Spec(jobs.pool_undefine, self.tr("Undefine pool"), self.tr("undefining…"),
                         lambda n: self.tr("Undefine %n pool(s)?", "", n),
                         self.tr("libvirt forgets the pool (an active pool is stopped first); its "
                                 "volumes and data stay where they are.")),
        }
        return specs[key]

    def _delete_detail(self) -> str:
        """Say what deleting removes, per pool type among the selection."""
        effects = {
            PoolDeleteEffect.REMOVES_DIRECTORY: self.tr("%s: removes the pool's directory (libvirt "
                                                        "refuses while it holds files)."),
            PoolDeleteEffect.DESTROYS_VOLUME_GROUP: self.tr("%s: removes the LVM volume group; "
                                                            "every logical volume in it is lost."),
            PoolDeleteEffect.DESTROYS_ZFS_POOL: self.tr("%s: destroys the ZFS pool and all its "
                                                        "data."),
            PoolDeleteEffect.DEPENDS_ON_BACKEND: self.tr("%s: the storage backend decides what is "
                                                         "removed (it may refuse)."),
        }
        deleting = [i for i in self.selected() if self.ready(P.DELETE, i)]
        lines = [effects[pool_delete_effect(i.snapshot.pool_type)] % i.name for i in deleting]
        active = [i.name for i in deleting if i.snapshot.active]
        if active:
            lines.append(self.tr("%s: active, so it is stopped first; domains using its volumes "
                                 "lose access to them.") % ", ".join(active))
        return "\n".join([self.tr("This removes data, not only libvirt's record:")] + lines)


def _stop_then_delete(conn: Any, uuid: str) -> None:
    """On the worker: libvirt deletes only a stopped pool's storage."""
    jobs.pool_stop(conn, uuid)
    jobs.pool_delete(conn, uuid)


class VolumeActions(ObjectActions):
    """Delete volumes; a volume a running domain uses is refused, naming the domain."""

    kind = NodeKind.VOLUME

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.add(VolumeAction.DELETE, self.tr("&Delete volume…"), self.delete)

    def can(self, key: Any, item: Selected) -> bool:
        return True

    def delete(self) -> None:
        items = [i for i in self.selected() if self.ready(VolumeAction.DELETE, i)]
        if not items:
            return
        blocked, tasks, notes = [], [], []
        for item in items:
            vol: VolumeInfo = item.snapshot
            users = volume_users(vol, parent_pool(item), self.model.domains(item.uri))
            running = running_users(users)
            if running:
                blocked.append(self.tr("%s is in use by running domain(s): %s")
                               % (vol.name, ", ".join(running)))
                continue
            if users:
                notes.append(self.tr("%s is still named by: %s (their disks will point at a "
                                     "missing volume)")
                             % (vol.name, ", ".join(u.name for u in users)))
            tasks.append(Task(item, jobs.bind(jobs.volume_delete, vol.key),
                              (("pool", vol.pool_uuid),)))
        if blocked:
            from kvmgui.ui.dialogs.message_dialog import MessageDialog  # on first use

            dialog = MessageDialog(self.tr("Delete volume"), self.tr(
                "Nothing was deleted. Stop these domains or detach the volumes first:"),
                "\n".join(blocked), self.window)
            self.open_dialog(dialog, lambda: None)
            return
        question = self.tr("Delete %n volume(s)? Their data is lost.", "", len(tasks))
        title = self.tr("Delete volume")
        self.confirm_then(VolumeAction.DELETE in DESTRUCTIVE, [t.target for t in tasks], title,
                          question, "\n".join(notes),
                          lambda: self.runner.run(title, self.tr("deleting…"), tasks),
                          self.tr("Delete"))

