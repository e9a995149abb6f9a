"""The log files helpdesk reads: where they are, how they rotate, who may read them.

A desktop launcher throws stderr away, so the entry point sets logging up first
thing (:func:`setup_logging`): a rotating file in the platform's log folder
(``paths.user_log_dir()``), :data:`MAX_BYTES` × :data:`BACKUPS` backups, the file
0600 in a 0700 folder, one file for the window and one for the headless commands
(two processes never rotate one file under each other). Every handler carries a
:class:`~app.services.scrub.ScrubFilter`: what it guarantees is in
``docs/logs.md``. The level is INFO unless :data:`LEVEL_VARIABLE` names another
(``PAIVYSTYS_LOG_LEVEL=DEBUG``). Warnings and worse also go to stderr.

A fatal error below Python (a crash in Qt's C++) leaves nothing in the log; for
that, :mod:`faulthandler` writes the Python frames of every thread to
:data:`FATAL_FILE` beside it: file, line and function, no values.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import platform
import sys
from dataclasses import dataclass, field
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

import app
from app.domain.clock import utc_from_epoch, utc_now
from app.services import paths
from app.services.scrub import ScrubFilter

LOG_FILES = {"gui": "paivystys.log", "cli": "paivystys-cli.log"}
"""The file of each program: the window, and the headless commands."""
FATAL_FILE = "fatal.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
LEVEL_VARIABLE = "PAIVYSTYS_LOG_LEVEL"
PRIVATE_FILE = 0o600
PRIVATE_DIRECTORY = 0o700
FORMAT = "%(asctime)s %(process)d %(threadName)s %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def _open_private(path: Path) -> int:
    """A descriptor appending to ``path``, which is (made) readable by its owner only."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
    if sys.platform != "win32":
        # A file an older version (or another umask) made stays no looser than this.
        os.fchmod(descriptor, PRIVATE_FILE)
    return descriptor


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file, the first and each after a rotation, is 0600."""

    def _open(self) -> TextIOWrapper:
        # Text mode, as logging opens it; the handler owns and closes the stream.
        stream = open(  # noqa: SIM115
            _open_private(Path(self.baseFilename)),
            "a",
            encoding=self.encoding,
            errors=self.errors,
        )
        assert isinstance(stream, TextIOWrapper)
        return stream


class _Formatter(logging.Formatter):
    def formatTime(  # noqa: N802 - logging's name
        self, record: logging.LogRecord, datefmt: str | None = None
    ) -> str:
        # ISO 8601 in UTC, with its offset: helpdesk can line it up with any other clock.
        moment = utc_from_epoch(record.created)
        return moment.isoformat(timespec="milliseconds")


def private_directory(directory: Path) -> Path:
    """``directory``, created if need be, readable by its owner only."""
    directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIRECTORY)
    if sys.platform != "win32":
        os.chmod(directory, PRIVATE_DIRECTORY)
    return directory


def level_from_environment(environ: dict[str, str] | None = None) -> int:
    """:data:`LEVEL_VARIABLE`'s level (a name such as DEBUG), INFO if unset or unknown."""
    name = (os.environ if environ is None else environ).get(LEVEL_VARIABLE, "")
    return logging.getLevelNamesMapping().get(name.strip().upper(), logging.INFO)


@dataclass
class LogSetup:
    """What :func:`setup_logging` installed; :meth:`close` takes it away again."""

    level: int
    file: Path | None
    handlers: list[logging.Handler] = field(default_factory=list)
    previous_level: int = logging.WARNING
    fatal: TextIOWrapper | None = None

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self.previous_level)
        if self.fatal is not None:
            faulthandler.disable()
            self.fatal.close()


def _fatal_errors(directory: Path, program: str) -> TextIOWrapper:
    path = directory / FATAL_FILE
    if path.exists() and path.stat().st_size > MAX_BYTES:
        path.unlink()
    stream = open(_open_private(path), "a", encoding="utf-8")  # noqa: SIM115 - kept open
    started = utc_now().isoformat(timespec="seconds")
    # faulthandler writes no time: this line places what follows it.
    stream.write(f"-- paivystys {app.__version__} {program} started {started}, pid {os.getpid()}\n")
    stream.flush()
    faulthandler.enable(file=stream, all_threads=True)
    return stream


def setup_logging(
    program: str,
    *,
    directory: Path | None = None,
    level: int | None = None,
    stderr: bool = True,
    fatal_errors: bool = True,
) -> LogSetup:
    """Log ``program`` ("gui" or "cli") to its rotating file in ``directory`` (the
    platform's log folder by default) at ``level`` (the environment's by default),
    warnings also to stderr. A log folder that cannot be made costs the file, never
    the start: the warning then says why, on stderr."""
    level = level_from_environment() if level is None else level
    root = logging.getLogger()
    setup = LogSetup(level=level, file=None, previous_level=root.level)
    scrub = ScrubFilter()
    if stderr:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter(STDERR_FORMAT))
        console.addFilter(scrub)
        setup.handlers.append(console)
    problem: OSError | None = None
    try:
        folder = private_directory(directory or paths.user_log_dir())
        handler = PrivateRotatingFileHandler(
            folder / LOG_FILES[program], maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        problem = error
    else:
        handler.setLevel(level)
        handler.setFormatter(_Formatter(FORMAT))
        handler.addFilter(scrub)
        setup.handlers.append(handler)
        setup.file = Path(handler.baseFilename)
        if fatal_errors:
            with contextlib.suppress(OSError):
                setup.fatal = _fatal_errors(folder, program)
    for each in setup.handlers:
        root.addHandler(each)
    root.setLevel(min(level, logging.WARNING) if stderr else level)
    log.info(
        "paivystys %s (%s) started: python %s on %s %s %s",
        app.__version__,
        program,
        platform.python_version(),
        sys.platform,
        platform.release().lower(),
        platform.machine().lower(),
    )
    if problem is not None:
        log.warning("no log file (%s): %s", type(problem), problem.strerror)
    return setup
