"""Python's cycle collector, run on the GUI thread only.

CPython runs its cyclic garbage collector in whichever thread happens to
allocate when a generation's threshold is passed: often a background thread
(the outbox opening, a connector's answer). If the cycle it frees holds a Qt
wrapper, the QObject is destroyed in a thread that does not own it, and the
process can crash (seen here as a segmentation fault while a worker thread
opened the outbox). So automatic collection is off while the window runs, and
a timer on the GUI thread collects with the same thresholds instead: the
approach Calibre has used for years.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Turns automatic collection off; collects from the GUI thread's event loop."""

    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.setObjectName("guiThreadCollector")
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect each generation whose count passed its threshold, youngest first."""
        young, middle, old = gc.get_count()
        first, second, third = self._threshold
        if young > first:
            gc.collect(0)
            if middle > second:
                gc.collect(1)
                if old > third:
                    gc.collect(2)

    def stop(self) -> None:
        """Automatic collection as it was; one last collection here, on the GUI thread."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
