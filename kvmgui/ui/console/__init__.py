"""The VM window's consoles: the graphical (VNC) console widget and the serial/text console."""
