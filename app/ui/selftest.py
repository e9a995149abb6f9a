"""The self-test's Qt part (``paivystys --self-test``): Qt starts offscreen and a main
window can be shown. The checks themselves are :mod:`app.services.selftest`."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler, qVersion
from PySide6.QtWidgets import QApplication, QMainWindow

PLATFORM = "offscreen"


def show_window(fatal: Callable[[str], object]) -> str:
    """Start Qt offscreen, show a main window, close it; what ran ("Qt 6.9.1, offscreen").

    A fatal Qt error (a platform plugin that cannot load) would abort the process
    with no report: ``fatal`` is called instead, which reports and exits.
    """
    os.environ["QT_QPA_PLATFORM"] = PLATFORM

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            fatal(f"Qt cannot start: {message}")

    previous = qInstallMessageHandler(handler)
    try:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(["paivystys"])
        window = QMainWindow()
        window.setWindowTitle("Päivystys – itsetesti")
        window.show()
        app.processEvents()
        shown = window.isVisible()
        window.close()
        window.deleteLater()
        app.processEvents()
        if not shown:
            raise RuntimeError("the main window was not shown")
        return f"Qt {qVersion()}, {app.platformName()}"
    finally:
        qInstallMessageHandler(previous)
