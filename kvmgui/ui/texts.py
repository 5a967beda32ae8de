"""Translated display texts for states and kinds, in one place."""


from kvmgui.ui.i18n import TranslationContext
from kvmgui.ui.roles import Category, Column
from kvmgui.core.snapshots import ConnectionState, DomainInfo, DomainState, PausedReason


class Texts(TranslationContext):
    """Translation context of the display texts."""


def domain_state(info: DomainInfo) -> str:
    if info.state == DomainState.SHUTOFF and info.managed_save:
        return Texts.tr("Saved")
    reason = paused_reason(info.paused_reason)
    if info.state == DomainState.PAUSED and reason:
        return Texts.tr("Paused (%s)") % reason
    return _domain_state_word(info.state)


def _domain_state_word(state: DomainState) -> str:
    return {
        DomainState.NOSTATE: Texts.tr("No state"),
        DomainState.RUNNING: Texts.tr("Running"),
        DomainState.BLOCKED: Texts.tr("Idle"),
        DomainState.PAUSED: Texts.tr("Paused"),
        DomainState.SHUTDOWN: Texts.tr("Shutting down"),
        DomainState.SHUTOFF: Texts.tr("Shut off"),
        DomainState.CRASHED: Texts.tr("Crashed"),
        DomainState.PMSUSPENDED: Texts.tr("Suspended"),
    }[state]


def state_words() -> list[str]:
    """The usual words of the State column (what its width is made for)."""
    return ([_domain_state_word(state) for state in DomainState] + [Texts.tr("Saved")]
            + [connection_status(state) for state in ConnectionState]
            + [active(True), active(False), unknown_state()])


def paused_reason(reason: PausedReason | None) -> str:
    """Why libvirt says a domain is paused; "" for a pause the user asked for."""
    if reason is None or reason is PausedReason.USER:
        return ""
    return {
        PausedReason.UNKNOWN: Texts.tr("unknown reason"),
        PausedReason.MIGRATION: Texts.tr("migrating"),
        PausedReason.SAVE: Texts.tr("saving"),
        PausedReason.DUMP: Texts.tr("dumping memory"),
        PausedReason.IOERROR: Texts.tr("I/O error"),
        PausedReason.WATCHDOG: Texts.tr("watchdog"),
        PausedReason.FROM_SNAPSHOT: Texts.tr("restored from a snapshot"),
        PausedReason.SHUTTING_DOWN: Texts.tr("shutting down"),
        PausedReason.SNAPSHOT: Texts.tr("taking a snapshot"),
        PausedReason.CRASHED: Texts.tr("guest crashed"),
        PausedReason.STARTING_UP: Texts.tr("starting up"),
        PausedReason.POSTCOPY: Texts.tr("post-copy migration"),
        PausedReason.POSTCOPY_FAILED: Texts.tr("post-copy migration failed"),
        PausedReason.API_ERROR: Texts.tr("libvirt API error"),
    }[reason]


def active(flag: bool) -> str:
    return Texts.tr("Active") if flag else Texts.tr("Inactive")


def yes_no(flag: bool) -> str:
    return Texts.tr("Yes") if flag else Texts.tr("No")


def connection_status(state: ConnectionState) -> str:
    """The state in a word, for a narrow cell (`connection_state` adds libvirt's message)."""
    return {
        ConnectionState.CONNECTING: Texts.tr("Connecting…"),
        ConnectionState.CONNECTED: Texts.tr("Connected"),
        ConnectionState.DISCONNECTED: Texts.tr("Disconnected"),
        ConnectionState.ERROR: Texts.tr("Error"),
    }[state]


def unknown_state() -> str:
    """The state of an object whose connection is down."""
    return Texts.tr("Unknown")


def offline_note(uri: str) -> str:
    return Texts.tr("Not connected to %s: its state is unknown until the connection is back.") \
        % uri


def connection_state(state: ConnectionState, message: str) -> str:
    if state == ConnectionState.CONNECTING:
        return Texts.tr("Connecting…")
    if state == ConnectionState.CONNECTED:
        return Texts.tr("Connected")
    if state == ConnectionState.DISCONNECTED:
        return Texts.tr("Disconnected: %s") % message if message else Texts.tr("Disconnected")
    return Texts.tr("Error: %s") % message


def forward_mode(mode: str) -> str:
    return Texts.tr("isolated") if not mode else mode


def category(cat: Category) -> str:
    return {
        Category.DOMAINS: Texts.tr("Domains"),
        Category.POOLS: Texts.tr("Storage pools"),
        Category.NETWORKS: Texts.tr("Networks"),
        Category.INTERFACES: Texts.tr("Host interfaces"),
    }[cat]


def column(col: Column) -> str:
    return {
        Column.NAME: Texts.tr("Name"),
        Column.STATE: Texts.tr("State"),
        Column.VCPUS: Texts.tr("vCPUs"),
        Column.MEMORY: Texts.tr("Memory"),
        Column.AUTOSTART: Texts.tr("Autostart"),
        Column.CAPACITY: Texts.tr("Capacity"),
        Column.ALLOCATION: Texts.tr("Allocation"),
        Column.FORWARD: Texts.tr("Forward / type"),
        Column.BRIDGE: Texts.tr("Bridge"),
        Column.VLAN: Texts.tr("VLAN"),
        Column.CPU_USAGE: Texts.tr("CPU usage"),
        Column.MEMORY_USAGE: Texts.tr("Memory usage"),
    }[col]
