"""Desktop integration: desktop entry, AppStream metainfo, icons and the per-user install scripts.

The validators are the freedesktop/AppStream reference tools, so a pass here is what distributions
and software centres will see. The install tests run the real scripts against a temporary HOME.
install-user.sh's venv step (pip install from the network) is deliberately not exercised here.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import zlib
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[3]
PACKAGING = REPO / "packaging"
HICOLOR = REPO / "resources" / "icons" / "hicolor"
SVG_NS = "http://www.w3.org/2000/svg"
# Sizes the issue asks for; the test checks the tree has exactly these.
REQUIRED_PNG_SIZES = {16, 22, 24, 32, 48, 64, 128, 256}
SCRIPTS = ("install-user.sh", "uninstall-user.sh", "install-desktop-files.sh", "install-paths.sh")
# Shared caches the desktop tools regenerate; they belong to every app, so uninstall keeps them.
SHARED_CACHE_NAMES = {"mimeinfo.cache", "icon-theme.cache"}

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SCRIPT_NAME = next(iter(PYPROJECT["project"]["scripts"]))


def _only(paths: list[Path]) -> Path:
    assert len(paths) == 1, f"expected exactly one file, found {paths}"
    return paths[0]


DESKTOP_FILE = _only(sorted(PACKAGING.glob("*.desktop")))
METAINFO_FILE = _only(sorted(PACKAGING.glob("*.metainfo.xml")))
SVG_ICON = _only(sorted((HICOLOR / "scalable" / "apps").glob("*.svg")))
ICON_NAME = SVG_ICON.stem


def _tool(name: str, apt_package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install the Debian package {apt_package} (make deps does)")
    return path


def _run(
    argv: list[str | Path], env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> etree._Element:
    return etree.parse(str(METAINFO_FILE)).getroot()


def _home_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment so the caller's XDG_* variables cannot leak into the scripts."""
    return {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8", **extra}


def _files_under(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def _expected_data_files() -> dict[Path, Path]:
    """Installed path relative to the data dir -> source file in the repository."""
    expected = {
        Path("applications") / DESKTOP_FILE.name: DESKTOP_FILE,
        Path("metainfo") / METAINFO_FILE.name: METAINFO_FILE,
    }
    for icon in HICOLOR.rglob(f"{ICON_NAME}.*"):
        expected[Path("icons") / icon.relative_to(HICOLOR.parent)] = icon
    return expected


# --- desktop entry and metainfo -----------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = _run([_tool("desktop-file-validate", "desktop-file-utils"), DESKTOP_FILE])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", f"validator hints: {result.stdout}"


def test_metainfo_passes_appstreamcli_validate() -> None:
    appstreamcli = _tool("appstreamcli", "appstream")
    # --strict fails on anything above pedantic severity (infos and warnings included).
    result = _run([appstreamcli, "validate", "--no-net", "--strict", METAINFO_FILE])
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_launches_the_installed_script_with_our_icon() -> None:
    entry = _desktop_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == SCRIPT_NAME
    assert entry["Icon"] == ICON_NAME
    assert entry["Terminal"] == "false"
    assert entry["GenericName[zh_CN]"] == "虚拟机管理器"
    for key in ("Name", "GenericName", "Comment"):
        assert entry[f"{key}[zh_CN]"].strip(), f"{key}[zh_CN] is empty"
    keywords = set(entry["Keywords"].rstrip(";").split(";"))
    assert {"vm", "kvm", "libvirt", "qemu", "vlan"} <= keywords


def test_metainfo_agrees_with_desktop_file_and_pyproject() -> None:
    root = _metainfo()
    component_id = root.findtext("id")
    assert METAINFO_FILE.name == f"{component_id}.metainfo.xml"
    # Software centres find the desktop entry by the launchable, desktops by the component id.
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert DESKTOP_FILE.name == f"{component_id}.desktop"
    assert root.findtext("provides/binary") == SCRIPT_NAME
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]["text"]
    newest_release = root.find("releases/release")
    assert newest_release is not None
    assert newest_release.get("version") == PYPROJECT["project"]["version"]
    assert newest_release.findall("description/p"), "release has no notes"
    categories = [c.text for c in root.iterfind("categories/category")]
    assert categories == _desktop_entry(DESKTOP_FILE)["Categories"].rstrip(";").split(";")


def test_metainfo_screenshot_is_an_https_url() -> None:
    images = [i.text or "" for i in _metainfo().iterfind("screenshots/screenshot/image")]
    assert images and all(url.startswith("https://") for url in images), images


# --- icons ----------------------------------------------------------------------------------------


def test_scalable_icon_is_a_square_svg() -> None:
    root = etree.parse(str(SVG_ICON)).getroot()
    assert root.tag == f"{{{SVG_NS}}}svg"
    _x, _y, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height > 0


def _png_header(path: Path) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from the IHDR chunk, which PNG requires first."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    length, chunk_type, width, height, depth, colour = struct.unpack(">I4sIIBB", data[8:26])
    assert (length, chunk_type) == (13, b"IHDR"), f"{path}: first chunk is not IHDR"
    return width, height, depth, colour


def test_png_icons_exist_for_every_required_size() -> None:
    found = {int(p.parent.parent.name.split("x")[0])
             for p in HICOLOR.glob(f"*x*/apps/{ICON_NAME}.png")}
    assert found == REQUIRED_PNG_SIZES


@pytest.mark.parametrize(
    "png", sorted(HICOLOR.glob("*x*/apps/*.png")), ids=lambda p: p.parent.parent.name
)
def test_png_icon_has_the_size_of_its_folder(png: Path) -> None:
    folder_w, folder_h = (int(v) for v in png.parent.parent.name.split("x"))
    width, height, depth, colour = _png_header(png)
    assert (width, height) == (folder_w, folder_h)
    assert (depth, colour) == (8, 6), "expected 8-bit RGBA so the icon has a transparent background"


def _decode_rgba(path: Path) -> tuple[int, bytes]:
    """Pixels of an 8-bit, non-interlaced RGBA PNG (what render_icons.py writes), row-major."""
    data = path.read_bytes()
    width, height, depth, colour = _png_header(path)
    assert (depth, colour, data[28]) == (8, 6, 0), f"{path}: unsupported PNG layout"
    idat, pos = b"", 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        if data[pos + 4 : pos + 8] == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw, stride, bpp = zlib.decompress(idat), width * 4, 4
    pixels, prev = bytearray(), bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        pixels += row
        prev = row
    return width, bytes(pixels)


def test_committed_pngs_match_a_fresh_render_of_the_svg(tmp_path: Path) -> None:
    """Catches an SVG edit committed without re-running render_icons.py."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run(
        [sys.executable, PACKAGING / "render_icons.py", "--hicolor-dir", tmp_path], env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for committed in sorted(HICOLOR.glob(f"*x*/apps/{ICON_NAME}.png")):
        fresh = tmp_path / committed.relative_to(HICOLOR)
        _, committed_pixels = _decode_rgba(committed)
        _, fresh_pixels = _decode_rgba(fresh)
        # A small tolerance lets a Qt update nudge anti-aliasing without failing the suite.
        worst = max(abs(x - y) for x, y in zip(committed_pixels, fresh_pixels, strict=True))
        assert worst <= 16, f"{committed} is stale (max channel difference {worst}); re-render it"


def test_icon_background_is_transparent_and_centre_is_opaque() -> None:
    width, pixels = _decode_rgba(HICOLOR / "16x16" / "apps" / f"{ICON_NAME}.png")
    alpha = pixels[3::4]
    assert alpha[0] == 0 and alpha[width - 1] == 0, "top corners should be transparent"
    assert alpha[(width // 2) * width + width // 2] == 255, "the icon should cover its centre"


# --- install scripts ------------------------------------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_is_valid_bash(script: str) -> None:
    result = _run(["bash", "-n", PACKAGING / script])
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "script", ["install-user.sh", "uninstall-user.sh", "install-desktop-files.sh"]
)
def test_entry_scripts_are_executable(script: str) -> None:
    assert os.access(PACKAGING / script, os.X_OK)


def test_desktop_files_install_into_home_and_uninstall_removes_them(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _home_env(home)
    data_home = home / ".local" / "share"

    result = _run([PACKAGING / "install-desktop-files.sh"], env=env)
    assert result.returncode == 0, result.stderr

    expected = _expected_data_files()
    installed = {p for p in _files_under(data_home) if p.name not in SHARED_CACHE_NAMES}
    assert installed == set(expected)
    for rel, source in expected.items():
        assert (data_home / rel).read_bytes() == source.read_bytes(), rel

    result = _run([PACKAGING / "uninstall-user.sh"], env=env)
    assert result.returncode == 0, result.stderr
    leftovers = {p for p in _files_under(home) if p.name not in SHARED_CACHE_NAMES}
    assert leftovers == set()
    assert not (data_home / "icons" / "hicolor" / "16x16").exists(), "empty icon dirs left behind"

    # A second uninstall finds nothing to do and still succeeds.
    assert _run([PACKAGING / "uninstall-user.sh"], env=env).returncode == 0


def test_xdg_data_home_is_honoured(tmp_path: Path) -> None:
    home, data_home = tmp_path / "home", tmp_path / "xdg-data"
    home.mkdir()
    env = _home_env(home, XDG_DATA_HOME=str(data_home))

    assert _run([PACKAGING / "install-desktop-files.sh"], env=env).returncode == 0
    assert (data_home / "applications" / DESKTOP_FILE.name).is_file()
    assert _files_under(home) == set()

    assert _run([PACKAGING / "uninstall-user.sh"], env=env).returncode == 0
    assert {p for p in _files_under(data_home) if p.name not in SHARED_CACHE_NAMES} == set()


def test_installed_tree_passes_appstream_tree_validation(tmp_path: Path) -> None:
    """validate-tree also checks the launchable's desktop file and the icon are really there."""
    appstreamcli = _tool("appstreamcli", "appstream")
    data_dir = tmp_path / "usr" / "share"
    installed = _run([PACKAGING / "install-desktop-files.sh", data_dir], env=_home_env(tmp_path))
    assert installed.returncode == 0
    result = _run([appstreamcli, "validate-tree", "--no-net", "--strict", tmp_path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_launcher_option_puts_an_absolute_exec_in_the_installed_entry(tmp_path: Path) -> None:
    launcher = tmp_path / "bin" / SCRIPT_NAME
    data_dir = tmp_path / "data"
    result = _run(
        [PACKAGING / "install-desktop-files.sh", "--launcher", launcher, data_dir],
        env=_home_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    installed = data_dir / "applications" / DESKTOP_FILE.name
    assert _desktop_entry(installed)["Exec"] == str(launcher)
    validate = _run([_tool("desktop-file-validate", "desktop-file-utils"), installed])
    assert validate.returncode == 0, validate.stdout


def test_launcher_needing_quotes_falls_back_to_path_lookup(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    argv: list[str | Path] = [
        PACKAGING / "install-desktop-files.sh",
        "--launcher",
        "/opt/my apps/kvmgui",
        data_dir,
    ]
    result = _run(argv, env=_home_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "quoting" in result.stderr
    assert _desktop_entry(data_dir / "applications" / DESKTOP_FILE.name)["Exec"] == SCRIPT_NAME


def test_relative_data_dir_is_rejected(tmp_path: Path) -> None:
    result = _run([PACKAGING / "install-desktop-files.sh", "relative/dir"], env=_home_env(tmp_path))
    assert result.returncode == 2
    assert _files_under(tmp_path) == set()


def test_uninstall_removes_venv_and_its_own_launcher(tmp_path: Path) -> None:
    # The layout install-user.sh creates, as the issue specifies it.
    venv_script = tmp_path / ".local" / "share" / "kvmgui" / "venv" / "bin" / SCRIPT_NAME
    venv_script.parent.mkdir(parents=True)
    venv_script.write_text("#!/bin/sh\n", encoding="utf-8")
    launcher = tmp_path / ".local" / "bin" / SCRIPT_NAME
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(venv_script)

    result = _run([PACKAGING / "uninstall-user.sh"], env=_home_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert not launcher.is_symlink()
    assert not (tmp_path / ".local" / "share" / "kvmgui").exists()


def test_uninstall_leaves_a_launcher_it_did_not_install(tmp_path: Path) -> None:
    launcher = tmp_path / ".local" / "bin" / SCRIPT_NAME
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\necho someone else's\n", encoding="utf-8")

    result = _run([PACKAGING / "uninstall-user.sh"], env=_home_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert launcher.read_text(encoding="utf-8").endswith("someone else's\n")
    assert str(launcher) in result.stderr


def test_install_user_refuses_to_replace_a_foreign_launcher_before_building(tmp_path: Path) -> None:
    launcher = tmp_path / ".local" / "bin" / SCRIPT_NAME
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n", encoding="utf-8")

    result = _run([PACKAGING / "install-user.sh"], env=_home_env(tmp_path))
    assert result.returncode != 0
    assert "not kvmgui's launcher" in result.stderr
    assert not (tmp_path / ".local" / "share" / "kvmgui").exists(), "created a venv anyway"


# Not written on purpose: a test running install-user.sh end to end. It would build a venv and
# pip-install kvmgui and its dependencies (libvirt-python compiles), which needs the network
# and minutes; install-desktop-files.sh and uninstall-user.sh above cover everything else it does.
