"""stats layer: pure stats math (rates from counters, ring buffers, history, overcommit).

It may import ``core``; never Qt, libvirt or lxml.
"""
