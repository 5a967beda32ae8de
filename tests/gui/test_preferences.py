"""Preferences: typed values over QSettings, the dialog that edits them, and their effect."""

from dataclasses import replace

import pytest
from app_helpers import open_dialog
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.logic.console_choice import ConsoleProgram
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.dialogs.preferences_dialog import PreferencesDialog
from kvmgui.ui.preferences import (
    InvalidPreferences, PreferenceValues, Preferences, problems, read_preferences,
)
from kvmgui.ui.roles import Column
from kvmgui.ui.settings import confirm_destructive

CHANGED = PreferenceValues(
    stats_interval_s=2.5, history_s=600.0, sparklines=True,
    hidden_columns=frozenset({Column.VLAN, Column.BRIDGE}), confirm_destructive=False,
    default_pool="images", default_network="lan", console_program=ConsoleProgram.CUSTOM,
    console_command="remote-viewer --title '{name}' {address}")


def test_values_round_trip_through_the_settings(qtbot: QtBot) -> None:
    prefs = Preferences(QSettings())
    assert prefs.values() == PreferenceValues()  # nothing stored yet: the defaults
    with qtbot.waitSignal(prefs.changed) as changed:
        prefs.apply(CHANGED)
    assert changed.args == [frozenset({
        "stats_interval_s", "history_s", "sparklines", "hidden_columns", "confirm_destructive",
        "default_pool", "default_network", "console_program", "console_command"})]
    again = Preferences(QSettings())  # as at the next start
    assert again.values() == CHANGED
    assert (again.stats_interval_s, again.history_s, again.sparklines) == (2.5, 600.0, True)


def test_defaults_follow_the_issue() -> None:
    defaults = PreferenceValues()
    assert defaults.stats_interval_s == 1.0
    assert defaults.history_s == 3600.0
    assert not defaults.sparklines
    assert defaults.confirm_destructive
    assert defaults.console_program is ConsoleProgram.AUTO


def test_only_changed_fields_are_announced(qtbot: QtBot) -> None:
    prefs = Preferences(QSettings())
    with qtbot.waitSignal(prefs.changed) as changed:
        prefs.update(sparklines=True)
    assert changed.args == [frozenset({"sparklines"})]
    with qtbot.assertNotEmitted(prefs.changed):
        assert prefs.update(sparklines=True) == frozenset()


def test_values_written_elsewhere_are_seen() -> None:
    prefs = Preferences(QSettings())
    QSettings().setValue("performance/sparklines", True)  # e.g. the View menu's switch
    assert prefs.sparklines


def test_confirmation_preference_is_the_key_the_actions_read() -> None:
    prefs = Preferences(QSettings())
    assert confirm_destructive(QSettings())
    prefs.update(confirm_destructive=False)
    assert not confirm_destructive(QSettings())


@pytest.mark.parametrize("bad", [
    replace(CHANGED, stats_interval_s=0.2),
    replace(CHANGED, history_s=10.0),
    replace(CHANGED, hidden_columns=frozenset({Column.NAME})),
    replace(CHANGED, default_pool="a/b"),
    replace(CHANGED, default_network=" lan"),
    replace(CHANGED, console_command=""),
    replace(CHANGED, console_command="viewer '{address}"),
    replace(CHANGED, console_command="viewer {host}"),
])
def test_bad_values_are_refused_and_nothing_is_saved(bad: PreferenceValues,
                                                     qtbot: QtBot) -> None:
    prefs = Preferences(QSettings())
    assert len(problems(bad)) == 1
    with qtbot.assertNotEmitted(prefs.changed), pytest.raises(InvalidPreferences):
        prefs.apply(bad)
    assert read_preferences(QSettings()) == PreferenceValues()
    assert QSettings().allKeys() == []


def test_unreadable_stored_values_fall_back_to_defaults() -> None:
    settings = QSettings()
    for key, value in (("performance/interval_s", "fast"), ("performance/history_s", "0.01"),
                       ("console/program", "xterm"), ("view/hidden_columns", "NAME,NOPE,VLAN")):
        settings.setValue(key, value)
    values = read_preferences(settings)
    assert values.stats_interval_s == PreferenceValues().stats_interval_s
    assert values.history_s == 60.0  # clamped to the shortest allowed history
    assert values.console_program is ConsoleProgram.AUTO
    assert values.hidden_columns == frozenset({Column.VLAN})


# ---- the dialog ------------------------------------------------------------------------------

def open_preferences(app: Application) -> PreferencesDialog:
    app.window.preferences_action.trigger()
    return open_dialog(app.window, PreferencesDialog)


def test_dialog_shows_saved_values_and_offers_the_connections_pools(
        demo_app: Application) -> None:
    demo_app.preferences.apply(replace(CHANGED, default_pool="fast-ssd"))
    dialog = open_preferences(demo_app)
    assert dialog.values() == replace(CHANGED, default_pool="fast-ssd")
    pool_names = [dialog.default_pool.itemText(i) for i in range(dialog.default_pool.count())]
    network_names = [dialog.default_network.itemText(i)
                     for i in range(dialog.default_network.count())]
    inventory = demo_app.model.connection(demo_host_uri()).inventory
    assert inventory is not None
    assert set(pool_names) == {"", *(p.name for p in inventory.pools)}
    assert set(network_names) == {"", *(n.name for n in inventory.networks)}
    dialog.reject()


def test_dialog_ok_saves_and_applies_at_once(demo_app: Application, qtbot: QtBot) -> None:
    dialog = open_preferences(demo_app)
    dialog.interval.setValue(2.0)
    dialog.history.setValue(15)
    dialog.columns[Column.VCPUS].setChecked(False)
    dialog.confirm_destructive.setChecked(False)
    dialog.default_network.setCurrentText("default")
    with qtbot.waitSignal(demo_app.preferences.changed) as changed:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert changed.args == [frozenset({"stats_interval_s", "history_s", "hidden_columns",
                                       "confirm_destructive", "default_network"})]
    assert not dialog.isVisible()
    assert demo_app.window.tree.header().isSectionHidden(Column.VCPUS)
    stored = read_preferences(QSettings())
    assert (stored.stats_interval_s, stored.history_s) == (2.0, 900.0)
    assert not confirm_destructive(QSettings())
    assert stored.default_network == "default"


def test_dialog_with_bad_input_explains_and_saves_nothing(demo_app: Application,
                                                          qtbot: QtBot) -> None:
    dialog = open_preferences(demo_app)
    dialog.interval.lineEdit().setText("0.2")  # as if typed: below the 0.5 s minimum
    dialog.columns[Column.STATE].setChecked(False)
    dialog.console_program.setCurrentIndex(dialog.console_program.findData(ConsoleProgram.CUSTOM))
    dialog.console_command.setText("viewer 'unclosed")
    with qtbot.assertNotEmitted(demo_app.preferences.changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "0.5" in dialog.problem.text() and "quote" in dialog.problem.text()
    assert read_preferences(QSettings()) == PreferenceValues()
    assert not demo_app.window.tree.header().isSectionHidden(Column.STATE)
    dialog.interval.setValue(1.5)
    dialog.console_command.setText("viewer {name}")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert not dialog.problem.isVisible()
    assert dialog.isVisible()  # Apply keeps the dialog open
    assert demo_app.preferences.console_command == "viewer {name}"
    assert demo_app.window.tree.header().isSectionHidden(Column.STATE)
    dialog.reject()


def test_restore_defaults_fills_in_defaults_without_saving(demo_app: Application) -> None:
    demo_app.preferences.apply(CHANGED)
    dialog = open_preferences(demo_app)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.values() == PreferenceValues()
    assert demo_app.preferences.values() == CHANGED
    dialog.reject()
    assert read_preferences(QSettings()) == CHANGED


# ---- columns -----------------------------------------------------------------------------------

def test_columns_menu_and_preferences_agree(demo_app: Application, qtbot: QtBot) -> None:
    window = demo_app.window
    header = window.tree.header()
    assert not header.isSectionHidden(Column.MEMORY)
    with qtbot.waitSignal(demo_app.preferences.changed):
        window.column_actions[Column.MEMORY].trigger()  # View ▸ Columns ▸ Memory: off
    assert header.isSectionHidden(Column.MEMORY)
    assert demo_app.preferences.hidden_columns == frozenset({Column.MEMORY})
    demo_app.preferences.update(hidden_columns=frozenset({Column.AUTOSTART}))
    assert not header.isSectionHidden(Column.MEMORY)
    assert header.isSectionHidden(Column.AUTOSTART)
    assert window.column_actions[Column.MEMORY].isChecked()
    assert not window.column_actions[Column.AUTOSTART].isChecked()


def test_hidden_columns_stay_hidden_at_the_next_start(start_app: object) -> None:
    Preferences(QSettings()).update(hidden_columns=frozenset({Column.CAPACITY}))
    app = start_app(demo_host_uri())  # type: ignore[operator]
    header = app.window.tree.header()
    assert header.isSectionHidden(Column.CAPACITY)
    assert not header.isSectionHidden(Column.ALLOCATION)
    assert not header.isSectionHidden(Column.NAME)
