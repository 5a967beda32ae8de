"""The user's preferences, typed, over QSettings; `Preferences.changed` says what changed.

    prefs = Preferences(QSettings())      # once, by the Application
    prefs.changed.connect(lambda names: ... if "stats_interval_s" in names ...)
    prefs.apply(replace(prefs.values(), stats_interval_s=2.0))   # validated, then saved

Every key is read in one place, `read_preferences`. The Application creates the one
`Preferences` of a run and hands it to whoever needs a value (the main window, the actions, the
performance feature): nobody else reads the keys from a QSettings of their own.
"""

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from kvmgui.logic.console_choice import CUSTOM_PLACEHOLDERS, ConsoleProgram, split_custom_command
from kvmgui.ui.i18n import TranslationContext
from kvmgui.stats.config import DEFAULT_HISTORY_S, DEFAULT_INTERVAL_S, MIN_INTERVAL_S
from kvmgui.ui.roles import Column
from kvmgui.ui.settings import CONFIRM_DESTRUCTIVE_KEY, confirm_destructive

# The performance keys are the ones kvmgui/ui/perf already stores under "performance/".
INTERVAL_KEY = "performance/interval_s"
HISTORY_KEY = "performance/history_s"
SPARKLINES_KEY = "performance/sparklines"
HIDDEN_COLUMNS_KEY = "view/hidden_columns"
DEFAULT_POOL_KEY = "new_vm/default_pool"
DEFAULT_NETWORK_KEY = "new_vm/default_network"
CONSOLE_PROGRAM_KEY = "console/program"
CONSOLE_COMMAND_KEY = "console/command"
VM_WINDOWS_AS_TABS_KEY = "view/vm_windows_as_tabs"

MAX_INTERVAL_S = 60.0
MIN_HISTORY_S = 60.0
MAX_HISTORY_S = 24 * 3600.0
# Drawn by a delegate from sampled history: shown by the `sparklines` switch, not as columns.
SPARKLINE_COLUMNS = frozenset({Column.CPU_USAGE, Column.MEMORY_USAGE})
# Columns the user may hide (the name column always shows: rows need a name).
OPTIONAL_COLUMNS: tuple[Column, ...] = tuple(
    c for c in Column if c != Column.NAME and c not in SPARKLINE_COLUMNS)


@dataclass(frozen=True, slots=True)
class PreferenceValues:
    """One complete set of preferences (the defaults are the field defaults)."""

    stats_interval_s: float = DEFAULT_INTERVAL_S
    history_s: float = DEFAULT_HISTORY_S
    sparklines: bool = False
    hidden_columns: frozenset[Column] = frozenset()
    confirm_destructive: bool = True
    default_pool: str = ""  # "" lets the new-VM wizard choose
    default_network: str = ""
    console_program: ConsoleProgram = ConsoleProgram.AUTO
    console_command: str = ""  # used when console_program is CUSTOM
    vm_windows_as_tabs: bool = False  # VM windows open as tabs of one window


class PreferenceTexts(TranslationContext):
    """Translation context of the preference checks."""


def problems(values: PreferenceValues) -> list[str]:
    """Why `values` cannot be saved, in words for the user (empty: they can)."""
    found = []
    interval = values.stats_interval_s
    if not math.isfinite(interval) or not MIN_INTERVAL_S <= interval <= MAX_INTERVAL_S:
        found.append(PreferenceTexts.tr("The statistics interval must be between %s and %s "
                                        "seconds.") % (_number(MIN_INTERVAL_S),
                                                       _number(MAX_INTERVAL_S)))
    history = values.history_s
    if not math.isfinite(history) or not MIN_HISTORY_S <= history <= MAX_HISTORY_S:
        found.append(PreferenceTexts.tr("The history length must be between 1 minute and 24 "
                                        "hours."))
    if Column.NAME in values.hidden_columns:
        found.append(PreferenceTexts.tr("The Name column cannot be hidden."))
    for what, name in ((PreferenceTexts.tr("storage pool"), values.default_pool),
                       (PreferenceTexts.tr("network"), values.default_network)):
        if name != name.strip() or "/" in name:
            found.append(PreferenceTexts.tr("The default %s name “%s” may not contain “/” or "
                                            "start or end with spaces.") % (what, name))
    if values.console_program is ConsoleProgram.CUSTOM:
        found.extend(_command_problems(values.console_command))
    return found


def _command_problems(command: str) -> list[str]:
    try:
        split_custom_command(command)
    except ValueError:
        if not command.strip():
            return [PreferenceTexts.tr("Enter the custom console command, e.g. "
                                       "“remote-viewer {address}”.")]
        return [PreferenceTexts.tr("The custom console command has a quote that is not closed.")]
    unknown = sorted({part.split("}")[0] for part in command.split("{")[1:]
                      if "{" + part.split("}")[0] + "}" not in CUSTOM_PLACEHOLDERS})
    if unknown:
        return [PreferenceTexts.tr("The custom console command may only use %s, not %s.")
                % (", ".join(CUSTOM_PLACEHOLDERS), ", ".join(f"{{{u}}}" for u in unknown))]
    return []


def _number(value: float) -> str:
    return f"{value:g}"


def read_preferences(settings: QSettings) -> PreferenceValues:
    """The stored preferences; a value that is missing or unreadable gets its default."""
    default = PreferenceValues()
    interval = _float(settings.value(INTERVAL_KEY), default.stats_interval_s)
    history = _float(settings.value(HISTORY_KEY), default.history_s)
    program = str(settings.value(CONSOLE_PROGRAM_KEY, default.console_program.value))
    return PreferenceValues(
        stats_interval_s=min(max(interval, MIN_INTERVAL_S), MAX_INTERVAL_S),
        history_s=min(max(history, MIN_HISTORY_S), MAX_HISTORY_S),
        sparklines=_bool(settings.value(SPARKLINES_KEY), default.sparklines),
        hidden_columns=_columns(settings.value(HIDDEN_COLUMNS_KEY, "")),
        confirm_destructive=confirm_destructive(settings),
        default_pool=str(settings.value(DEFAULT_POOL_KEY, "")),
        default_network=str(settings.value(DEFAULT_NETWORK_KEY, "")),
        console_program=(ConsoleProgram(program) if program in set(ConsoleProgram)
                         else default.console_program),
        console_command=str(settings.value(CONSOLE_COMMAND_KEY, "")),
        vm_windows_as_tabs=_bool(settings.value(VM_WINDOWS_AS_TABS_KEY),
                                 default.vm_windows_as_tabs),
    )


def _write(settings: QSettings, values: PreferenceValues) -> None:
    settings.setValue(INTERVAL_KEY, values.stats_interval_s)
    settings.setValue(HISTORY_KEY, values.history_s)
    settings.setValue(SPARKLINES_KEY, values.sparklines)
    settings.setValue(HIDDEN_COLUMNS_KEY,
                      ",".join(c.name for c in sorted(values.hidden_columns)))
    settings.setValue(CONFIRM_DESTRUCTIVE_KEY, "true" if values.confirm_destructive else "false")
    settings.setValue(DEFAULT_POOL_KEY, values.default_pool)
    settings.setValue(DEFAULT_NETWORK_KEY, values.default_network)
    settings.setValue(CONSOLE_PROGRAM_KEY, values.console_program.value)
    settings.setValue(CONSOLE_COMMAND_KEY, values.console_command)
    settings.setValue(VM_WINDOWS_AS_TABS_KEY, values.vm_windows_as_tabs)
    settings.sync()


def _float(value: Any, default: float) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return default
    return number if math.isfinite(number) else default


def _bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    return str(value).lower() == "true"


def _columns(value: Any) -> frozenset[Column]:
    # QSettings hands back a list for "A,B" in INI files and a str for a single name.
    names = value if isinstance(value, list) else str(value).split(",")
    return frozenset(Column[n] for n in (str(x).strip() for x in names)
                     if n in Column.__members__ and Column[n] in OPTIONAL_COLUMNS)


class InvalidPreferences(ValueError):
    """`Preferences.apply` refused values; `messages` says why."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class Preferences(QObject):
    """Typed access to the preferences and one signal for every change.

    Signals:
        changed(frozenset[str]): the names of the `PreferenceValues` fields that changed
            (e.g. {"stats_interval_s", "hidden_columns"}), after they were saved.
    """

    changed = Signal(object)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    def values(self) -> PreferenceValues:
        """The stored values (read afresh: other code may have written a key directly)."""
        return read_preferences(self._settings)

    def apply(self, values: PreferenceValues) -> frozenset[str]:
        """Validate and save `values`, then emit `changed` (if anything did); returns the names
        of the changed fields. Raises InvalidPreferences, saving nothing, when they are bad."""
        found = problems(values)
        if found:
            raise InvalidPreferences(found)
        old = self.values()
        names = frozenset(f.name for f in fields(PreferenceValues)
                          if getattr(values, f.name) != getattr(old, f.name))
        _write(self._settings, values)
        if names:
            self.changed.emit(names)
        return names

    def update(self, **changes: Any) -> frozenset[str]:
        """`apply` with some fields changed, e.g. `update(sparklines=True)`."""
        return self.apply(replace(self.values(), **changes))

    # ---- typed properties --------------------------------------------------------------------

    @property
    def stats_interval_s(self) -> float:
        return self.values().stats_interval_s

    @property
    def history_s(self) -> float:
        return self.values().history_s

    @property
    def sparklines(self) -> bool:
        return self.values().sparklines

    @property
    def hidden_columns(self) -> frozenset[Column]:
        return self.values().hidden_columns

    @property
    def confirm_destructive(self) -> bool:
        return self.values().confirm_destructive

    @property
    def default_pool(self) -> str:
        return self.values().default_pool

    @property
    def default_network(self) -> str:
        return self.values().default_network

    @property
    def console_program(self) -> ConsoleProgram:
        return self.values().console_program

    @property
    def console_command(self) -> str:
        return self.values().console_command

    @property
    def vm_windows_as_tabs(self) -> bool:
        return self.values().vm_windows_as_tabs
