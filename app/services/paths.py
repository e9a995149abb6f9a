"""Where things live on the workstation (platformdirs), and the shipped resources."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "paivystys"
RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
EXAMPLE_POLICY = RESOURCES / "policy" / "keski-uusimaa.toml"


def site_policy_path() -> Path:
    """The helpdesk-owned machine policy (e.g. /etc/xdg/paivystys/policy.toml)."""
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / "policy.toml"


def user_config_dir(training: bool = False) -> Path:
    base = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return base / "training" if training else base


def user_data_dir(training: bool = False) -> Path:
    base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "training" if training else base


def user_log_dir() -> Path:
    """The log files helpdesk reads (e.g. ~/.local/state/paivystys/log, or
    %LOCALAPPDATA%\\paivystys\\Logs); training and production share it."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
