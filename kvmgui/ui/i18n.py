"""Translations: kvmgui's own (.qm files in resources/translations) and Qt's for standard dialogs.

The language comes from --lang or the system locale. Pure layers (xml, topology, stats) return
English messages with a `template` and `args`; `translate_template` runs them through the same
catalogue under the context "Messages".
"""

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kvmgui.core import log
from kvmgui.core.message import Message
from kvmgui.core.resource_paths import resource


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


class TranslationContext:
    """A translation context for module-level code, named by a subclass: after
    ``class Summary(TranslationContext): ...``, ``Summary.tr("Memory")`` translates "Memory"
    under the context "Summary" -- and lupdate files a ``Summary.tr("...")`` call under that
    same context (a module-level helper taking the text as a variable would hide it).
    """

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


# CJK translations append the mnemonic: "文件(&F)" for "&File".
_APPENDED_MNEMONIC = re.compile(r"\(&[^&\s]\)")


def without_appended_mnemonic(text: str) -> str:
    """`text` without a "(&F)" mnemonic and "…": for a toolbar button, where Qt removes only the
    "&" and would show "文件(F)"."""
    return _APPENDED_MNEMONIC.sub("", text).replace("…", "").strip()


def translate_template(template: str, args: Iterable[tuple[str, object]] = ()) -> str:
    """Translate a "{name}"-style message template from a pure layer, then fill in `args`
    (an argument that is a Message is translated the same way first)."""
    values = {name: _argument(value) for name, value in args}
    try:
        return QCoreApplication.translate("Messages", template).format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
        return template.format(**values)


def translate_message(message: Message) -> str:
    return translate_template(message.template, message.args)


def _argument(value: object) -> object:
    return translate_message(value) if isinstance(value, Message) else value
