"""What the filter box above the tree matches (pure).

The text is split into words; every word must match. `state:WORD` matches a state (running, paused,
shutoff, saved, active, inactive), `vlan:N` a VLAN tag; any other word is a case-insensitive
substring of the object's name or of any of its shown column texts.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from kvmgui.core.snapshots import (
    DomainInfo, DomainState, InterfaceInfo, NetworkInfo, PoolInfo, VolumeInfo,
)

Snapshot = DomainInfo | PoolInfo | VolumeInfo | NetworkInfo | InterfaceInfo


class StateFilter(Enum):
    ANY = "any"
    RUNNING = "running"
    PAUSED = "paused"
    SHUTOFF = "shutoff"
    SAVED = "saved"
    ACTIVE = "active"
    INACTIVE = "inactive"


def _is_active(obj: Snapshot) -> bool:
    if isinstance(obj, DomainInfo):
        return obj.state.is_active
    if isinstance(obj, VolumeInfo):
        return True
    return obj.active


def matches_state(obj: Snapshot, wanted: StateFilter) -> bool:
    if wanted is StateFilter.ANY:
        return True
    if wanted is StateFilter.ACTIVE:
        return _is_active(obj)
    if wanted is StateFilter.INACTIVE:
        return not _is_active(obj)
    if not isinstance(obj, DomainInfo):
        return False
    if wanted is StateFilter.RUNNING:
        return obj.state in (DomainState.RUNNING, DomainState.BLOCKED)
    if wanted is StateFilter.PAUSED:
        return obj.state in (DomainState.PAUSED, DomainState.PMSUSPENDED)
    if wanted is StateFilter.SAVED:
        return obj.managed_save and not obj.state.is_active
    return obj.state == DomainState.SHUTOFF and not obj.managed_save  # SHUTOFF


def _vlans(obj: Snapshot) -> tuple[int, ...]:
    if isinstance(obj, NetworkInfo):
        return obj.vlans
    if isinstance(obj, InterfaceInfo) and obj.vlan is not None:
        return (obj.vlan,)
    return ()


@dataclass(frozen=True, slots=True)
class FilterQuery:
    words: tuple[str, ...] = ()
    state: StateFilter = StateFilter.ANY
    vlan: int | None = None
    # Words we could not use, as (what, value): ("state", "bogus") or ("vlan", "5000"). The UI
    # words the message, so it can be translated.
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.words and self.state is StateFilter.ANY and self.vlan is None

    def matches(self, obj: Snapshot, texts: Sequence[str]) -> bool:
        """`texts` are the object's shown column texts (the name among them)."""
        if not matches_state(obj, self.state):
            return False
        if self.vlan is not None and self.vlan not in _vlans(obj):
            return False
        haystack = [t.casefold() for t in texts]
        return all(any(word in text for text in haystack) for word in self.words)


def parse_query(text: str, state: StateFilter = StateFilter.ANY) -> FilterQuery:
    """Parse the filter box.

    `state` comes from the state combo box and a `state:` word overrides it.
    """
    words: list[str] = []
    vlan: int | None = None
    problems: list[tuple[str, str]] = []
    for word in text.split():
        key, sep, value = word.partition(":")
        if sep and key.casefold() == "state":
            try:
                state = StateFilter(value.casefold())
            except ValueError:
                problems.append(("state", value))
        elif sep and key.casefold() == "vlan":
            if value.isdigit() and 1 <= int(value) <= 4094:
                vlan = int(value)
            else:
                problems.append(("vlan", value))
        else:
            words.append(word.casefold())
    return FilterQuery(tuple(words), state, vlan, tuple(problems))
