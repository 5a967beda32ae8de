"""GUI tests: the real application objects on libvirt's test driver, offscreen.

test:///default is reached through the `default_conn` fixture of tests/conftest.py; every test
that uses Qt is checked for leftovers (threads, timers, windows) by leak_helpers.no_leftovers."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import fixture_helpers
import leak_helpers
from fixture_helpers import StartApp

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.i18n import install_translations

# The shared fixtures, bound here so pytest offers them to every test of this directory.
isolated_settings = fixture_helpers.isolated_settings
start_app = fixture_helpers.start_app
no_leftovers = leak_helpers.no_leftovers


@pytest.fixture
def demo_app(start_app: StartApp) -> Application:
    return start_app(demo_host_uri())


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QLocale]:
    """kvmgui's and Qt's zh_CN catalogues installed for one test, removed afterwards."""
    before = set(qapp.findChildren(QTranslator))
    default = QLocale()
    locale = install_translations(qapp, "zh_CN")
    yield locale
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(default)
