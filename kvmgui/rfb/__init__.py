"""rfb layer: a pure RFB (VNC) client protocol, RFC 6143 plus QEMU's extensions.

Bytes from the server go in, framebuffer rectangles (numpy arrays) and events come out;
messages to the server come out as bytes.  No sockets, threads, Qt or libvirt here: the
transport lives in ``virt`` and the widget in ``ui``.  It may import ``core`` and numpy.

- ``client``: ``RfbClient``, what a transport and a widget drive (start here)
- ``events``: what the client reports (``Rect``, ``DesktopResized``, ``Disconnected``, ...)
- ``keys``: X11 keysyms, QEMU scancodes from evdev/X11 keycodes, Send Key combinations
- ``messages``: encoding numbers, pointer buttons, client messages as bytes
- ``handshake``, ``session``, ``rects``: the protocol's phases, messages and rectangles
- ``tight``, ``zrle``, ``inflate``, ``pixels``: decoders and their numpy pixel work
- ``des``: DES for VNC Authentication; ``reader``: the resumable byte buffer
"""
