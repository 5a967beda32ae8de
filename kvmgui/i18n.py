"""Translations: kvmgui's own (.qm files in resources/translations) and Qt's for standard dialogs.

The language comes from --lang or the system locale. Pure layers (xml, topology, stats) return
English messages with a `template` and `args`; `translate_template` runs them through the same
catalogue under the context "Messages".
"""

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kvmgui import log
from kvmgui.resources_path import resource


def install_translations(app: QCoreApplication, lang: str | None) -> QLocale:
    """Load kvmgui's and Qt's catalogues for `lang` (e.g. "zh_CN"), or the system locale."""
    locale = QLocale(lang) if lang else QLocale.system()
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if ours.load(locale, "kvmgui", "_", str(resource("translations"))):
        app.installTranslator(ours)
    elif locale.language() not in (QLocale.Language.English, QLocale.Language.C):
        log.app.info("no kvmgui translation for %s", locale.name())
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return locale


def translate_template(template: str, args: Iterable[tuple[str, object]] = ()) -> str:
    """Translate a "{name}"-style message template from a pure layer, then fill in `args`."""
    return QCoreApplication.translate("Messages", template).format(**dict(args))
