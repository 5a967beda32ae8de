"""Operating libvirt objects from the GUI: toolbar, menus, context menu, workers and dialogs."""
