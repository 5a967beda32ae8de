"""Is hardware virtualization usable on this machine? (local connections only)"""

import os

from kvmgui.core.snapshots import HwVirt


def cpu_virt_flag(cpuinfo: str) -> str:
    """Return "vmx" or "svm" if any CPU's flags line has it."""
    for line in cpuinfo.splitlines():
        if line.startswith("flags"):
            flags = set(line.partition(":")[2].split())
            for flag in ("vmx", "svm"):
                if flag in flags:
                    return flag
    return ""


def probe_local(cpuinfo_path: str = "/proc/cpuinfo", kvm_path: str = "/dev/kvm") -> HwVirt:
    try:
        with open(cpuinfo_path, encoding="utf-8", errors="replace") as f:
            flag = cpu_virt_flag(f.read())
    except OSError:
        flag = ""
    exists = os.path.exists(kvm_path)
    return HwVirt(flag, exists, exists and os.access(kvm_path, os.R_OK | os.W_OK))
