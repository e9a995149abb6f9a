"""The start-up benchmark's baseline: a bare PySide6 program that shows one QMainWindow.

``python -m bench.bare_window``: it tells the benchmark of its window's first paint
exactly as the app does (:mod:`app.ui.first_show`, repeated here so that nothing of
``app`` is imported), then runs its event loop until it is terminated.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ENVIRONMENT = "PAIVYSTYS_BENCH_SHOWN_FD"


class FirstPaint(QObject):
    def __init__(self, descriptor: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._descriptor = descriptor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._descriptor >= 0:
            descriptor, self._descriptor = self._descriptor, -1
            watched.removeEventFilter(self)
            os.write(descriptor, f"shown {time.monotonic_ns()}\n".encode("ascii"))
            os.close(descriptor)
        return False


def main() -> int:
    application = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Päivystys")
    window.resize(1200, 780)
    value = os.environ.pop(ENVIRONMENT, "")
    if value.isdigit():
        window.installEventFilter(FirstPaint(int(value), window))
    window.show()
    return application.exec()


if __name__ == "__main__":
    sys.exit(main())
