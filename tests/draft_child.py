"""The window typing until it is killed: run by the drafts' kill tests.

``python -m tests.draft_child TEXT [MODE]`` in the parent's profile (started through
:mod:`tests.app_in_profile`) with ``QT_QPA_PLATFORM=offscreen``. It starts the training
systems of the example policy (deterministic: the parent's have the same clients) and
opens the real window. MODE ``entry`` (the default) finds the family's child in
Järvenpää, opens an entry and types TEXT into the narrative; ``notification`` selects
Järvenpää, opens a child welfare notification (Ctrl+I), fills in the family's child
(code, names, urgency) and types TEXT into "Mitä tapahtui". One character every
``TYPE_EVERY_MS``; after each it prints ``typed <count> <monotonic time>``, after each
draft commit ``kept``. Then it idles until the parent kills it with SIGKILL
(:func:`kill_while_typing`, the parent's side).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app.services.policy.load import load_policy
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from app.wiring import training_context
from tests.gui_helpers import JARVENPAA, WORKER, family
from tests.helpers import app_command
from tests.portable import KILLED

TYPE_EVERY_MS = 40
EXAMPLE_POLICY = Path(__file__).resolve().parent.parent / "resources/policy/keski-uusimaa.toml"
ROOT = Path(__file__).resolve().parent.parent
MODES = ("entry", "notification")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(text: str, mode: str) -> None:
    app = QApplication([])
    server = TrainingServer(load_policy(EXAMPLE_POLICY))
    server.start()
    settings = Path(tempfile.mkdtemp()) / "settings.json"
    child, _mother, _father = family(server)
    with training_context(server, settings_path=settings, worker_name=WORKER) as context:
        type_until_killed(app, MainWindow(context), child, text, mode)


def type_until_killed(
    app: QApplication, window: MainWindow, child: SyntheticClient, text: str, mode: str
) -> None:
    window.show()
    desk = window.desk
    typed = 0

    def type_into(edit: QPlainTextEdit) -> None:
        nonlocal typed
        edit.insertPlainText(text[typed])
        typed += 1
        say(f"typed {typed} {time.monotonic():.6f}")
        if typed < len(text):
            QTimer.singleShot(TYPE_EVERY_MS, lambda: type_into(edit))

    def found() -> None:
        desk.new_entry()
        QTimer.singleShot(TYPE_EVERY_MS, lambda: type_into(desk.form.narrative))

    def notify() -> None:
        form = window.followup.new_notification()
        assert form is not None
        fields = form.fields
        fields.child_hetu.setText(child.hetu.value)
        fields.child_last_name.setText(child.last_name)
        fields.child_first_names.setText(child.first_names)
        fields.urgency.setCurrentIndex(fields.urgency.findText("Kiireellinen"))
        QTimer.singleShot(TYPE_EVERY_MS, lambda: type_into(fields.what_happened))

    def outbox_open() -> None:
        window.switcher.select(JARVENPAA)
        if mode == "notification":
            notify()
        else:
            desk.search_for(child.hetu)

    if mode == "entry":
        desk.client_loaded.connect(lambda _code: found())
    desk.draft_keeper.draft_kept.connect(lambda _key: say("kept"))
    window.outbox.opened.connect(outbox_open)
    app.exec()


def kill_while_typing(
    profile: Path, text: str, mode: str = "entry"
) -> tuple[int, float, list[float]]:
    """Run the typing child in ``profile`` (this test's: conftest's fixture) and SIGKILL
    it two thirds into ``text``, past its first draft: (drafts kept, kill time, the
    monotonic time of each character typed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        app_command(profile, text, mode, module="tests.draft_child"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    times: list[float] = []
    kept = 0
    assert child.stdout is not None
    deadline = time.monotonic() + 60
    try:
        for line in child.stdout:
            word, *rest = line.split()
            if word == "kept":
                kept += 1
            elif word == "typed":
                times.append(float(rest[1]))
            # Past the first draft and well into the text: kill it mid-word.
            if kept and len(times) >= len(text) * 2 // 3:
                break
            assert time.monotonic() < deadline, "the child never typed far enough"
        killed_at = time.monotonic()
        child.kill()
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == KILLED
    return kept, killed_at, times


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "entry")
