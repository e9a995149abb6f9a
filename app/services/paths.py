"""Where things live on the workstation (platformdirs), and the shipped resources.

The machine policy is not here: it lives only in the administrators' location
(:mod:`app.services.policy.trust`), which no environment variable moves.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

APP_NAME = "paivystys"


RESOURCE_PACKAGE = "app.resources"


def resources_dir(bundle: str | None = None) -> Path:
    """The shipped resources (fonts, the example policy, the icon): a directory.

    Installed (a wheel, the editable install of ``./dev``, the .deb's bundle aside) they
    are the package ``app.resources``, read through :mod:`importlib.resources`:
    pyproject.toml maps the repository's ``resources/`` onto it. A source tree run
    without being installed has no such package; its ``resources/`` is beside ``app/``.
    In a frozen build (PyInstaller, ``installer/paivystys.spec``) they are in the
    bundle's directory, ``bundle``: ``sys._MEIPASS``, which the spec fills.
    """
    if bundle is not None:
        return Path(bundle) / "resources"
    import importlib.resources  # only here: see RESOURCES below

    try:
        root = importlib.resources.files(RESOURCE_PACKAGE)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent.parent / "resources"
    if not isinstance(root, Path):
        # A zip import: reportlab and the policy loader need files on disk. No install
        # of the app makes one (pip unpacks wheels; PyInstaller is the bundle above).
        raise RuntimeError(f"the resources ({RESOURCE_PACKAGE}) are not a directory: {root}")
    return root


def frozen_bundle() -> str | None:
    """The frozen bundle's directory, or None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    bundle = getattr(sys, "_MEIPASS", None)
    return bundle if isinstance(bundle, str) else None


if TYPE_CHECKING:
    RESOURCES: Path
    """The shipped resources of this run (:func:`resources_dir`)."""
    EXAMPLE_POLICY: Path
    """The example policy among them (training mode's)."""
else:

    def __getattr__(name: str) -> Path:
        # Found on first use, not when the module is imported: importlib.resources and
        # the package lookup cost the start-up some 6 ms before the first window, which
        # needs no resource (docs/performance.md, measurement 6).
        if name == "RESOURCES":
            value = resources_dir(frozen_bundle())
        elif name == "EXAMPLE_POLICY":
            value = __getattr__("RESOURCES") / "policy" / "keski-uusimaa.toml"
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


# Every per-user directory below this one instead of the platform's places, while
# :func:`redirected` is in effect (the self-test's temporary profile). Only code sets
# it, never the environment: the worker's account must not be able to move a profile.
_PROFILE_ROOT: Path | None = None


@contextmanager
def redirected(root: Path) -> Iterator[Path]:
    """Within the block, the config, data, state and log directories lie under ``root``
    (``config``, ``data``, ``state``, ``log``): nothing of the worker's own is touched."""
    global _PROFILE_ROOT  # noqa: PLW0603 - one process-wide setting, restored on leaving
    previous, _PROFILE_ROOT = _PROFILE_ROOT, root
    try:
        yield root
    finally:
        _PROFILE_ROOT = previous


def user_config_dir(training: bool = False) -> Path:
    base = _base("config") or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return base / "training" if training else base


def user_data_dir(training: bool = False) -> Path:
    base = _base("data") or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "training" if training else base


def user_state_dir() -> Path:
    """The worker's own state (e.g. the policy serials this account has accepted)."""
    return _base("state") or Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    """The log files helpdesk reads (e.g. ~/.local/state/paivystys/log, or
    %LOCALAPPDATA%\\paivystys\\Logs); training and production share it."""
    return _base("log") or Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def _base(kind: str) -> Path | None:
    return None if _PROFILE_ROOT is None else _PROFILE_ROOT / kind
