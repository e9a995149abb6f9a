"""What waits for the main window's first paint: the rest of start-up, and the start-up
benchmark's report.

:func:`after_first_paint` runs a callback once the window's first paint is done (the
app then loads its session: :func:`app.ui.app.start`).

:func:`report_first_paint` is the benchmark's hook, off unless the environment names
a file descriptor in ``PAIVYSTYS_BENCH_SHOWN_FD`` (``bench/startup.py`` sets it for
the child it starts; its bare PySide6 program does the same thing). Then the window's
first paint writes ``shown <ns>\\n`` to that descriptor, ``<ns>`` being
``time.monotonic_ns()`` (the clock the benchmark started the process by), and closes
it. Nothing else is written; no client data exists yet.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENVIRONMENT = "PAIVYSTYS_BENCH_SHOWN_FD"


class _FirstPaint(QObject):
    """Calls ``on_paint`` as the watched widget's first paint begins, once."""

    def __init__(self, on_paint: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._on_paint: Callable[[], None] | None = on_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._on_paint is not None:
            on_paint, self._on_paint = self._on_paint, None
            watched.removeEventFilter(self)
            on_paint()
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread's event loop once ``window``'s first paint is done."""
    window.installEventFilter(_FirstPaint(lambda: QTimer.singleShot(0, callback), window))


def report_first_paint(window: QWidget) -> None:
    """When the benchmark asks for it, tell it when ``window``'s first paint begins."""
    value = os.environ.pop(ENVIRONMENT, "")
    if not value.isdigit():
        return
    descriptor = int(value)

    def report() -> None:
        try:
            os.write(descriptor, f"shown {time.monotonic_ns()}\n".encode("ascii"))
            os.close(descriptor)
        except OSError:
            pass  # the benchmark went away: nothing to tell

    # Installed last, so called first: before anything else waiting for this paint.
    window.installEventFilter(_FirstPaint(report, window))
