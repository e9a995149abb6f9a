"""The canary: a whole duty workflow at DEBUG, failures and a crash included, and not one
identity code, name or narrative in any file of the log folder."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.services import paths
from app.services.logs import setup_logging
from app.training.server import TrainingServer
from app.ui.crash_dialog import CrashHandler
from app.ui.message_bar import Level
from app.ui.outage_practice import set_online
from tests.gui_helpers import (
    JARVENPAA,
    WAIT_MS,
    WindowOpener,
    clients,
    find_client,
    put_rejected_entry,
    save,
    search,
    status_level,
    wait_idle,
    write_entry,
)
from tests.helpers import encodings, files_under

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

CANARY = "KANARIA-4b7e9 lapsi kertoi yöllä isästään Ŋ Đ Ŧ"


@pytest.fixture
def log_folder(profile: Path) -> Iterator[Path]:
    """The window's log as the entry point sets it up, at DEBUG, every library included."""
    setup = setup_logging("gui", level=logging.DEBUG, stderr=False, fatal_errors=False)
    yield paths.user_log_dir()
    setup.close()


@pytest.fixture
def crashes(qtbot: QtBot) -> Iterator[CrashHandler]:
    handler = CrashHandler()
    handler.install()
    yield handler
    handler.uninstall()
    for dialog in list(handler.dialogs):
        dialog.close()


def fail_with(text: str) -> None:
    raise RuntimeError(text)


def test_a_whole_workflow_leaves_no_client_data_in_the_log(
    qtbot: QtBot,
    opener: WindowOpener,
    training: TrainingServer,
    log_folder: Path,
    crashes: CrashHandler,
) -> None:
    window = opener.open()
    child, other = clients(training)[:2]
    secrets = [
        child.hetu.value,
        child.last_name,
        child.first_names,
        child.full_name,
        child.address.street,
        other.hetu.value,
        other.last_name,
        CANARY,
        "KANARIA",
    ]

    # Search, record, deliver.
    find_client(qtbot, window, child)
    write_entry(qtbot, window, CANARY + " (1)")
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)

    # The system goes off the network, as a trainer takes it off: the next entry waits,
    # and a search fails.
    assert set_online(training.description["control"], JARVENPAA, False) is False
    write_entry(qtbot, window, CANARY + " (2)")
    with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
        save(qtbot, window)
    window.desk.search.field.clear()
    search(qtbot, window, other.hetu.value)
    assert status_level(window) in (Level.ERROR, Level.WARNING)

    # Back on: the waiting entry goes; a refused one needs attention.
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        assert set_online(training.description["control"], JARVENPAA, True) is True
    put_rejected_entry(window, child)
    qtbot.waitUntil(lambda: "vaatii toimia" in window.outbox_count.text(), timeout=WAIT_MS)

    # Bugs: background work that fails, and a slot that raises, both with client data
    # in their messages.
    window.runner.run(lambda: fail_with(f"{CANARY} {child.hetu.value}"), lambda _: None)
    QTimer.singleShot(0, lambda: fail_with(f"{child.full_name} {child.hetu.value} {CANARY}"))
    qtbot.waitUntil(lambda: len(crashes.dialogs) == 1, timeout=WAIT_MS)
    wait_idle(qtbot, window)

    for handler in logging.getLogger().handlers:
        handler.flush()
    files = list(files_under(log_folder))
    assert files
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    # What went on is there: the debug lines, the failures, the crash and its frames.
    assert " DEBUG urllib3." in text
    assert "needs attention" in text
    assert "waits" in text
    assert "unexpected RuntimeError in background work\nTraceback" in text
    assert "CRITICAL app.services.crash: unexpected RuntimeError" in text
    assert "tests/ui/test_gui_logs.py:" in text
    assert " in fail_with" in text
    # And nothing about the clients, in any encoding, in any case.
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            for form in {secret, secret.lower(), secret.upper()}:
                for encoded in encodings(form):
                    assert encoded not in data, (path.name, secret)
