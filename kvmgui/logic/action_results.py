"""What became of an action on each object: done, skipped, or failed with libvirt's message.

Plain data, shared by the runner that records it and the dialog that shows it (which is loaded
only when there is something to show).
"""

from dataclasses import dataclass
from enum import Enum


class ResultStatus(Enum):
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ResultRow:
    name: str  # the object, e.g. "web01" or "web01 (demo-host)"
    status: ResultStatus
    text: str  # libvirt's message for a failure, why it was skipped, or a note
