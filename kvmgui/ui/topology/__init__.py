"""The Topology page: the layer-2 network picture of a connection (QGraphicsView over the pure
`kvmgui.topology` model). Wire it into a main window with `install.install_topology`."""
