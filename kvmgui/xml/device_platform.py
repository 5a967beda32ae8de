"""Platform devices a guest has at most one or a few of: TPM, random number generator,
watchdog."""

from __future__ import annotations

from typing import ClassVar

from kvmgui.xml.devices import Device
from kvmgui.xml.props import Int, Str
from kvmgui.xml.tree import ChildOrder, make_element

TPM_MODELS = ("tpm-crb", "tpm-tis")
RNG_SOURCES = ("/dev/urandom", "/dev/random", "/dev/hwrng")
WATCHDOG_MODELS = ("i6300esb", "itco", "ib700")
WATCHDOG_ACTIONS = ("reset", "poweroff", "shutdown", "pause", "dump", "inject-nmi", "none")


class Tpm(Device):
    """``<tpm model=..><backend type='emulator' version='2.0'/></tpm>``: an emulated TPM
    (swtpm keeps its state beside the definition)."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"tpm": ("backend", "alias", "address")}

    model = Str("@model")
    backend_type = Str("backend@type")
    backend_version = Str("backend@version")

    @classmethod
    def new_emulated(cls, model: str = "tpm-crb", version: str = "2.0") -> Tpm:
        tpm = cls(make_element("tpm", model=model))
        tpm.backend_type = "emulator"
        tpm.backend_version = version
        return tpm


class Rng(Device):
    """``<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>``; an
    optional rate limit of ``rate_bytes`` per ``rate_period`` milliseconds."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"rng": ("driver", "rate", "backend", "alias",
                                                 "address")}

    model = Str("@model")
    backend_model = Str("backend@model")
    source = Str("backend")
    rate_bytes = Int("rate@bytes")
    rate_period = Int("rate@period")

    @classmethod
    def new(cls, source: str = "/dev/urandom", *, rate_bytes: int | None = None,
            rate_period: int | None = None) -> Rng:
        rng = cls(make_element("rng", model="virtio"))
        rng.backend_model = "random"
        rng.source = source
        if rate_bytes is not None:
            rng.rate_bytes = rate_bytes
            rng.rate_period = rate_period
        return rng


class Watchdog(Device):
    """``<watchdog model=.. action=..>``: what happens when the guest stops feeding it."""

    model = Str("@model")
    action = Str("@action")

    @classmethod
    def new(cls, model: str = "i6300esb", action: str = "reset") -> Watchdog:
        return cls(make_element("watchdog", model=model, action=action))
