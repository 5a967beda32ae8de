"""The command line: --screenshot renders the window after the inventories are loaded."""

import os
import struct
import subprocess
import sys
from pathlib import Path

from kvmgui.ui.startup import start_uris
from kvmgui.core.resource_paths import demo_host_uri


def run_kvmgui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.run([sys.executable, "-m", "kvmgui", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_screenshot_of_demo_host_with_selection(tmp_path: Path) -> None:
    shot = tmp_path / "main.png"
    result = run_kvmgui("--demo", "--select", "web01", "--log-level", "info",
                        "--screenshot", str(shot), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "inventory ready: " + demo_host_uri() in result.stderr
    assert "domains=11 pools=5 volumes=13 networks=5 interfaces=9" in result.stderr
    assert png_size(shot) == (1280, 800)


def test_unreadable_uri_still_gives_a_screenshot_and_logs_the_error(tmp_path: Path) -> None:
    shot = tmp_path / "err.png"
    result = run_kvmgui("--connect", "test:///nonexistent/host.xml", "--screenshot", str(shot),
                        home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "cannot open test:///nonexistent/host.xml" in result.stderr
    assert "Traceback" not in result.stderr
    assert shot.exists()


def test_start_uris_prefers_explicit_then_saved_then_demo() -> None:
    assert start_uris(["qemu:///system", "qemu:///system"], False, ["x"]) == ["qemu:///system"]
    assert start_uris([], True, ["x"]) == [demo_host_uri()]
    assert start_uris([], False, ["test:///default"]) == ["test:///default"]
    assert start_uris([], False, [])[0] == demo_host_uri()


def test_real_x11_window_under_xvfb(tmp_path: Path) -> None:
    """`make run` on a desktop uses Qt's xcb plugin, whose system libraries the Makefile
    installs."""
    shot = tmp_path / "x11.png"
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable,
                             "-m", "kvmgui", "--demo", "--screenshot", str(shot)],
                            env=env, text=True, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert png_size(shot) == (1280, 800)


def test_screenshot_of_a_details_tab_and_of_an_editor(tmp_path: Path) -> None:
    tab = tmp_path / "topology.png"
    result = run_kvmgui("--demo", "--select", "web01", "--tab", "topology", "--screenshot",
                        str(tab), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--tab: no" not in result.stderr
    editor = tmp_path / "editor.png"
    result = run_kvmgui("--demo", "--select", "web01", "--edit", "--screenshot-delay-ms", "1500",
                        "--screenshot", str(editor), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert png_size(tab) == (1280, 800)
    assert png_size(editor) != (1280, 800)  # the editor dialog, not the main window
