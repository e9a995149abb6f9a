"""What waits for the main window's first paint: the rest of start-up, and the start-up
benchmark's report.

:func:`after_first_paint` runs a callback once the window's first paint is done (the
app then loads its session: :func:`app.ui.app.start`).

:func:`report_first_paint` is the benchmark's hook, off unless the environment names
a file descriptor in ``PAIVYSTYS_BENCH_SHOWN_FD`` (``bench/startup.py`` sets it for
the child it starts; its bare PySide6 program does the same thing). Then the window's
first paint writes ``shown <ns>\\n`` to that descriptor, ``<ns>`` being
``time.monotonic_ns()`` (the clock the benchmark started the process by); the app
writes ``filled <ns>\\n`` when its window has been filled in (:func:`report_filled`)
and closes it. Nothing else is written; no client data exists yet.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENVIRONMENT = "PAIVYSTYS_BENCH_SHOWN_FD"

# The benchmark's descriptor while a line is still to come.
_report: int | None = None


def _write(line: str, *, last: bool) -> None:
    global _report  # noqa: PLW0603 - the one descriptor of this process
    descriptor = _report
    if descriptor is None:
        return
    try:
        os.write(descriptor, f"{line} {time.monotonic_ns()}\n".encode("ascii"))
        if last:
            _report = None
            os.close(descriptor)
    except OSError:
        _report = None  # the benchmark went away: nothing to tell


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
    global _report  # noqa: PLW0603 - the one descriptor of this process
    value = os.environ.pop(ENVIRONMENT, "")
    if not value.isdigit():
        return
    _report = int(value)
    # Installed last, so called first: before anything else waiting for this paint.
    window.installEventFilter(_FirstPaint(lambda: _write("shown", last=False), window))


def report_filled() -> None:
    """Tell the benchmark, if it asked, that the window has been filled in."""
    _write("filled", last=True)
