"""`kvmgui --select NAME --console [graphics|serial] --screenshot FILE`: the VM window saved
once its console shows the guest (or says why it cannot), in a real process."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from kvmgui.core.resource_paths import demo_host_uri


def run_kvmgui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.run([sys.executable, "-m", "kvmgui", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def dark_share(image: QImage) -> float:
    """The share of near-black pixels in the console's part of the picture (sampled)."""
    dark = total = 0
    for y in range(image.height() // 4, image.height() * 3 // 4, 8):
        for x in range(0, image.width(), 8):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 40
    return dark / total


def test_graphical_console_screenshot_shows_the_guests_screen(tmp_path: Path) -> None:
    shot = tmp_path / "vm.png"
    result = run_kvmgui("--connect", demo_host_uri(), "--select", "web01", "--console",
                        "--log-level", "info", "--screenshot", str(shot), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "screenshot written to" in result.stderr
    image = QImage(str(shot))
    assert image.width() >= 640 and image.height() >= 400
    # The test driver's guest screen is a light desktop letterboxed in black: both show.
    assert 0.02 < dark_share(image) < 0.9
    written = "".join(p.read_text() for p in tmp_path.rglob("*.conf"))
    assert "vm_windows" not in written  # a screenshot run leaves no trace


def test_a_console_that_cannot_show_the_guest_is_saved_as_it_is(tmp_path: Path) -> None:
    shot = tmp_path / "off.png"
    result = run_kvmgui("--demo", "--select", "db02", "--console", "serial",
                        "--screenshot", str(shot), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not QImage(str(shot)).isNull()
    assert "nothing shown after" not in result.stderr  # "Not running" is final: no waiting


def test_console_needs_a_domain(tmp_path: Path) -> None:
    result = run_kvmgui("--demo", "--select", "default", "--console", "--screenshot",
                        str(tmp_path / "none.png"), home=tmp_path)
    assert result.returncode == 2
    assert "--console" in result.stderr
