"""The app's start: the window's frame shows at once and fills in when the session is
open; a session that cannot open closes the frame and says why."""

from __future__ import annotations

import os
import subprocess
import threading
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.context import AppContext
from app.services.policy.load import PolicyError
from app.services.settings import SettingsStore
from app.training.server import TrainingServer
from app.ui.app import start
from app.ui.main_window import MainWindow
from app.wiring import training_context
from tests.gui_helpers import BACKGROUND_THREADS, WORKER
from tests.helpers import ROOT, app_command

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

TITLE = "Päivystys – HARJOITTELU"


def visible_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_the_frame_shows_first_and_fills_in(
    qtbot: QtBot, training: TrainingServer, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.json"
    frame_seen = threading.Event()
    states: list[tuple[str, str, bool]] = []

    def open_context() -> AbstractContextManager[AppContext]:
        # The session opens only after the test has seen the frame on screen.
        assert frame_seen.wait(30)
        return training_context(training, settings_path=settings, worker_name=WORKER)

    def watch() -> None:
        windows = visible_windows()
        if windows and not frame_seen.is_set():
            states.append(("frame", windows[0].windowTitle(), windows[0].filled))
            frame_seen.set()
        elif windows and windows[0].filled:
            window = windows[0]
            states.append(("filled", window.windowTitle(), window.desk.isVisible()))
            window.close()
            return
        QTimer.singleShot(10, watch)

    QTimer.singleShot(0, watch)
    assert start(open_context, SettingsStore(settings), True, ["paivystys"]) == 0
    assert states == [("frame", TITLE, False), ("filled", TITLE, True)]
    assert [t.name for t in threading.enumerate() if t.name.startswith(BACKGROUND_THREADS)] == []
    assert not any(t.name == "paivystys-start" for t in threading.enumerate())


def test_a_session_that_cannot_open_closes_the_frame_and_is_raised(
    qtbot: QtBot, tmp_path: Path
) -> None:
    def open_context() -> AbstractContextManager[AppContext]:
        raise PolicyError("policy.toml", "version", "not a version this app reads")

    with pytest.raises(PolicyError, match="not a version"):
        start(open_context, SettingsStore(tmp_path / "settings.json"), False, ["paivystys"])
    assert visible_windows() == []


def test_the_window_with_a_policy_that_cannot_be_used_exits_2(
    tmp_path: Path, profile: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[[municipalities]]\ncode = 1\n", encoding="utf-8")
    done = subprocess.run(
        app_command(profile, "--training", "--policy", str(policy)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 2, done.stderr
    assert str(policy) in done.stderr
