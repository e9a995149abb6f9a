"""An unexpected exception (a bug): what the log keeps and what helpdesk gets.

The window's hook (``app/ui/crash_dialog.py``) and the headless commands' hook
(:func:`install_logging_hooks`) both capture a :class:`Crash` here, log it through
the scrubbing rule (:mod:`app.services.scrub`) and, in the window, show it once.
:func:`debug_info` is the text the dialog's "Kopioi vianetsintätiedot" puts on the
clipboard: versions, platform, time, the exception's type and its frames (file,
line, function), and nothing an exception says or a variable holds.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType

import app
from app.domain.clock import utc_now
from app.services.scrub import Frames, frame_lines, frames_of, type_name

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Crash:
    """One unexpected exception, without its message or any value it carried."""

    kind: type[BaseException]
    frames: tuple[str, ...]
    """``file:line in function`` of each frame, outermost first."""
    traceback: Frames
    """For the log: the whole chain, a data-free type's message included."""
    bare_traceback: Frames
    """For the clipboard: the whole chain, no message at all."""
    thread: str
    at: dt.datetime

    @classmethod
    def capture(
        cls,
        kind: type[BaseException],
        error: BaseException | None,
        tb: TracebackType | None,
        thread: str,
    ) -> Crash:
        frames = tuple(line.strip() for line in frame_lines(tb))
        if error is None:
            text = "\n".join(["Traceback (most recent call last):", *frame_lines(tb)])
            traceback = bare = Frames(f"{text}\n{type_name(kind)}")
        else:
            traceback, bare = frames_of(error), frames_of(error, messages=False)
        return cls(kind, frames, traceback, bare, thread, utc_now())

    @property
    def key(self) -> tuple[str, str]:
        """The same crash again: its type and where it happened (the innermost frame)."""
        return type_name(self.kind), self.frames[-1] if self.frames else ""


def log_crash(crash: Crash) -> None:
    log.critical("unexpected %s\n%s", crash.kind, crash.traceback)


class SeenCrashes:
    """Which crashes were already shown in this run; safe from any thread."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def first_time(self, crash: Crash) -> bool:
        with self._lock:
            if crash.key in self._seen:
                return False
            self._seen.add(crash.key)
            return True


def debug_info(crash: Crash, versions: Mapping[str, str] | None = None) -> str:
    """The text helpdesk gets: ``versions`` adds lines such as the Qt version."""
    import platform  # here, not at start: the log's hooks are installed before the window

    lines = [
        f"app: paivystys {app.__version__}",
        f"platform: {platform.platform()}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        *(f"{name}: {value}" for name, value in (versions or {}).items()),
        f"time: {crash.at.isoformat(timespec='seconds')}",
        f"thread: {crash.thread}",
        f"exception: {type_name(crash.kind)}",
        crash.bare_traceback,
    ]
    return "\n".join(lines) + "\n"


def install_logging_hooks() -> None:
    """Log every uncaught exception (scrubbed) before the hook there was handles it: for
    the headless commands, whose stderr a person reads. The window puts its own on top."""
    previous = sys.excepthook
    previous_threading = threading.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log_crash(Crash.capture(kind, error, tb, threading.current_thread().name))
        previous(kind, error, tb)

    def threading_hook(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            name = args.thread.name if args.thread is not None else "?"
            log_crash(Crash.capture(args.exc_type, args.exc_value, args.exc_traceback, name))
        previous_threading(args)

    sys.excepthook = hook
    threading.excepthook = threading_hook
