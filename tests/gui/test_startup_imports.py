"""Start-up pays only for what the first paint needs (issue 15); heavy pages come on first show.

Runs the real entry point (`python -m kvmgui --demo --screenshot`) in a subprocess with Python's
`-X importtime`, which writes one stderr line per module as it is first imported. The app's own
`first paint:` log line goes to the same stream, so every module listed before it was imported
before the user saw the tree.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.performance.performance_page import DomainPerformancePage
from kvmgui.ui.roles import Role

# Heavy modules (charts, numbers, HTML, TLS) that only pages opened later need.
NOT_BEFORE_FIRST_PAINT = ("numpy", "pyqtgraph", "lxml.html", "ssl", "urllib.request")
IMPORTED = re.compile(r"^import time:\s*\d+ \|\s*\d+ \|\s*(\S+)\s*$")


def imports_before_first_paint(tmp_path: Path) -> tuple[set[str], list[str]]:
    """(modules imported before the first paint line, that line and the log lines before it)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kvmgui", "--demo", "--log-level", "info",
         "--screenshot", str(tmp_path / "window.png")],
        env=env, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    modules: set[str] = set()
    log_lines: list[str] = []
    for line in run.stderr.splitlines():
        if match := IMPORTED.match(line):
            modules.add(match.group(1))
        elif "kvmgui." in line:
            log_lines.append(line)
            if "first paint:" in line:
                return modules, log_lines
    raise AssertionError("no 'first paint' line:\n" + "\n".join(log_lines))


def test_first_paint_comes_before_the_heavy_imports(tmp_path: Path) -> None:
    modules, log_lines = imports_before_first_paint(tmp_path)
    assert re.search(r"first paint: test:///\S+demo-host\.xml rows=[1-9]\d*$", log_lines[-1])
    assert "inventory ready" in " ".join(log_lines)  # painted after the rows arrived
    assert {"PySide6.QtWidgets", "libvirt", "kvmgui.ui.main_window"} <= modules  # parsed right
    early = sorted(name for name in NOT_BEFORE_FIRST_PAINT if name in modules)
    assert early == [], f"imported before the first paint: {early}"


def test_a_details_page_is_built_when_its_tab_is_first_shown(demo_app: Application,
                                                             qtbot: QtBot) -> None:
    """The Performance tab holds a light stand-in until shown; then the real page takes its
    place, under the same title and name (what --tab looks for)."""
    tabs = demo_app.window.details.tabs
    demo_app.window.select(demo_app.model.find_by_name("web01"))
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    tab = titles.index("Performance")
    stand_in = tabs.widget(tab)
    assert stand_in is not None and not isinstance(stand_in, DomainPerformancePage)  # not built
    assert stand_in.objectName() == "performance"
    tabs.setCurrentIndex(tab)  # as a click on the tab does
    qtbot.waitUntil(lambda: isinstance(tabs.widget(tab), DomainPerformancePage), timeout=10000)
    page = tabs.widget(tab)
    assert isinstance(page, DomainPerformancePage)
    assert [tabs.tabText(i) for i in range(tabs.count())] == titles
    assert tabs.currentWidget() is page and page.objectName() == "performance"
    assert demo_app.performance.performance_page is page
    qtbot.waitUntil(lambda: page.uuid == demo_app.model.find_by_name("web01").data(Role.KEY))
