"""The window typing an entry until it is killed: run by ``tests/test_gui_drafts.py``.

``python -m tests.draft_child TEXT`` with the XDG variables of the parent's profile
and ``QT_QPA_PLATFORM=offscreen``. It starts the training systems of the example
policy (deterministic: the parent's have the same clients), opens the real window,
finds the family's child in Järvenpää, opens an entry and types TEXT into the
narrative one character every ``TYPE_EVERY_MS``. After each character it prints
``typed <count> <monotonic time>``; after each draft commit ``kept``. Then it idles
until the parent kills it with SIGKILL.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services.policy import load_policy
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from tests.gui_helpers import JARVENPAA, family, training_context

TYPE_EVERY_MS = 40
EXAMPLE_POLICY = Path(__file__).resolve().parent.parent / "resources/policy/keski-uusimaa.toml"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(text: str) -> None:
    app = QApplication([])
    server = TrainingServer(load_policy(EXAMPLE_POLICY))
    server.start()
    settings = Path(tempfile.mkdtemp()) / "settings.json"
    window = MainWindow(training_context(server, settings))
    window.show()
    child, _mother, _father = family(server)
    desk = window.desk
    typed = 0

    def type_next() -> None:
        nonlocal typed
        desk.form.narrative.insertPlainText(text[typed])
        typed += 1
        say(f"typed {typed} {time.monotonic():.6f}")
        if typed < len(text):
            QTimer.singleShot(TYPE_EVERY_MS, type_next)

    def found() -> None:
        desk.new_entry()
        QTimer.singleShot(TYPE_EVERY_MS, type_next)

    def outbox_open() -> None:
        window.switcher.select(JARVENPAA)
        desk.search_for(child.hetu)

    desk.client_loaded.connect(lambda _code: found())
    desk.draft_keeper.draft_kept.connect(lambda _key: say("kept"))
    window.outbox.opened.connect(outbox_open)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
