"""Starting the GUI: the application object, translations, the main window.

Source strings are Finnish, so Finnish needs no translation file; Swedish and
English come from ``app/ui/i18n/paivystys_<lang>.qm`` when present. Qt's own
texts (standard buttons, calendar) come from Qt's translations.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.services.context import AppContext
from app.ui.collector import GuiThreadCollector
from app.ui.crash_dialog import CrashHandler
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).with_name("i18n")
_LOCALES = {
    "fi": QLocale(QLocale.Language.Finnish, QLocale.Country.Finland),
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Finland),
    "en": QLocale(QLocale.Language.English, QLocale.Country.Finland),
}


def install_translations(app: QCoreApplication, language: str) -> None:
    """Install the app's and Qt's translators for ``language`` ("fi", "sv" or "en")."""
    locale = _LOCALES.get(language, _LOCALES["fi"])
    # Dates and numbers follow the UI language, not the machine's locale.
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
    if language == "fi":
        return
    translator = QTranslator(app)
    if translator.load(locale, "paivystys", "_", str(TRANSLATIONS)):
        app.installTranslator(translator)
    else:
        log.info("no %s translation installed: the interface stays in Finnish", language)


def run(context: AppContext, argv: list[str]) -> int:
    """Show the main window and run the event loop; returns the exit code.

    The caller owns the context: it closes the workstation after this returns,
    when the window has already waited for its background work.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("paivystys")
    # From here on a bug in a slot or a thread is logged and shown, not lost on stderr.
    crashes = CrashHandler(app)
    crashes.install()
    collector = GuiThreadCollector(app)
    try:
        # Read here, before any widget exists: the language decides every text.
        # Nothing is on screen yet, so this small read blocks no one.
        settings = context.settings.load()
        install_translations(app, settings.language)
        window = MainWindow(context, initial_settings=settings)
        window.show()
        try:
            return app.exec()
        finally:
            window.shutdown()
    finally:
        collector.stop()
        crashes.uninstall()
