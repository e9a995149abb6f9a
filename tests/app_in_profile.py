"""The app (or a test's child running its code) in a test's profile, on every platform.

``python -m tests.app_in_profile PROFILE -- ARGS...`` is ``python -m app ARGS...`` with
the app's config, data, state and log directories under PROFILE
(:func:`app.services.paths.redirected`: ``PROFILE/config``, ``PROFILE/data``, ...);
``python -m tests.app_in_profile PROFILE -m MODULE -- ARGS...`` runs the test module
MODULE (e.g. ``tests.wal_child``) as ``__main__`` the same way. Only this test launcher
moves the profile, in code, as the self-test does: the app itself reads no environment
variable for it (a worker's account must not be able to move a profile). The XDG_*
variables would move the directories on Linux only; platformdirs ignores them on
Windows, where a test would otherwise use the real ``%LOCALAPPDATA%\\paivystys``.

The tests build this command line with :func:`tests.helpers.app_command`.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Sequence
from pathlib import Path

from app.services import paths

USAGE = "usage: python -m tests.app_in_profile PROFILE [-m MODULE] -- ARGS..."


def parse(argv: Sequence[str]) -> tuple[Path, str, list[str]]:
    """(profile, module, the module's arguments) from this launcher's arguments."""
    argv = list(argv)
    if "--" not in argv:
        raise SystemExit(USAGE)
    split = argv.index("--")
    head, args = argv[:split], argv[split + 1 :]
    if len(head) == 1:
        return Path(head[0]), "app", args
    if len(head) == 3 and head[1] == "-m":
        return Path(head[0]), head[2], args
    raise SystemExit(USAGE)


def main(argv: Sequence[str] | None = None) -> int:
    profile, module, args = parse(sys.argv[1:] if argv is None else argv)
    with paths.redirected(profile):
        if module == "app":
            from app.main import main as app_main

            return app_main(args)
        sys.argv = [module, *args]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
