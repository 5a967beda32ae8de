"""Deleting domains: one dialog with a checkbox per disk; exactly the ticked volumes go."""

from pytestqt.qtbot import QtBot

from gui_actions_helpers import (  # noqa: F401 - scratch_fixture provides `scratch`
    DEFAULT, POOL, PREFIX, Scratch, StartApp, domain, find_volume, no_dialog, open_dialog,
    scratch_fixture, select,
    wait_batch,
)
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.delete_domains_dialog import DeleteDomainsDialog
from kvmgui.logic.action_results import ResultStatus

IMAGES = f"/{POOL}/{PREFIX}"


def start_delete(app: Application) -> DeleteDomainsDialog:
    app.actions.domain.actions[DomainAction.DELETE].trigger()
    return open_dialog(app.window, DeleteDomainsDialog)


def test_delete_with_storage_removes_exactly_the_chosen_volumes(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    for name in ("own.img", "extra.img", "shared.img", "bystander.img"):
        scratch.volume(name)
    victim = scratch.domain("victim", running=True, disks=(
        IMAGES + "own.img", IMAGES + "extra.img", IMAGES + "shared.img", "/not/in/a/pool.img"))
    scratch.domain("sharer", disks=(IMAGES + "shared.img",))
    uuid = victim.UUIDString()
    app = start_app(DEFAULT)
    select(app, domain(app, "victim"))
    dialog = start_delete(app)
    by_target = {c.target: (c, box) for c, box in dialog.disk_boxes if c.domain_uuid == uuid}
    assert by_target["vda"][1].isChecked() and by_target["vdb"][1].isChecked()
    assert not by_target["vdc"][1].isChecked(), "a volume another domain uses is off by default"
    assert by_target["vdc"][0].shared_with == (f"{PREFIX}sharer",)
    assert not by_target["vdd"][1].isEnabled(), "a file outside any pool cannot be deleted"
    by_target["vdb"][1].setChecked(False)  # keep extra.img
    with wait_batch(qtbot, app) as finished:
        dialog.delete_button.click()
    assert finished.args[1][0].status is ResultStatus.DONE
    assert f"{PREFIX}victim" not in {d.name() for d in scratch.conn.listAllDomains(0)}
    assert scratch.volume_names() == {f"{PREFIX}{n}" for n in ("extra.img", "shared.img",
                                                                "bystander.img")}
    assert not domain(app, "victim").isValid()
    assert not find_volume(app, POOL, f"{PREFIX}own.img").isValid()
    assert find_volume(app, POOL, f"{PREFIX}extra.img").isValid()


def test_cancel_delete_changes_nothing(start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.volume("kept.img")
    scratch.domain("kept", running=True, disks=(IMAGES + "kept.img",))
    app = start_app(DEFAULT)
    select(app, domain(app, "kept"))
    with qtbot.assertNotEmitted(app.actions.runner.batchFinished, wait=200):
        start_delete(app).cancel_button.click()
    assert no_dialog(app.window, DeleteDomainsDialog)
    assert scratch.conn.lookupByName(f"{PREFIX}kept").isActive()
    assert scratch.volume_names() == {f"{PREFIX}kept.img"}


def test_bulk_delete_offers_a_shared_volume_once_and_undefines_saved_domains(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.volume("common.img")
    first = scratch.domain("first", running=True, disks=(IMAGES + "common.img",))
    scratch.domain("second", disks=(IMAGES + "common.img",))
    first.managedSave(0)  # undefine needs the managed-save flag now
    app = start_app(DEFAULT)
    select(app, domain(app, "first"), domain(app, "second"))
    dialog = start_delete(app)
    enabled = [box for _c, box in dialog.disk_boxes if box.isEnabled()]
    assert len(dialog.disk_boxes) == 2 and len(enabled) == 1
    enabled[0].setChecked(True)
    with wait_batch(qtbot, app) as finished:
        dialog.delete_button.click()
    assert [r.status for r in finished.args[1]] == [ResultStatus.DONE] * 2
    assert not {d.name() for d in scratch.conn.listAllDomains(0)} & {f"{PREFIX}first",
                                                                      f"{PREFIX}second"}
    assert scratch.volume_names() == set()
    assert not domain(app, "first").isValid() and not domain(app, "second").isValid()


def test_a_failed_volume_deletion_is_reported_for_its_domain(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    vol = scratch.volume("vanishing.img")
    scratch.domain("owner", disks=(IMAGES + "vanishing.img",))
    app = start_app(DEFAULT)
    select(app, domain(app, "owner"))
    dialog = start_delete(app)
    vol.delete(0)  # another client removes it before we do
    with wait_batch(qtbot, app) as finished:
        dialog.delete_button.click()
    row = finished.args[1][0]
    assert row.status is ResultStatus.FAILED and f"{PREFIX}vanishing.img" in row.text
    assert not domain(app, "owner").isValid()
