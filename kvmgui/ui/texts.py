"""Translated display texts for states and kinds, in one place."""

from PySide6.QtCore import QCoreApplication

from kvmgui.ui.roles import Category, Column
from kvmgui.virt.snapshots import ConnectionState, DomainInfo, DomainState


def _t(text: str) -> str:
    return QCoreApplication.translate("Texts", text)


def domain_state(info: DomainInfo) -> str:
    if info.state == DomainState.SHUTOFF and info.managed_save:
        return _t("Saved")
    return {
        DomainState.NOSTATE: _t("No state"),
        DomainState.RUNNING: _t("Running"),
        DomainState.BLOCKED: _t("Idle"),
        DomainState.PAUSED: _t("Paused"),
        DomainState.SHUTDOWN: _t("Shutting down"),
        DomainState.SHUTOFF: _t("Shut off"),
        DomainState.CRASHED: _t("Crashed"),
        DomainState.PMSUSPENDED: _t("Suspended"),
    }[info.state]


def active(flag: bool) -> str:
    return _t("Active") if flag else _t("Inactive")


def yes_no(flag: bool) -> str:
    return _t("Yes") if flag else _t("No")


def connection_state(state: ConnectionState, message: str) -> str:
    if state == ConnectionState.CONNECTING:
        return _t("Connecting…")
    if state == ConnectionState.CONNECTED:
        return _t("Connected")
    if state == ConnectionState.DISCONNECTED:
        return _t("Disconnected: %s") % message if message else _t("Disconnected")
    return _t("Error: %s") % message


def forward_mode(mode: str) -> str:
    return _t("isolated") if not mode else mode


def category(cat: Category) -> str:
    return {
        Category.DOMAINS: _t("Domains"),
        Category.POOLS: _t("Storage pools"),
        Category.NETWORKS: _t("Networks"),
        Category.INTERFACES: _t("Host interfaces"),
    }[cat]


def column(col: Column) -> str:
    return {
        Column.NAME: _t("Name"),
        Column.STATE: _t("State"),
        Column.VCPUS: _t("vCPUs"),
        Column.MEMORY: _t("Memory"),
        Column.AUTOSTART: _t("Autostart"),
        Column.CAPACITY: _t("Capacity"),
        Column.ALLOCATION: _t("Allocation"),
        Column.FORWARD: _t("Forward / type"),
        Column.BRIDGE: _t("Bridge"),
        Column.VLAN: _t("VLAN"),
        Column.CPU_USAGE: _t("CPU usage"),
        Column.MEMORY_USAGE: _t("Memory usage"),
    }[col]
