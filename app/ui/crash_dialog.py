"""The window's crash handler: an unexpected exception is logged, and shown once.

``sys.excepthook`` (an exception in a slot or an event handler on the GUI thread)
and ``threading.excepthook`` (one that ended a worker thread) both land in
:meth:`CrashHandler.report`. It logs the crash right there, scrubbed, in the thread
it happened in (``app/services/crash.py``), and posts it to the GUI thread through a
queued signal, as the :class:`~app.ui.message_bar.MessageBridge` takes a thread's
message there: the hook returns at once, so no worker ever waits for the dialog.

On the GUI thread each distinct crash (its type and innermost frame) opens one
non-modal :class:`CrashDialog` per run; the same crash again is only logged. The
dialog says what the worker needs (saved entries are safe, call helpdesk) and its
"Kopioi vianetsintätiedot" puts :func:`~app.services.crash.debug_info` on the
clipboard: versions, time, the exception's type and frames, never its message.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

import PySide6
from PySide6.QtCore import QObject, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.services.crash import Crash, SeenCrashes, debug_info, log_crash
from app.ui.focus import activate, show_focus

log = logging.getLogger(__name__)

_SysHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
_ThreadHook = Callable[[threading.ExceptHookArgs], Any]


def qt_versions() -> dict[str, str]:
    return {"qt": f"{qVersion()} (PySide6 {PySide6.__version__})"}


class CrashDialog(QDialog):
    """What the worker sees of a crash: what it means, and the debug text to copy."""

    def __init__(self, crash: Crash, parent: QWidget | None = None) -> None:
        # Imported here: the handler is installed before the window shows, the dialog
        # is needed only after a crash.
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.debug_text = debug_info(crash, qt_versions())
        self.setWindowTitle(self.tr("Odottamaton virhe"))
        self.setModal(False)
        heading = QLabel(self.tr("Odottamaton virhe"))
        heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        explanation = QLabel(
            self.tr(
                "Päivystyksessä tapahtui odottamaton virhe. Tallennetut kirjaukset ovat "
                "tallessa. Ota yhteys helpdeskiin: kerro, mitä olit tekemässä, ja liitä mukaan "
                "vianetsintätiedot. Jos ikkuna ei toimi kuten ennen, sulje Päivystys ja "
                "käynnistä se uudelleen."
            )
        )
        explanation.setWordWrap(True)
        self.copied = QLabel()
        self.copied.setObjectName("crashCopied")
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Kopioi vianetsintätiedot"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.clicked.connect(self.copy_debug_info)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Sulje"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, explanation, self.copied, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)
        show_focus(self)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()

    @Slot()
    def copy_debug_info(self) -> None:
        QGuiApplication.clipboard().setText(self.debug_text)
        self.copied.setText(self.tr("Vianetsintätiedot kopioitu leikepöydälle."))


class CrashHandler(QObject):
    """Installs the hooks; shows each distinct crash once, on the GUI thread.

    Signals:
        crashed(object): an unexpected exception happened (a :class:`Crash`), posted
            from the thread it happened in; shown later, from the GUI thread's event loop.
    """

    crashed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seen = SeenCrashes()
        self.dialogs: list[CrashDialog] = []
        self._previous: tuple[_SysHook, _ThreadHook] | None = None
        # Queued from another thread; from the GUI thread, postponed by _show: either way
        # the dialog opens from the event loop, never inside the code that failed. (Not
        # Qt.ConnectionType.QueuedConnection: importing Qt's namespace costs the app's
        # start some 20 ms, before its window shows.)
        self.crashed.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_excepthook

    def uninstall(self) -> None:
        if self._previous is None:
            return
        previous, previous_threading = self._previous
        self._previous = None
        if sys.excepthook == self._excepthook:
            sys.excepthook = previous
        if threading.excepthook == self._threading_excepthook:
            threading.excepthook = previous_threading

    def report(
        self,
        kind: type[BaseException],
        error: BaseException | None,
        tb: TracebackType | None,
        thread: str,
    ) -> None:
        """Log the crash here and now, and post it to the GUI thread; from any thread."""
        crash = Crash.capture(kind, error, tb, thread)
        log_crash(crash)
        # RuntimeError: the handler went with the application; the log has the crash.
        with contextlib.suppress(RuntimeError):
            self.crashed.emit(crash)

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, tb)
            return
        self.report(kind, error, tb, threading.current_thread().name)

    def _threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, name)

    @Slot(object)
    def _show(self, crash: Crash) -> None:
        QTimer.singleShot(0, lambda: self._show_now(crash))

    def _show_now(self, crash: Crash) -> None:
        if not self.seen.first_time(crash):
            log.info("the same crash again: logged, not shown")
            return
        parent = QApplication.activeWindow()
        dialog = CrashDialog(crash, parent)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialogs.append(dialog)
        dialog.show()
        activate(dialog)

    def _closed(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
