"""kvmgui: a Qt desktop manager for libvirt/KVM."""

__version__ = "0.1.0"
