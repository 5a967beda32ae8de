"""What the guest shows and hears and how it is driven: video, sound and input devices
(graphics, the remote display itself, is ``devices.Graphics``)."""

from __future__ import annotations

from typing import ClassVar

from kvmgui.xml.devices import Device
from kvmgui.xml.props import Int, Str
from kvmgui.xml.tree import ChildOrder, make_element

VIDEO_MODELS = ("virtio", "qxl", "vga", "bochs", "ramfb", "cirrus", "none")
SOUND_MODELS = ("ich9", "ich6", "ac97", "usb")
INPUT_TYPES = ("tablet", "keyboard", "mouse")
INPUT_BUSES = ("usb", "virtio", "ps2")


class Video(Device):
    """``<video><model type=.. heads=.. vram=..></video>``; vram in KiB."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"video": ("driver", "model", "alias", "address")}

    model = Str("model@type")
    heads = Int("model@heads")
    vram = Int("model@vram")

    @classmethod
    def new(cls, model: str = "virtio", *, heads: int | None = None) -> Video:
        video = cls(make_element("video"))
        video.model = model
        video.heads = heads
        return video


class Sound(Device):
    """``<sound model=ich9|ich6|ac97|usb|...>``."""

    model = Str("@model")

    @classmethod
    def new(cls, model: str = "ich9") -> Sound:
        return cls(make_element("sound", model=model))


class Input(Device):
    """``<input type=tablet|keyboard|mouse bus=usb|virtio|ps2>``."""

    type = Str("@type")
    bus = Str("@bus")

    @classmethod
    def new(cls, kind: str = "tablet", bus: str = "usb") -> Input:
        return cls(make_element("input", type=kind, bus=bus))
