"""How much of its memory a guest uses (pure): the one rule behind every "used memory" figure."""


def used_memory_kib(current_kib: float | None, unused_kib: float | None,
                    rss_kib: float | None) -> float | None:
    """KiB the guest uses: its balloon size minus what the guest reports unused; without the
    guest's balloon statistics, the RSS of its process on the host; None when neither is known.

    The guest's own figure comes first: QEMU's RSS also counts pages the guest freed long ago.
    """
    if current_kib is not None and unused_kib is not None:
        return current_kib - unused_kib
    return rss_kib
