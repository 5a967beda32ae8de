"""Shared test set-up: Qt offscreen, libvirt's event loop independent of Qt (as in the app)."""

import os

# Both must be set before the QApplication exists (see kvmgui/app.py and LIBVIRT-NOTES.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_NO_GLIB"] = "1"
