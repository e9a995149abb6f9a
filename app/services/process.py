"""The process keeps what it holds to itself: no core dumps, no file others can read.

A core dump of the window would hold whatever was in memory: narratives, identity
codes, names and the outbox key. :func:`protect_process` runs first thing in the
entry point, before any client data or key is in memory:

* the core file size limit goes to zero (soft and hard, so nothing in the process
  raises it again) and, on Linux, the process is made not dumpable
  (``PR_SET_DUMPABLE``), which also covers a ``core_pattern`` that pipes to a
  crash collector and keeps other processes of the same user from attaching;
* the umask becomes 077, so every file the app (or SQLite, for the outbox's WAL
  and shared-memory files) creates is 0600 and every directory 0700, whatever the
  umask the desktop session started it with.

On Windows there is no core limit. The process turns off Windows Error Reporting's
fault dialog for itself (``SetErrorMode(SEM_NOGPFAULTERRORBOX)``: no "stopped working"
box, and no one offered to send a report with a memory dump); WER's *local* dumps are
machine settings the installer must turn off for the executable (``docs/logs.md``:
the ``LocalDumps\\paivystys.exe`` key, ``DumpCount`` 0; the deployment issue).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from dataclasses import dataclass

PRIVATE_UMASK = 0o077
_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


@dataclass(frozen=True)
class Protection:
    """What :func:`protect_process` could do on this platform."""

    core_limit_zero: bool
    not_dumpable: bool
    private_umask: bool
    no_fault_dialog: bool = False


def _prctl(option: int, value: int = 0) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    result: int = libc.prctl(option, value, 0, 0, 0)
    return result


def _no_fault_dialog() -> bool:
    """Windows: no Windows Error Reporting dialog for this process (and no critical-error
    box for a missing drive); what it had before is kept."""
    if sys.platform == "win32":
        kernel32 = ctypes.windll.kernel32
        wanted = SEM_NOGPFAULTERRORBOX | SEM_FAILCRITICALERRORS
        kernel32.SetErrorMode(kernel32.GetErrorMode() | wanted)
        return bool(kernel32.GetErrorMode() & SEM_NOGPFAULTERRORBOX)
    else:
        return False


def protect_process() -> Protection:
    """No core dumps, not dumpable, umask 077; what held is returned."""
    os.umask(PRIVATE_UMASK)
    if sys.platform == "win32":
        return Protection(
            core_limit_zero=False,
            not_dumpable=False,
            private_umask=False,
            no_fault_dialog=_no_fault_dialog(),
        )
    else:
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        core = resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
        dumpable = False
        if sys.platform.startswith("linux"):
            try:
                _prctl(_PR_SET_DUMPABLE, 0)
                dumpable = _prctl(_PR_GET_DUMPABLE) == 0
            except (OSError, AttributeError):
                dumpable = False
        return Protection(core_limit_zero=core, not_dumpable=dumpable, private_umask=True)


def is_dumpable() -> bool:
    """Whether this process may still leave a core dump (Linux: its dumpable flag;
    other POSIX: its core limit; Windows: up to Windows Error Reporting)."""
    if sys.platform == "win32":
        return True
    elif sys.platform.startswith("linux"):
        return _prctl(_PR_GET_DUMPABLE) != 0
    else:
        import resource

        return resource.getrlimit(resource.RLIMIT_CORE)[0] != 0
