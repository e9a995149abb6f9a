"""Where things live on the workstation (platformdirs), and the shipped resources.

The machine policy is not here: it lives only in the administrators' location
(:mod:`app.services.policy.trust`), which no environment variable moves.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "paivystys"


def resources_dir(bundle: str | None = None) -> Path:
    """The shipped ``resources`` directory (fonts, the example policy, the icon).

    From a source tree or an installed wheel it is beside the ``app`` package; in a
    frozen build (PyInstaller, ``installer/paivystys.spec``) it is in the bundle's
    directory, ``bundle``: ``sys._MEIPASS``, which the spec fills.
    """
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def frozen_bundle() -> str | None:
    """The frozen bundle's directory, or None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    bundle = getattr(sys, "_MEIPASS", None)
    return bundle if isinstance(bundle, str) else None


RESOURCES = resources_dir(frozen_bundle())
EXAMPLE_POLICY = RESOURCES / "policy" / "keski-uusimaa.toml"


def user_config_dir(training: bool = False) -> Path:
    base = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return base / "training" if training else base


def user_data_dir(training: bool = False) -> Path:
    base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "training" if training else base


def user_state_dir() -> Path:
    """The worker's own state (e.g. the policy serials this account has accepted)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    """The log files helpdesk reads (e.g. ~/.local/state/paivystys/log, or
    %LOCALAPPDATA%\\paivystys\\Logs); training and production share it."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
