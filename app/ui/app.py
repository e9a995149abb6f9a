"""Starting the GUI: the application object, translations, the main window.

The app (:func:`start`) shows the window's frame first and fills it in: the policy,
the session (training systems, sign-ins, connectors) and the window's parts are
loaded on a thread of their own once the frame is painted, then the window is
built on them. :func:`run` shows a window on a context built already (tests).

Source strings are Finnish, so Finnish needs no translation file; Swedish and
English come from ``app/ui/i18n/paivystys_<lang>.qm`` when present. Qt's own
texts (standard buttons, calendar) come from Qt's translations.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication

from app.domain.language import Language, choose_language
from app.services.settings import SettingsStore
from app.ui.collector import GuiThreadCollector
from app.ui.crash_dialog import CrashHandler
from app.ui.first_show import after_first_paint, report_filled, report_first_paint
from app.ui.main_window import MainWindow, load_parts

if TYPE_CHECKING:
    from app.services.context import AppContext

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).with_name("i18n")
# The translators the last install_translations put in place (one language at a time).
_INSTALLED: list[QTranslator] = []
_LOCALES = {
    "fi": QLocale(QLocale.Language.Finnish, QLocale.Country.Finland),
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Finland),
    "en": QLocale(QLocale.Language.English, QLocale.Country.Finland),
}


def install_translations(
    app: QCoreApplication, language: str, directory: Path = TRANSLATIONS
) -> list[QTranslator]:
    """Install the app's and Qt's translators for ``language`` ("fi", "sv" or "en")
    from ``directory``, in place of those an earlier call installed; returns them."""
    from app.services.documents import wording

    while _INSTALLED:
        app.removeTranslator(_INSTALLED.pop())

    locale = _LOCALES.get(language, _LOCALES["fi"])
    # Dates and numbers follow the UI language, not the machine's locale.
    QLocale.setDefault(locale)
    # The printed documents too (their words are in these translations).
    wording.set_translate(None if language == "fi" else QCoreApplication.translate)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language != "fi":
        translator = QTranslator(app)
        if translator.load(locale, "paivystys", "_", str(directory)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no %s translation installed: the interface stays in Finnish", language)
    _INSTALLED.extend(installed)
    return installed


def _application(argv: list[str]) -> tuple[QApplication, CrashHandler, GuiThreadCollector]:
    """The application (the one that exists, or a new one), with the crash handler
    installed: from here on a bug in a slot or a thread is logged and shown, not lost
    on stderr. The caller stops the collector and uninstalls the handler."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("paivystys")
    crashes = CrashHandler(app)
    crashes.install()
    return app, crashes, GuiThreadCollector(app)


def run(context: AppContext, argv: list[str]) -> int:
    """Show the main window and run the event loop; returns the exit code.

    The caller owns the context: it closes the workstation after this returns,
    when the window has already waited for its background work.
    """
    app, crashes, collector = _application(argv)
    try:
        # Read here, before any widget exists: the language decides every text.
        # Nothing is on screen yet, so this small read blocks no one.
        settings = context.settings.load()
        policy_language = context.policy.duty_unit.language
        install_translations(
            app, choose_language(None, settings.language, policy_language), TRANSLATIONS
        )
        window = MainWindow(context, initial_settings=settings)
        report_first_paint(window)  # the start-up benchmark's, when it asks
        window.show()
        try:
            return app.exec()
        finally:
            window.shutdown()
    finally:
        collector.stop()
        crashes.uninstall()


class _Session(QObject):
    """Opens the window's context on a thread of its own (``on_context`` runs there with
    it); tells the GUI thread (``on_opened``)."""

    opened = Signal()

    def __init__(
        self,
        open_context: Callable[[], AbstractContextManager[AppContext]],
        on_opened: Callable[[], None],
        on_context: Callable[[AppContext], None] | None = None,
    ) -> None:
        super().__init__()
        self._open_context = open_context
        self._on_opened = on_opened
        self._on_context = on_context
        # This object lives on the GUI thread: the thread's signal is queued to it.
        self.opened.connect(self._opened)
        self.stack = ExitStack()
        self.context: AppContext | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, name="paivystys-start", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _open(self) -> None:
        try:
            # The policy is read, the training systems started, the sign-ins and the
            # connectors made: disk and network, so never on the GUI thread.
            self.context = self.stack.enter_context(self._open_context())
            if self._on_context is not None:
                self._on_context(self.context)
            load_parts(self.context.policy)
        except BaseException as error:
            self.error = error
        self.opened.emit()

    @Slot()
    def _opened(self) -> None:
        self._on_opened()

    def join(self) -> None:
        if self._thread.ident is not None:  # started
            self._thread.join()


def start(
    open_context: Callable[[], AbstractContextManager[AppContext]],
    settings_store: SettingsStore,
    training: bool,
    argv: list[str],
    language: Language | None = None,
) -> int:
    """The app's start: the window's frame at once, filled in when ``open_context`` has
    given the session (entered off the GUI thread, left here after the window closed).
    ``language`` (``--lang``) overrides the worker's settings for this run.

    The frame speaks the language the settings say: the worker's choice, else the
    policy's default as the last start read it. When the policy read now says otherwise
    (and neither ``--lang`` nor the worker's choice applies), the empty frame is made
    again in that language before it is filled, and the settings remember it for the
    next start.

    An exception from ``open_context`` (a policy that cannot be used, a classroom
    server that does not answer) closes the frame and is raised from here.
    """
    app, crashes, collector = _application(argv)
    frames: list[MainWindow] = []  # the frame shown now is the last
    session: _Session | None = None
    try:
        # Read here, before any widget exists: the language decides every text.
        # Nothing is on screen yet, so this small read blocks no one.
        settings = settings_store.load()
        shown_language = choose_language(language, settings.language, settings.policy_language)
        install_translations(app, shown_language, TRANSLATIONS)
        window = MainWindow(None, training=training)
        frames.append(window)

        def remember(context: AppContext) -> None:
            # On the session's thread: a small write, before the window is filled.
            policy_language = context.policy.duty_unit.language
            if policy_language != settings.policy_language:
                _remember_policy_language(settings_store, policy_language)

        def fill() -> None:
            assert session is not None
            shown = frames[-1]
            if session.error is not None or session.context is None:
                # The loop ends first and the frame closes after: closed within the loop,
                # the last window would post a quit event that a later loop would get.
                app.exit(1)
            elif shown.isVisible():  # else closed before it was filled in: the loop ends
                policy_language = session.context.policy.duty_unit.language
                wanted = choose_language(language, settings.language, policy_language)
                if wanted != shown_language:
                    shown = _remade(app, shown, wanted, training)
                    frames.append(shown)
                shown.fill(session.context, initial_settings=settings)
                report_filled()  # the start-up benchmark's, when it asks

        session = _Session(open_context, fill, remember)
        after_first_paint(window, session.start)
        report_first_paint(window)  # the start-up benchmark's, when it asks
        window.show()
        code = app.exec()
        if session.error is not None:
            frames[-1].close()
            raise session.error
        return code
    finally:
        if frames:  # the one shown last (a frame made again was closed already)
            frames[-1].shutdown()
        if session is not None:
            session.join()
            session.stack.close()
        collector.stop()
        crashes.uninstall()


def _remade(app: QApplication, frame: MainWindow, language: Language, training: bool) -> MainWindow:
    """``frame`` (shown, not filled) made again in ``language``, shown where it was; the
    old one closes once the new one shows, so the loop goes on."""
    install_translations(app, language, TRANSLATIONS)
    remade = MainWindow(None, training=training)
    remade.restoreGeometry(frame.saveGeometry())
    remade.show()
    frame.close()
    frame.deleteLater()
    return remade


def _remember_policy_language(store: SettingsStore, language: Language | None) -> None:
    """Keep the policy's default language in the settings for the next start; a failure
    costs only that start's remaking of the frame."""
    try:
        store.save(replace(store.load(), policy_language=language))
    except OSError as error:
        log.warning("the policy's language not kept in the settings: %s", error.strerror)
