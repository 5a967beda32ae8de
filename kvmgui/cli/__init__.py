"""cli layer: argument parsing, the GUI start and the headless commands (topology, stats).

It sits on top: it may import every layer, but reaches libvirt only through ``virt`` and
imports ``ui`` only when the GUI really starts.
"""
