"""ui layer: Qt widgets, models and the application object.

It shows and edits what the layers below produce, and reaches libvirt only through ``virt``
(whose work runs on worker threads; the GUI thread never calls libvirt).  It may import every
layer except ``cli``, and never ``libvirt`` itself.
"""
