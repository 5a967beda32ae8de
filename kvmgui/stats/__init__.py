"""stats layer: pure Python, no Qt and no libvirt imports."""
