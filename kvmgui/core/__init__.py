"""core layer: plain data and helpers that every other layer shares.

The snapshot dataclasses (what a domain, pool, network or connection looks like once read
from libvirt), user-facing messages, units, named loggers, resource paths and URIs.  It
imports only the standard library: no Qt, no libvirt, no lxml, and nothing else of kvmgui.
"""
