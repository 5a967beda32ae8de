"""The domain type chooser (kvm, qemu, ...) of the new-VM wizard and the domain editor."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from kvmgui.logic.guest_types import KVM, QEMU


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuestTypeCombo", text)


def domain_type_label(domain_type: str) -> str:
    if domain_type == KVM:
        return _tr("KVM (hardware virtualization)")
    if domain_type == QEMU:
        return _tr("QEMU emulation (TCG, several times slower)")
    return domain_type


def guest_type_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(_tr("Domain type"))
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
            combo.addItem(_tr("%s (not offered by this host)") % label if offered else label,
                          current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
    finally:
        combo.blockSignals(False)
