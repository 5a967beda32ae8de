"""Translated texts shared by the performance pages and the sparklines."""

from kvmgui.core import units
from kvmgui.logic.pinning_rules import cpus_text
from kvmgui.ui.i18n import TranslationContext, translate_message
from kvmgui.stats.placement import VcpuPlacement

# Time windows the Performance page offers, seconds.
WINDOWS_S = (60, 300, 900, 1800, 3600)
DEFAULT_WINDOW_S = 60  # a live view: the last minute, like virt-manager; longer on demand
# Sampling intervals offered, seconds (the minimum is SamplingConfig's MIN_INTERVAL_S).
INTERVALS_S = (0.5, 1.0, 2.0, 5.0, 10.0)


class PerfTexts(TranslationContext):
    """Translation context of the performance pages' shared texts."""


def window_text(seconds: int) -> str:
    if seconds % 3600 == 0:
        return PerfTexts.tr("%d h") % (seconds // 3600)
    return PerfTexts.tr("%d min") % (seconds // 60)


def interval_text(seconds: float) -> str:
    return PerfTexts.tr("every %s s") % f"{seconds:g}"


def vcpu_placement_text(p: VcpuPlacement) -> str:
    """'vCPU 0 → thread 12345 on CPU 1' (thread ids only exist for local QEMU domains)."""
    if p.thread_id is None:
        thread = PerfTexts.tr("thread unknown")
    else:
        thread = PerfTexts.tr("thread %d") % p.thread_id
    if p.cpu is None:
        return PerfTexts.tr("vCPU %d → %s, not on a CPU") % (p.vcpu, thread)
    return PerfTexts.tr("vCPU %d → %s on CPU %d") % (p.vcpu, thread, p.cpu)


def pinned_text(p: VcpuPlacement) -> str:
    """' · pinned to CPUs 0-1' after a pinned vCPU's placement ('' when it is not pinned)."""
    if p.pinned is None:
        return ""
    return PerfTexts.tr(" · pinned to %s") % translate_message(cpus_text(p.pinned))


def vcpu_label(vcpu: int, thread_id: int | None) -> str:
    """Legend label of a vCPU line."""
    if thread_id is None:
        return PerfTexts.tr("vCPU %d") % vcpu
    return PerfTexts.tr("vCPU %d (thread %d)") % (vcpu, thread_id)


def cpu_label(cpu: int, online: bool | None) -> str:
    """A host CPU row: 'CPU 3', or 'CPU 3 (offline)' when the host says so."""
    if online is False:
        return PerfTexts.tr("CPU %d (offline)") % cpu
    return PerfTexts.tr("CPU %d") % cpu


def no_cpu_label() -> str:
    return PerfTexts.tr("Not on a CPU")


def vcpu_count_text(count: int) -> str:
    return PerfTexts.tr("%n vCPU(s)", "", count)


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} %"


def mib(value: float) -> str:
    return units.format_bytes(value * 1024 * 1024)


def gib(value: float) -> str:
    return units.format_bytes(value * 1024 ** 3)
