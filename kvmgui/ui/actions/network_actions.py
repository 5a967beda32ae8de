"""Network actions: start, stop, autostart, undefine (listing the domains with NICs on it)."""

from typing import Any

from kvmgui.logic.action_rules import NetworkAction, network_can, network_users
from kvmgui.ui.actions.base import ObjectActions, Spec
from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.roles import NodeKind
from kvmgui.virt import actions as jobs

N = NetworkAction


class NetworkActions(ObjectActions):
    """QActions in `actions` (keyed by NetworkAction); each acts on the selected networks."""

    kind = NodeKind.NETWORK

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        for key, text in ((N.START, self.tr("&Start network")), (N.STOP, self.tr("S&top network")),
                          (N.AUTOSTART_ON, self.tr("Enable autostart")),
                          (N.AUTOSTART_OFF, self.tr("Disable autostart")),
                          (N.UNDEFINE, self.tr("&Undefine network…"))):
            self.add(key, text, self.handler(self.run_network_action, key))

    def can(self, key: Any, item: Selected) -> bool:
        return network_can(key, item.snapshot)

    def run_network_action(self, key: NetworkAction) -> None:
        job, title, progress, question, detail = self._spec(key)
        if key in (N.STOP, N.UNDEFINE):
            detail = "\n".join(filter(None, [detail, self._users_text(key)]))
        self.run_simple(key, title, progress, lambda i: jobs.bind(job, i.snapshot.uuid), "network",
                        question, detail)

    def _spec(self, key: NetworkAction) -> Spec:
        specs: dict[NetworkAction, Spec] = {
            N.START: Spec(jobs.network_start, self.tr("Start network"), self.tr("starting…"),
                      lambda n: self.tr("Start %n network(s)?", "", n), ""),
            N.STOP: Spec(jobs.network_stop, self.tr("Stop network"), self.tr("stopping…"),
                     lambda n: self.tr("Stop %n network(s)?", "", n),
                     self.tr("Guests on it lose their connection until it is started again.")),
            N.AUTOSTART_ON: Spec(lambda c, u: jobs.network_set_autostart(c, u, True),
                             self.tr("Enable autostart"), self.tr("setting autostart…"),
                             lambda n: self.tr("Start %n network(s) with the host?", "", n), ""),
            N.AUTOSTART_OFF: Spec(lambda c, u: jobs.network_set_autostart(c, u, False),
                              self.tr("Disable autostart"), self.tr("setting autostart…"),
                              lambda n: self.tr("Stop starting %n network(s) with the host?", "",
                                                n), ""),
            N.UNDEFINE: Spec(jobs.network_undefine, self.tr("Undefine network"),
                             self.tr("undefining…"),
                         lambda n: self.tr("Undefine %n network(s)?", "", n),
                         self.tr("libvirt forgets the network (an active one is stopped first).")),
        }
        return specs[key]

    def _users_text(self, key: NetworkAction) -> str:
        lines = []
        for item in self.selected():
            if not network_can(key, item.snapshot):
                continue
            users = network_users(item.snapshot, self.model.domains(item.uri))
            if users:
                lines.append(self.tr("Domains with NICs on %s: %s")
                             % (item.name, ", ".join(sorted(u.name for u in users))))
        if not lines:
            return self.tr("No domain has a NIC on it.")
        return "\n".join(lines)

