"""Pictures of a guest's screen taken with its snapshots, kept in the user's cache directory.

    store = ThumbnailStore()                 # <cache>/snapshot-screens
    store.save(uuid, "before upgrade", png_or_ppm_bytes)
    store.load(uuid, "before upgrade")       # a QImage, null when there is none

Snapshot names come from the host and may be anything ("../../.bashrc", "a/b" on the test
driver): a file is named by a hash of the name, a folder by the domain's UUID only when it is
one (else by its hash too), so no name can reach outside the store.
"""

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QStandardPaths, Qt
from PySide6.QtGui import QImage, QImageWriter

from kvmgui.core import log

MAX_SIZE = QSize(640, 480)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def thumbnail_relative_path(uuid: str, name: str) -> Path:
    """Where the picture of snapshot `name` of domain `uuid` lives, inside the store."""
    folder = uuid.lower() if _UUID.match(uuid.lower()) else _digest(uuid)[:32]
    return Path(folder) / f"{_digest(name)}.png"


class ThumbnailStore:
    """Saves, loads and removes snapshot pictures under `root`."""

    def __init__(self, root: Path | None = None) -> None:
        if root is None:
            cache = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.CacheLocation)
            root = Path(cache) / "snapshot-screens"
        self.root = root

    def path(self, uuid: str, name: str) -> Path:
        return self.root / thumbnail_relative_path(uuid, name)

    def save(self, uuid: str, name: str, data: bytes) -> bool:
        """Store the picture in `data` (any format Qt reads: QEMU's PPM, PNG), made no larger
        than MAX_SIZE; False (and a log line) when it cannot be read or written."""
        image = QImage.fromData(data)
        if image.isNull():
            log.ui.info("snapshot %r: the screenshot is not a picture Qt reads", name)
            return False
        if image.width() > MAX_SIZE.width() or image.height() > MAX_SIZE.height():
            image = image.scaled(MAX_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        target = self.path(uuid, name)
        partial = target.with_suffix(".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not QImageWriter(str(partial), QByteArray(b"png")).write(image):
                raise OSError(f"cannot write {partial}")
            os.replace(partial, target)  # a reader never sees half a file
        except OSError as exc:
            log.ui.warning("snapshot %r: cannot keep its screenshot: %s", name, exc)
            partial.unlink(missing_ok=True)
            return False
        return True

    def load(self, uuid: str, name: str) -> QImage:
        path = self.path(uuid, name)
        return QImage(str(path)) if path.is_file() else QImage()

    def remove(self, uuid: str, names: Iterable[str]) -> None:
        for name in names:
            try:
                self.path(uuid, name).unlink(missing_ok=True)
            except OSError as exc:
                log.ui.info("snapshot %r: cannot remove its screenshot: %s", name, exc)
