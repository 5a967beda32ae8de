"""The libosinfo OS id in a domain's metadata: read, recorded, changed and removed."""

from __future__ import annotations

from kvmgui.xml import Domain, canonical
from kvmgui.xml.libosinfo import LIBOSINFO_NS

VIRT_INSTALL = f"""<domain type='kvm'>
  <name>deb</name>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="{LIBOSINFO_NS}">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
    <app:note xmlns:app="http://example.com/app">keep me</app:note>
  </metadata>
  <memory unit='KiB'>1048576</memory>
</domain>"""


def test_reads_what_virt_install_wrote() -> None:
    assert Domain.from_xml(VIRT_INSTALL).libosinfo_os == "http://debian.org/debian/12"
    assert Domain.from_xml("<domain><name>d</name></domain>").libosinfo_os is None
    assert Domain.from_xml("<domain><metadata><libosinfo/></metadata></domain>").libosinfo_os \
        is None  # no namespace: not libosinfo's element


def test_recording_on_a_new_domain_and_removing_it_again() -> None:
    domain = Domain.new("d", 1024, 1)
    before = domain.to_xml()
    domain.libosinfo_os = "http://debian.org/debian/12"
    assert "xmlns:libosinfo" in domain.to_xml()
    assert Domain.from_xml(domain.to_xml()).libosinfo_os == "http://debian.org/debian/12"
    domain.libosinfo_os = None
    assert domain.to_xml() == before  # <metadata> and the wrapper were ours: gone again


def test_changing_keeps_everything_else() -> None:
    domain = Domain.from_xml(VIRT_INSTALL)
    domain.libosinfo_os = "http://debian.org/debian/12"
    assert canonical(domain.to_xml()) == canonical(VIRT_INSTALL)  # same value: no change
    domain.libosinfo_os = "http://debian.org/debian/13"
    changed = Domain.from_xml(domain.to_xml())
    assert changed.libosinfo_os == "http://debian.org/debian/13"
    assert "keep me" in changed.to_xml()
    assert canonical(changed.to_xml()) == canonical(
        VIRT_INSTALL.replace("debian/12", "debian/13"))


def test_removing_from_loaded_xml_keeps_the_loaded_elements() -> None:
    domain = Domain.from_xml(VIRT_INSTALL)
    domain.libosinfo_os = None
    assert domain.libosinfo_os is None
    text = domain.to_xml()
    assert "libosinfo:os" not in text and "libosinfo:libosinfo" in text and "keep me" in text
    domain.libosinfo_os = "http://debian.org/debian/11"  # fills the loaded wrapper again
    assert Domain.from_xml(domain.to_xml()).libosinfo_os == "http://debian.org/debian/11"
    assert domain.to_xml().count("xmlns:libosinfo") == 1
