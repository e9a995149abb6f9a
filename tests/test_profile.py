"""The tests' profile: the app's directories lie in each test's own, on every platform.

conftest's ``profile`` fixture redirects them in code (:func:`app.services.paths.redirected`),
and the tests start the app through :mod:`tests.app_in_profile`, which does the same in
the child. The XDG variables would move them on Linux only: platformdirs ignores them on
Windows, where a test would otherwise use the real ``%LOCALAPPDATA%\\paivystys``. Here
they point elsewhere, to show that the redirection is what moves the directories.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from app.services import paths
from app.services.logs import LOG_FILES
from app.services.outbox.profile import OutboxSetup
from tests.helpers import files_under, run_app

XDG_HOMES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The XDG variables pointed away from the test's profile, at a directory of their own."""
    other = tmp_path / "elsewhere"
    for name in XDG_HOMES:
        monkeypatch.setenv(name, str(other / name.lower()))
    if sys.platform == "linux":
        # Where they alone would put the app's data: not in the profile.
        assert Path(platformdirs.user_data_dir(paths.APP_NAME)).is_relative_to(other)
    return other


def app_directories() -> dict[str, Path]:
    return {
        "config": paths.user_config_dir(),
        "training config": paths.user_config_dir(training=True),
        "data": paths.user_data_dir(),
        "training data": paths.user_data_dir(training=True),
        "state": paths.user_state_dir(),
        "log": paths.user_log_dir(),
    }


def test_in_the_tests_process_the_apps_directories_are_in_the_profile(
    profile: Path, elsewhere: Path
) -> None:
    assert app_directories() == {
        "config": profile / "config",
        "training config": profile / "config" / "training",
        "data": profile / "data",
        "training data": profile / "data" / "training",
        "state": profile / "state",
        "log": profile / "log",
    }


def test_the_app_started_the_tests_way_keeps_to_the_profile(profile: Path, elsewhere: Path) -> None:
    """``outbox status --training`` makes the training outbox, its key file and the log:
    all where this process's redirected directories say, nothing where XDG says."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = run_app("outbox", "status", "--training", "--json", env=env, profile=profile)
    assert done.returncode == 0, done.stdout + done.stderr
    made = set(files_under(profile))
    outbox = OutboxSetup.for_mode(training=True).profile_dir
    assert outbox.is_relative_to(profile)
    assert outbox / "outbox.db" in made
    assert paths.user_log_dir() / LOG_FILES["cli"] in made
    assert list(files_under(elsewhere)) == []
