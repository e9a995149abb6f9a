"""What the tests do differently on POSIX and on Windows, in one place.

A process is killed as abruptly as the platform allows: SIGKILL on POSIX; on Windows
``TerminateProcess`` (what ``Popen.kill`` and ``os.kill`` with a non-console signal call),
which runs no handler and flushes nothing either. The user id trusted beside root is the
test's own on POSIX; Windows has no owner check (the ACL is the installer's).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import NoReturn

if sys.platform == "win32":
    # The exit code TerminateProcess leaves: Popen.kill() and kill_self_hard() use 1.
    KILLED = 1
else:
    KILLED = -signal.SIGKILL


def kill_self_hard() -> NoReturn:
    """End this process at once, as a power cut or ``kill -9`` would."""
    if sys.platform == "win32":
        os.kill(os.getpid(), 1)  # TerminateProcess(…, 1)
    else:
        os.kill(os.getpid(), signal.SIGKILL)
    raise SystemExit("not killed")  # unreachable in practice: the kill does not return


def user_id() -> int:
    """The user id the tests' administrators' location trusts (0 on Windows: unused)."""
    if sys.platform == "win32":
        return 0
    else:
        return os.getuid()
