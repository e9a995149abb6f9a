"""A pytest plugin that collects the tests as Windows would import them (issue 14).

``pytest --collect-only -p tests.windows_collect`` must collect exactly the tests a plain
``--collect-only`` does (``./dev test`` and ``.ci/run`` compare the two counts). While
the test modules are imported:

- ``sys.platform`` is ``"win32"``, so a module-level ``if sys.platform == …`` takes the
  Windows branch and a ``skipif`` is evaluated as on Windows;
- the POSIX-only modules (``pwd``, ``grp``, ``fcntl``, ``resource``, ``termios``) cannot
  be imported, and POSIX-only names of ``os``, ``signal`` and ``time`` (``getuid``,
  ``SIGKILL``, ``tzset``…) are gone.

What it cannot do here: run a test, or import the app and the libraries as Windows
would (they are imported first, as on Linux, so that their own platform branches take
the path they can take on this machine). Everything is restored after the collection.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import os
import pkgutil
import signal
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
POSIX_MODULES = ("pwd", "grp", "fcntl", "resource", "termios", "tty", "pty")
POSIX_NAMES: dict[ModuleType, tuple[str, ...]] = {
    os: ("getuid", "geteuid", "getgid", "chown", "fork", "mkfifo", "getloadavg", "sync"),
    signal: ("SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGQUIT"),
    time: ("tzset",),
}

_saved: dict[str, Any] = {}


def _third_party_imports() -> set[str]:
    """Every top-level module the tests import that is neither ``app`` nor ``tests``."""
    names: set[str] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names - {"app", "tests", "__future__", *POSIX_MODULES}


def _import_first() -> None:
    """The libraries and the app, imported as on this machine before the switch."""
    for name in sorted(_third_party_imports()):
        # An optional extra (kerberos…) may be missing: its test module skips without it.
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    import app

    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name.endswith("__main__"):
            continue  # runs the program
        with contextlib.suppress(ImportError):
            importlib.import_module(module.name)


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    _import_first()
    _saved["platform"] = sys.platform
    sys.platform = "win32"
    for name in POSIX_MODULES:
        _saved[f"module:{name}"] = sys.modules.get(name)
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    for module, names in POSIX_NAMES.items():
        for name in names:
            if hasattr(module, name):
                _saved[f"{module.__name__}.{name}"] = getattr(module, name)
                delattr(module, name)


def pytest_collection_finish(session: pytest.Session) -> None:
    sys.platform = _saved.pop("platform", sys.platform)
    for name in POSIX_MODULES:
        original = _saved.pop(f"module:{name}", None)
        if original is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = original
    for module, names in POSIX_NAMES.items():
        for name in names:
            key = f"{module.__name__}.{name}"
            if key in _saved:
                setattr(module, name, _saved.pop(key))
