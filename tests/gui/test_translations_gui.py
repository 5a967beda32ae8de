"""The application in Simplified Chinese (--lang zh_CN): menus, tree states, toolbar, topology.

Checks look for Chinese characters and for English left over, not for particular wordings:
the wordings live in resources/translations/kvmgui_zh_CN.ts.
"""

import re

from fixture_helpers import StartApp
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from pytestqt.qtbot import QtBot

from kvmgui.ui.i18n import translate_message, translate_template
from kvmgui.core.message import Message
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.roles import Column
from kvmgui.xml import Network

CJK = re.compile(r"[\u4e00-\u9fff]")
LEFTOVER_MNEMONIC = re.compile(r"\([A-Z0-9]\)")


def test_lang_zh_cn_picks_the_chinese_locale(chinese: QLocale) -> None:
    assert chinese.name() == "zh_CN"
    assert QLocale().name() == "zh_CN"


def test_menus_and_toolbar_are_chinese(chinese: QLocale, start_app: StartApp) -> None:
    app = start_app(demo_host_uri())
    titles = [action.text() for action in app.window.menuBar().actions()]
    assert titles and all(CJK.search(title) for title in titles), titles
    file_menu = app.window.menuBar().actions()[0]
    assert file_menu.text() == QCoreApplication.translate("MainWindow", "&File") != "&File"
    toolbar = app.actions.toolbar
    texts = [action.iconText() for action in toolbar.actions() if not action.isSeparator()]
    assert all(CJK.search(text) for text in texts), texts
    # A translation's "(&S)" mnemonic must not show up as "(S)" on a toolbar button.
    assert not [text for text in texts if LEFTOVER_MNEMONIC.search(text)], texts


def test_tree_states_and_headers_are_chinese(chinese: QLocale, start_app: StartApp) -> None:
    app = start_app(demo_host_uri())
    web01 = app.model.find_by_name("web01")
    state = web01.siblingAtColumn(Column.STATE).data()
    assert state == "运行中"  # the example: "Running" in Simplified Chinese
    header = app.model.headerData(Column.NAME, Qt.Orientation.Horizontal)
    assert CJK.search(header)


def test_problem_messages_translate_with_their_words(chinese: QLocale) -> None:
    network = Network.from_xml("<network><name></name></network>")
    problems = network.validate()
    assert problems
    for problem in problems:
        text = translate_template(problem.template, problem.args)
        assert CJK.search(text) and "{" not in text, text
    empty_name = next(p for p in problems if p.field == "name")
    # "network" is an argument of the sentence: it is translated too, not left in English.
    assert "network" not in translate_template(empty_name.template, empty_name.args)


def test_an_unknown_template_stays_english_with_its_arguments(chinese: QLocale) -> None:
    message = Message.of("{name} is a template no catalogue knows, with {missing}",
                         name="x", missing=Message.of("{nested}", nested="y"))
    assert translate_message(message) == str(message)


def test_topology_reachability_and_warnings_are_chinese(
    chinese: QLocale, start_app: StartApp, qtbot: QtBot
) -> None:
    app = start_app(demo_host_uri())
    page = app.topology
    app.window.select(app.model.find_by_name(demo_host_uri()))
    app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10000)
    for first, second in (("web01", "router01"), ("web01", "db01"), ("web01", "win10")):
        page.reach.ask(first, second)
        answer = page.reach.answer.text()
        assert CJK.search(answer) and "{" not in answer, answer
        assert not re.search(r"\b(share|segment|is on|network interfaces)\b", answer), answer
    legend = page.legend.toPlainText()
    assert "{" not in legend
    assert not re.search(r"\b(has no uplink|which does not|asks for)\b", legend), legend

