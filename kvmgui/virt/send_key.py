"""Key presses sent to a guest through libvirt (virDomainSendKey), as a worker job.

This reaches the guest's keyboard without a console connection, so "Send key" works for any
running domain whose driver implements it (QEMU and the test driver do).
"""

from collections.abc import Sequence

import libvirt

from kvmgui.virt.actions import Job

# How long the keys are held down together before they are released, in milliseconds
# (0 lets libvirt pick its default, which some guests miss for Ctrl+Alt+Del).
HOLD_MS = 100
MAX_KEYS = 16  # libvirt's VIR_DOMAIN_SEND_KEY_MAX_KEYS


def send_keys(uuid: str, linux_codes: Sequence[int]) -> Job:
    """A job pressing `linux_codes` (Linux input key codes, held in order, released together)."""
    codes = [int(code) for code in linux_codes]
    if not 0 < len(codes) <= MAX_KEYS:
        raise ValueError(f"between 1 and {MAX_KEYS} keys can be sent at once, not {len(codes)}")

    def job(conn: libvirt.virConnect) -> None:
        conn.lookupByUUIDString(uuid).sendKey(libvirt.VIR_KEYCODE_SET_LINUX, HOLD_MS, codes,
                                              len(codes), 0)
    return job
