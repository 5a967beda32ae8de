"""Domain actions on test:///default: every action changes the state libvirt reports, multi-select
acts on all selected, confirmations can be cancelled, refusals show libvirt's message."""

import libvirt
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from gui_actions_helpers import (  # noqa: F401 - scratch_fixture provides `scratch`
    DEFAULT, PREFIX, Scratch, StartApp, cell, domain, no_dialog, open_dialog, scratch_fixture,
    select, wait_batch,
)
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.ui.dialogs.delete_domains_dialog import DeleteDomainsDialog
from kvmgui.logic.action_results import ResultRow, ResultStatus
from kvmgui.ui.dialogs.result_dialog import ResultDialog
from kvmgui.ui.roles import Column

A = DomainAction
LIBVIRT_TEXT = {libvirt.VIR_DOMAIN_RUNNING: "Running", libvirt.VIR_DOMAIN_PAUSED: "Paused",
                libvirt.VIR_DOMAIN_SHUTOFF: "Shut off"}


def libvirt_state(dom: libvirt.virDomain) -> str:
    """What the row should say, from another client's view of the domain."""
    state = dom.state()[0]
    if state == libvirt.VIR_DOMAIN_SHUTOFF and dom.hasManagedSaveImage(0):
        return "Saved"
    return LIBVIRT_TEXT[state]


def run(qtbot: QtBot, app: Application, action: A, confirm: bool = False) -> list[ResultRow]:
    """Trigger a domain action on the selection (answering its confirmation); the summary rows."""
    with wait_batch(qtbot, app) as finished:
        app.actions.domain.actions[action].trigger()
        if confirm:
            open_dialog(app.window, ConfirmDialog).accept_button.click()
    return finished.args[1]


def test_each_lifecycle_action_shows_the_state_libvirt_reports(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    dom = scratch.domain("life")
    app = start_app(DEFAULT)
    select(app, domain(app, "life"))
    steps = [(A.START, False, "Running"), (A.PAUSE, False, "Paused"), (A.RESUME, False, "Running"),
             (A.SAVE, False, "Saved"), (A.START, False, "Running"), (A.REBOOT, False, "Running"),
             (A.FORCE_OFF, True, "Shut off"), (A.START, False, "Running"), (A.SAVE, False, "Saved"),
             (A.DISCARD_SAVE, True, "Shut off")]
    for action, confirm, expected in steps:
        rows = run(qtbot, app, action, confirm)
        assert [r.status for r in rows] == [ResultStatus.DONE], (action, rows)
        assert libvirt_state(dom) == expected, action
        assert cell(domain(app, "life"), Column.STATE) == expected, action


def test_autostart_fires_no_event_but_is_read_back(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    dom = scratch.domain("auto")
    app = start_app(DEFAULT)
    select(app, domain(app, "auto"))
    run(qtbot, app, A.AUTOSTART_ON)
    assert dom.autostart() == 1
    assert cell(domain(app, "auto"), Column.AUTOSTART) == "Yes"
    assert not app.actions.domain.actions[A.AUTOSTART_ON].isEnabled()
    run(qtbot, app, A.AUTOSTART_OFF)
    assert dom.autostart() == 0 and cell(domain(app, "auto"), Column.AUTOSTART) == "No"


def test_row_shows_progress_until_the_guest_is_off(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.domain("down", running=True)
    app = start_app(DEFAULT)
    select(app, domain(app, "down"))
    with wait_batch(qtbot, app):
        app.actions.domain.actions[A.SHUTDOWN].trigger()
        assert cell(domain(app, "down"), Column.STATE) == "shutting down…"
    qtbot.waitUntil(lambda: cell(domain(app, "down"), Column.STATE) == "Shut off", timeout=5000)


def test_actions_are_enabled_by_the_selected_states(start_app: StartApp, scratch: Scratch) -> None:
    scratch.domain("on", running=True)
    scratch.domain("off")
    app = start_app(DEFAULT)
    actions = app.actions.domain.actions
    select(app, domain(app, "on"))
    assert actions[A.SHUTDOWN].isEnabled() and not actions[A.START].isEnabled()
    assert actions[A.CONSOLE].isEnabled()
    select(app, domain(app, "off"))
    assert actions[A.START].isEnabled() and not actions[A.FORCE_OFF].isEnabled()
    select(app, domain(app, "on"), domain(app, "off"))
    assert actions[A.START].isEnabled() and actions[A.FORCE_OFF].isEnabled()
    assert not actions[A.CONSOLE].isEnabled()


def test_multi_select_acts_on_all_with_one_confirmation_and_a_summary(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    doms = [scratch.domain(f"bulk{i}", running=True) for i in range(3)]
    scratch.domain("idle")
    app = start_app(DEFAULT)
    select(app, *(domain(app, f"bulk{i}") for i in range(3)), domain(app, "idle"))
    with wait_batch(qtbot, app) as finished:
        app.actions.domain.actions[A.FORCE_OFF].trigger()
        dialog = open_dialog(app.window, ConfirmDialog)
        listed = {dialog.items.item(i).text() for i in range(dialog.items.count())}
        assert listed == {f"{PREFIX}bulk{i}" for i in range(3)}
        dialog.accept_button.click()
    assert all(d.state()[0] == libvirt.VIR_DOMAIN_SHUTOFF for d in doms)
    assert all(cell(domain(app, f"bulk{i}"), Column.STATE) == "Shut off" for i in range(3))
    summary = open_dialog(app.window, ResultDialog)
    statuses = {r.name: r.status for r in summary.rows}
    assert statuses == {**{f"{PREFIX}bulk{i}": ResultStatus.DONE for i in range(3)},
                        f"{PREFIX}idle": ResultStatus.SKIPPED}
    assert finished.args[1] == summary.rows


def test_bulk_start_confirms_once_even_without_destructive_prompts(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    QSettings().setValue("confirm/destructive", "false")
    doms = [scratch.domain(f"many{i}") for i in range(2)]
    app = start_app(DEFAULT)
    select(app, domain(app, "many0"), domain(app, "many1"))
    rows = run(qtbot, app, A.START, confirm=True)
    assert [r.status for r in rows] == [ResultStatus.DONE] * 2
    assert all(d.isActive() for d in doms)
    select(app, domain(app, "many0"))
    rows = run(qtbot, app, A.FORCE_OFF)  # one object, prompts off: no confirmation
    assert not doms[0].isActive() and doms[1].isActive()


def test_cancelling_a_confirmation_changes_nothing(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    doms = [scratch.domain(f"keep{i}", running=True) for i in range(2)]
    app = start_app(DEFAULT)
    select(app, domain(app, "keep0"), domain(app, "keep1"))
    with qtbot.assertNotEmitted(app.actions.runner.batchFinished, wait=200):
        app.actions.domain.actions[A.FORCE_OFF].trigger()
        open_dialog(app.window, ConfirmDialog).cancel_button.click()
    assert all(d.isActive() for d in doms)
    assert no_dialog(app.window, ConfirmDialog)
    assert [cell(domain(app, f"keep{i}"), Column.STATE) for i in range(2)] == ["Running"] * 2


def test_refused_action_shows_libvirts_message_and_the_tree_follows_libvirt(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    dom = scratch.domain("race")
    app = start_app(DEFAULT)
    select(app, domain(app, "race"))
    dom.create()  # another client starts it; the tree has not heard yet (same GUI-thread turn)
    assert cell(domain(app, "race"), Column.STATE) == "Shut off"
    rows = run(qtbot, app, A.START)
    assert rows[0].status is ResultStatus.FAILED
    assert "already running" in rows[0].text
    dialog = open_dialog(app.window, ResultDialog)
    assert "already running" in dialog.table.topLevelItem(0).text(1)
    assert cell(domain(app, "race"), Column.STATE) == "Running"


def test_a_failure_leaves_the_other_domains_done(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    first, second = scratch.domain("ok"), scratch.domain("refused")
    app = start_app(DEFAULT)
    select(app, domain(app, "ok"), domain(app, "refused"))
    second.create()
    rows = {r.name: r for r in run(qtbot, app, A.START, confirm=True)}
    assert rows[f"{PREFIX}ok"].status is ResultStatus.DONE
    assert rows[f"{PREFIX}refused"].status is ResultStatus.FAILED
    assert first.isActive() and second.isActive()
    assert cell(domain(app, "ok"), Column.STATE) == "Running"


@pytest.mark.parametrize("focus_filter", [False, True])
def test_delete_key_deletes_only_from_the_tree(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot, focus_filter: bool) -> None:
    scratch.domain("delkey")
    app = start_app(DEFAULT)
    app.window.activateWindow()
    select(app, domain(app, "delkey"))
    widget = app.window.filter_bar.text if focus_filter else app.window.tree
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    opened = not no_dialog(app.window, DeleteDomainsDialog)
    assert opened is not focus_filter
    if opened:
        open_dialog(app.window, DeleteDomainsDialog).cancel_button.click()


def test_a_second_trigger_while_the_first_runs_is_ignored(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    dom = scratch.domain("twice")
    app = start_app(DEFAULT)
    select(app, domain(app, "twice"))
    batches: list[list[ResultRow]] = []
    app.actions.runner.batchFinished.connect(lambda _title, rows: batches.append(rows))
    start = app.actions.domain.actions[A.START]
    start.trigger()
    start.trigger()  # a double click: the first start is still on the worker
    qtbot.waitUntil(lambda: len(batches) == 1, timeout=5000)
    qtbot.wait(100)
    assert [[r.status for r in rows] for rows in batches] == [[ResultStatus.DONE]]
    assert dom.isActive()
