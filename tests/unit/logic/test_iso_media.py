"""kvmgui.logic.iso_media: an installer ISO's OS from its ISO 9660 identifiers, matched
against the osinfo-db installed on this machine."""

import struct
from pathlib import Path

import pytest

from kvmgui.logic.iso_media import SECTOR, detect, identify, read_iso_identity
from kvmgui.logic.osinfo import DEFAULT_ROOT, OsDatabase, cached_os_database

pytestmark = pytest.mark.skipif(not (DEFAULT_ROOT / "os").is_dir(),
                                reason="osinfo-db is not installed")


def write_iso(path: Path, volume_id: str, publisher: str = "", blocks: int = 18) -> Path:
    descriptor = bytearray(SECTOR)
    descriptor[0:6] = b"\x01CD001"
    descriptor[8:40] = b"LINUX".ljust(32)
    descriptor[40:72] = volume_id.ljust(32).encode()
    descriptor[80:88] = struct.pack("<I", blocks) + struct.pack(">I", blocks)
    descriptor[128:132] = struct.pack("<H", SECTOR) + struct.pack(">H", SECTOR)
    descriptor[318:446] = publisher.ljust(128).encode()
    path.write_bytes(bytes(16 * SECTOR) + bytes(descriptor))
    return path


def test_reads_the_primary_volume_descriptor(tmp_path: Path) -> None:
    identity = read_iso_identity(write_iso(tmp_path / "a.iso", "Debian 11.6.0 amd64 n",
                                           publisher="Debian Project", blocks=300))
    assert identity is not None
    assert (identity.volume_id, identity.system_id, identity.publisher_id) == (
        "Debian 11.6.0 amd64 n", "LINUX", "Debian Project")
    assert identity.volume_size == 300 * SECTOR


def test_debian_and_windows_media_are_recognised(tmp_path: Path) -> None:
    database = cached_os_database()
    debian = detect(database, str(write_iso(tmp_path / "d.iso", "Debian 11.6.0 amd64 n")))
    assert debian.os is not None and debian.os.short_id == "debian11"
    windows = detect(database, str(write_iso(tmp_path / "w.iso", "CCCOMA_X64FRE_EN-US_DV9",
                                             publisher="MICROSOFT CORPORATION")))
    assert windows.os is not None and windows.os.is_windows


def test_unknown_media_and_files_that_are_no_iso(tmp_path: Path) -> None:
    database = cached_os_database()
    assert detect(database, str(write_iso(tmp_path / "x.iso", "MY OWN DISC"))).os is None
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    result = detect(database, str(text))
    assert result.identity is None and result.os is None
    with pytest.raises(OSError):
        detect(database, str(tmp_path / "missing.iso"))
    assert identify(OsDatabase([]), read_iso_identity(tmp_path / "x.iso")) is None  # type: ignore[arg-type]
