"""The domain type chooser (kvm, qemu, ...) of the new-VM wizard and the domain editor."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from kvmgui.logic.guest_types import KVM, QEMU


def domain_type_label(domain_type: str) -> str:
    if domain_type == KVM:
        return QCoreApplication.translate("GuestTypeCombo", "KVM (hardware virtualization)")
    if domain_type == QEMU:
        return QCoreApplication.translate("GuestTypeCombo",
                                          "QEMU emulation (TCG, several times slower)")
    return domain_type


def guest_type_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(QCoreApplication.translate("GuestTypeCombo", "Domain type"))
    return combo


def fill_domain_types(combo: QComboBox, offered: Sequence[str], current: str) -> None:
    """``offered`` types, plus ``current`` marked as not offered when the host lacks it;
    ``current`` selected.  No signals while filling: this is loading, not an edit."""
    combo.blockSignals(True)
    try:
        combo.clear()
        for domain_type in offered:
            combo.addItem(domain_type_label(domain_type), domain_type)
        if current and current not in offered:  # with nothing offered, nothing is known
            label = domain_type_label(current)
            if offered:
                label = QCoreApplication.translate("GuestTypeCombo",
                                                   "%s (not offered by this host)") % label
            combo.addItem(label, current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
    finally:
        combo.blockSignals(False)
