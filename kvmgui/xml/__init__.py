"""xml layer: pure Python over lxml, no Qt and no libvirt imports; it may import ``core``.

Editable views over lxml for libvirt's domain, network, storage pool and volume XML, plus
read-only host interfaces and capabilities.  Typed properties cover what the editors show;
everything else in the document is left exactly as loaded, so ``to_xml()`` without edits is
canonically equal to the input and an edit changes only the field edited.

Conventions:

* Reading a missing field gives None; text that does not parse as the property's type
  (e.g. ``<vcpu>two</vcpu>``, ``<memory unit='bogus'>``) also reads as None, so a damaged
  definition still loads, and ``validate()`` says what is wrong with it.
* Assigning a value equal to the current one changes nothing; assigning None removes the
  attribute (or text element) and any now-empty parents that a setter of this document
  created.  Elements that came with the loaded XML are never removed as a side effect.
  Text that does not parse is kept by None (that is writing back what was read) and
  replaced by a real value; ``del document.field`` removes whatever is stored, parseable
  or not: editors clear a number or yes/no field the user emptied that way.
  A few settings own a whole element and drop it when cleared: flags such as ``readonly``
  (False), ``Vlan.tags = []`` (``<vlan>``), ``Network.forward_mode = None`` (``<forward>``,
  i.e. isolated; leaving NAT also drops ``<nat>``), ``Domain.cpu_model = None``
  (``<model>``), ``Graphics.listen = None`` (the address ``<listen>``).
* Setters store any value they are given and never check ranges or semantics: a VLAN id
  of 5000 or a malformed MAC is written as-is.  Every rule is reported by the document's
  ``validate()`` as a ``Problem`` (field, message, severity), so editors can show all issues
  at once, including those in XML that came from the host.  Setters raise only when an
  operation is impossible (``ValueError``: a device that is not in this domain, a native
  VLAN that is not one of the tags; ``AttributeError``: assigning a read-only property).
  Constructors (``Domain.new``, ``Network.new``, ...) raise ``ValueError`` only for
  arguments they cannot turn into XML (e.g. an ``ipv4`` that is not ``address/prefix``).
* ``Problem.message`` is English; ``template`` and ``args`` let a UI translate it.
* Sizes: domain memory in KiB, storage sizes in bytes.  Reading honours ``unit=``; writing
  stores the number with ``unit='KiB'`` or ``unit='bytes'``.
"""

from kvmgui.xml.canon import canonical, pretty_xml, xml_diff
from kvmgui.xml.capabilities import Capabilities, GuestCapability
from kvmgui.xml.devices import (
    CharDevice,
    Device,
    Disk,
    DomainInterface,
    Graphics,
    MemBalloon,
)
from kvmgui.xml.domain import Domain
from kvmgui.xml.hosts import SourceHost
from kvmgui.xml.interface import HostInterface
from kvmgui.xml.network import DhcpHost, DhcpRange, Network, NetworkIp, Portgroup
from kvmgui.xml.problems import Problem, Severity
from kvmgui.xml.storage import Pool, Volume
from kvmgui.xml.tree import XmlSyntaxError
from kvmgui.xml.vlan import Vlan

__all__ = [
    "Capabilities",
    "CharDevice",
    "Device",
    "DhcpHost",
    "DhcpRange",
    "Disk",
    "Domain",
    "DomainInterface",
    "Graphics",
    "GuestCapability",
    "HostInterface",
    "MemBalloon",
    "Network",
    "NetworkIp",
    "Pool",
    "Portgroup",
    "Problem",
    "Severity",
    "SourceHost",
    "Vlan",
    "Volume",
    "XmlSyntaxError",
    "canonical",
    "pretty_xml",
    "xml_diff",
]
