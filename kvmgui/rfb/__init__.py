"""rfb layer: a pure RFB (VNC) client protocol, RFC 6143 plus QEMU's extensions.

Bytes from the server go in, framebuffer rectangles (numpy arrays) and events come out;
messages to the server come out as bytes.  No sockets, threads, Qt or libvirt here: the
transport lives in ``virt`` and the widget in ``ui``.  It may import ``core`` and numpy.
"""
