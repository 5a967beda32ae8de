"""kvmgui.logic.osinfo: reading libosinfo's database (a fixture tree, and Debian's if present)."""

from datetime import date
from pathlib import Path

import pytest

from kvmgui.logic.osinfo import (
    DEFAULT_RESOURCES,
    DEFAULT_ROOT,
    GENERIC_OS,
    GIB,
    Resources,
    load_os_database,
)

HEADER = '<?xml version="1.0"?>\n<libosinfo version="0.0.1">\n'
FOOTER = "</libosinfo>\n"


def write_os(root: Path, vendor: str, stem: str, body: str) -> None:
    folder = root / "os" / vendor
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.xml").write_text(HEADER + body + FOOTER)


@pytest.fixture
def db_root(tmp_path: Path) -> Path:
    write_os(tmp_path, "example.org", "base-1", """
  <os id="http://example.org/base/1">
    <short-id>base1</short-id><short-id>basealias</short-id>
    <name>Base 1</name><name xml:lang="de">Basis 1</name>
    <version>1</version><vendor>Example</vendor><family>linux</family><distro>base</distro>
    <release-date>2020-01-02</release-date><eol-date>2021-01-01</eol-date>
    <resources arch="all">
      <minimum><n-cpus>1</n-cpus><ram>536870912</ram><storage>4294967296</storage></minimum>
      <recommended><ram>1073741824</ram><storage>10737418240</storage></recommended>
    </resources>
    <resources arch="x86_64">
      <recommended><ram>2147483648</ram></recommended>
    </resources>
    <media arch="x86_64"><url>https://example.invalid/base-1.iso</url></media>
    <media arch="aarch64"><url>https://example.invalid/base-1-arm.iso</url></media>
  </os>""")
    write_os(tmp_path, "example.org", "base-1.1", """
  <os id="http://example.org/base/1.1">
    <short-id>base1.1</short-id><name>Base 1.1</name><version>1.1</version>
    <distro>base</distro><family>linux</family>
    <derives-from id="http://example.org/base/1"/>
    <resources arch="all" inherit="true"/>
  </os>""")
    write_os(tmp_path, "example.org", "base-10", """
  <os id="http://example.org/base/10">
    <short-id>base10</short-id><name>Base 10</name><version>10</version>
    <distro>base</distro><family>linux</family>
    <upgrades id="http://example.org/base/1.1"/>
    <resources arch="all"><recommended><n-cpus>4</n-cpus></recommended></resources>
  </os>""")
    write_os(tmp_path, "other.org", "bare", """
  <os id="http://other.org/bare"><short-id>bare</short-id><name>Bare OS</name></os>""")
    write_os(tmp_path, "other.org", "broken", "<os id='x'><short-id>")
    write_os(tmp_path, "other.org", "nameless", "<os id='http://other.org/n'/>")
    return tmp_path


def test_reads_names_ids_dates_and_the_iso_for_the_arch(db_root: Path) -> None:
    db = load_os_database(db_root)
    base = db.by_short_id("basealias")
    assert base is not None and base is db.by_short_id("base1")
    assert (base.id, base.name, base.family, base.distro, base.version, base.vendor) == (
        "http://example.org/base/1", "Base 1", "linux", "base", "1", "Example")
    assert base.release_date == date(2020, 1, 2) and base.eol_date == date(2021, 1, 1)
    assert base.iso_url == "https://example.invalid/base-1.iso"
    arm = load_os_database(db_root, arch="aarch64").by_short_id("base1")
    assert arm is not None and arm.iso_url == "https://example.invalid/base-1-arm.iso"


def test_broken_and_incomplete_files_are_skipped(db_root: Path) -> None:
    db = load_os_database(db_root)
    assert sorted(e.short_id for e in db.entries) == ["bare", "base1", "base1.1", "base10"]
    assert len(load_os_database(db_root / "missing")) == 0


def test_recommendations_prefer_the_arch_then_recommended_then_minimum(db_root: Path) -> None:
    base = load_os_database(db_root).by_short_id("base1")
    assert base is not None
    # x86_64 block says 2 GiB; 'all' gives the disk; vCPUs only in <minimum>.
    assert base.recommended == Resources(2 * GIB, 1, 10 * GIB)
    other_arch = load_os_database(db_root, arch="s390x").by_short_id("base1")
    assert other_arch is not None and other_arch.recommended.memory_bytes == GIB


def test_missing_values_come_from_the_os_it_derives_from_or_defaults(db_root: Path) -> None:
    db = load_os_database(db_root)
    point = db.by_short_id("base1.1")
    newer = db.by_short_id("base10")
    bare = db.by_short_id("bare")
    assert point is not None and newer is not None and bare is not None
    assert point.recommended == Resources(2 * GIB, 1, 10 * GIB)  # inherit="true"
    assert newer.recommended == Resources(2 * GIB, 4, 10 * GIB)  # own vCPUs, rest upgraded
    assert bare.recommended == DEFAULT_RESOURCES


def test_search_sorting_and_end_of_life(db_root: Path) -> None:
    db = load_os_database(db_root)
    assert [e.short_id for e in db.search("base")] == ["base10", "base1.1", "base1"]
    assert [e.short_id for e in db.search("BASE 1.1")] == ["base1.1"]
    current = db.search("base", include_eol=False, today=date(2022, 1, 1))
    assert "base1" not in [e.short_id for e in current]
    assert db.search("nothing-like-this") == []


def test_generic_entry_stands_for_unknown() -> None:
    assert GENERIC_OS.short_id == "unknown" and GENERIC_OS.recommended.complete


@pytest.mark.skipif(not (DEFAULT_ROOT / "os").is_dir(), reason="osinfo-db is not installed")
def test_debian_osinfo_db_loads() -> None:
    db = load_os_database()
    assert len(db) > 100
    debian = db.by_short_id("debian11")
    windows = db.by_short_id("win11")
    assert debian is not None and debian.family == "linux" and debian.recommended.complete
    assert windows is not None and windows.is_windows
    windows_memory = windows.recommended.memory_bytes
    assert windows_memory is not None and windows_memory >= 4 * GIB
    assert all(e.id != GENERIC_OS.id for e in db.search(""))  # the generic entry stands apart
