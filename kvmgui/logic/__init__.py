"""logic layer: the pure rules the UI asks (which actions apply, filters, VLAN support,
new-VM plans, the OS database, console choice).

It may import ``core``, ``xml``, ``topology`` and ``stats``; never Qt, libvirt or ``virt``.
Everything here is unit-tested without a QApplication or a libvirt connection.
"""
