"""Validation results and the checks shared by several documents.

Messages are English templates plus arguments: ``message`` is the formatted English text;
a UI that translates looks up ``template`` and formats it with ``args`` itself.  An argument
that is a ``Message`` (a word like "domain" inside the sentence) is translated too.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kvmgui.core.message import Message
from kvmgui.xml.units import size_fault

if TYPE_CHECKING:
    from kvmgui.xml.vlan import Vlan

Severity = Literal["error", "warning"]
IpInterface = ipaddress.IPv4Interface | ipaddress.IPv6Interface
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

VLAN_MIN = 1
VLAN_MAX = 4094

_MAC = re.compile(r"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")


@dataclass(frozen=True)
class Problem:
    """One finding of ``validate()``: ``field`` is a stable dotted name like ``ip[0].dhcp``."""

    field: str
    message: str
    severity: Severity
    template: str = ""
    args: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def make(cls, severity: Severity, field_name: str, template: str, **args: object) -> Problem:
        text = Message.of(template, **args)
        return cls(
            field=field_name,
            message=str(text),
            severity=severity,
            template=template,
            args=text.args,
        )

    @classmethod
    def error(cls, field_name: str, template: str, **args: object) -> Problem:
        return cls.make("error", field_name, template, **args)

    @classmethod
    def warning(cls, field_name: str, template: str, **args: object) -> Problem:
        return cls.make("warning", field_name, template, **args)


@dataclass
class Problems:
    """Accumulates problems; documents' ``validate`` methods fill one of these."""

    items: list[Problem] = field(default_factory=list)

    def error(self, field_name: str, template: str, **args: object) -> None:
        self.items.append(Problem.error(field_name, template, **args))

    def warning(self, field_name: str, template: str, **args: object) -> None:
        self.items.append(Problem.warning(field_name, template, **args))


def check_name(problems: Problems, value: str | None, what: Message,
               field_name: str = "name") -> None:
    """libvirt object names: required, and no ``/`` (they become file names)."""
    if value is None or not value.strip():
        problems.error(field_name, "The {what} name must not be empty.", what=what)
    elif "/" in value:
        problems.error(field_name, "The {what} name must not contain '/': {value}", what=what,
                       value=value)


def check_size(problems: Problems, stored: tuple[str, str | None] | None, field_name: str,
               what: Message, default_unit: str, max_bytes: int) -> bool:
    """A size libvirt cannot read (``stored`` is its text and ``unit``, see ``Size.stored``):
    an unknown unit, a number that is not whole and at least 0, or more than ``max_bytes``.
    True when such a problem was reported (the caller then skips its own range checks)."""
    if stored is None:
        return False
    text, unit = stored
    fault = size_fault(text, unit, default_unit, max_bytes)
    if fault == "number" and not text.strip():
        return False  # no number at all: the caller's rule for a missing size says it better
    if fault == "unit":
        problems.error(field_name, "The {what} has an unknown unit '{unit}'.", what=what,
                       unit=unit or default_unit)
    elif fault == "number":
        problems.error(field_name, "The {what} is not a whole number of at least 0: '{value}'",
                       what=what, value=text)
    elif fault == "too large":
        problems.error(field_name, "The {what} ({value} {unit}) is more than libvirt can store "
                       "({limit} bytes at most).", what=what, value=text.strip(),
                       unit=unit or default_unit, limit=max_bytes)
    return fault is not None


def check_mac(problems: Problems, value: str | None, field_name: str, label: Message) -> None:
    """A MAC address must be six hex octets and unicast (multicast bit clear)."""
    if value is None:
        return
    if not _MAC.match(value):
        problems.error(field_name, "The MAC address of {label} is malformed: {value}",
                       label=label, value=value)
    elif int(value[:2], 16) & 1:
        problems.error(field_name, "The MAC address of {label} is multicast, not unicast: {value}",
                       label=label, value=value)


def check_vlan(problems: Problems, vlan: Vlan, prefix: str, label: Message) -> None:
    """A ``<vlan>`` needs at least one tag (libvirt refuses it otherwise), each in range."""
    if not vlan.tags and vlan.find_element("vlan") is not None:
        problems.error(f"{prefix}vlan", "The VLAN settings of {label} have no VLAN id.",
                       label=label)
    check_vlan_tags(problems, vlan.tags, prefix, label)


def check_vlan_tags(
    problems: Problems, tags: Iterable[int | None], prefix: str, label: Message
) -> None:
    """Every VLAN id must be in 1..4094 (0 and 4095 are reserved by 802.1Q)."""
    for index, tag in enumerate(tags):
        if tag is None or not VLAN_MIN <= tag <= VLAN_MAX:
            problems.error(f"{prefix}vlan.tag[{index}]",
                           "VLAN id {tag} of {label} is outside {low}-{high}.",
                           tag=Message.of("(missing)") if tag is None else tag, label=label,
                           low=VLAN_MIN,
                           high=VLAN_MAX)


def parse_ip(value: str | None) -> IpAddress | None:
    if value is None:
        return None
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None
