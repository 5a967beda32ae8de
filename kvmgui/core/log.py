"""Named loggers, one per subsystem, and the command-line log setup."""

import logging

virt = logging.getLogger("kvmgui.virt")
ui = logging.getLogger("kvmgui.ui")
stats = logging.getLogger("kvmgui.stats")
app = logging.getLogger("kvmgui.app")


def configure(level_name: str) -> None:
    """Send kvmgui's log lines to stderr at the given level (debug, info, warning, error)."""
    level = getattr(logging, level_name.upper(), None)
    if not isinstance(level, int):
        raise ValueError(f"unknown log level: {level_name}")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("kvmgui")
    root.addHandler(handler)
    root.setLevel(level)
