"""The VM window: one domain's console, details and performance, with its power buttons.

    manager = install_vm_windows(...)        # once, by the Application (install.py)
    manager.open(uri, uuid)                  # a window per domain (or a tab, see Preferences)

The console page shows any `ConsoleView` (console_view.py): the VNC view for graphical
displays (kvmgui.ui.console.vnc_view) and the serial console.
Pure rules (which console, which overlay) are in rules.py and key_combos.py: no Qt there.
"""
