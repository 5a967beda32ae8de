"""virt layer: the only code that imports libvirt.

The event-loop thread, one ``Connection`` per URI with its worker threads, fetching plain-data
snapshots, actions, defining XML, the stats engine.  It may import Qt's core module (QObject,
signals, threads; never widgets) and the pure layers (``core``, ``xml``, ``topology``,
``stats``, ``logic``); never ``ui`` or ``cli``.
"""
