"""The README's and docs' screenshots, refreshed by one command (``./dev screenshots``).

    xvfb-run -a -s "-screen 0 3000x2200x24" python installer/screenshots.py [VARIANT...]

Each variant runs in a process of its own (Qt reads its scale factor once, at start):

    light   docs/screenshot.png (a client's card with an entry being written),
            docs/screen-outbox.png (the outbox view, Ctrl+L), docs/lock.png (F12)
    dark    docs/screen-dark.png: the card under a dark Fusion palette, as a desktop's
            dark theme gives it (set here on the application: the app adds no colours
            of its own to the palette it is given)
    200     docs/screen-200.png: the card at 200 % (QT_SCALE_FACTOR=2)

The app runs in training mode on the example policy's training systems on 127.0.0.1,
in a temporary profile, and is driven by the keyboard as a worker would: Ctrl+2 for
Järvenpää, the identity code and Enter, Ctrl+N and the narrative. Synthetic data only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VARIANTS = ("light", "dark", "200")
NARRATIVE = "Poliisi soitti klo 23.10: asiakas ohjattu kriisikeskukseen, soitto aamulla. "
WAIT_S = 20.0
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def main(argv: list[str]) -> int:
    variants = argv or list(VARIANTS)
    if len(variants) > 1 or os.environ.get("PAIVYSTYS_SCREENSHOT") is None:
        # One process per variant.
        for variant in variants:
            env = dict(os.environ, PAIVYSTYS_SCREENSHOT=variant)
            if variant == "200":
                env["QT_SCALE_FACTOR"] = "2"
            subprocess.run([sys.executable, __file__, variant], env=env, check=True)
        return 0
    shoot(variants[0])
    return 0


def shoot(variant: str) -> None:
    with tempfile.TemporaryDirectory(prefix="paivystys-shots-") as tmp:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[name] = str(Path(tmp) / name.lower())
        os.environ["XDG_CONFIG_DIRS"] = str(Path(tmp) / "site")
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        sys.path.insert(0, str(ROOT))
        _shoot(variant, Path(tmp))


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1e1e",
        role.AlternateBase: "#2f2f2f",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#9a9a9a",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Link: "#8ab4f8",
        role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff",
    }
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, which, QColor("#7a7a7a"))
    return palette


class Driver:
    """The keyboard and the camera: key events to the focused widget, PNGs into docs/."""

    def __init__(self, app: QApplication) -> None:
        self.app = app

    def wait(self, done: Callable[[], bool], what: str) -> None:
        end = time.monotonic() + WAIT_S
        while not done():
            if time.monotonic() > end:
                raise SystemExit(f"screenshots: timed out waiting for {what}")
            self.app.processEvents()
            time.sleep(0.01)

    def settle(self) -> None:
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def focused(self) -> QWidget:
        widget = self.app.focusWidget()
        if widget is None:
            raise SystemExit("screenshots: nothing has the keyboard focus")
        return widget

    def key(self, code: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        QTest.keyClick(self.focused(), code, modifiers)

    def keys(self, text: str) -> None:
        """Typed; a letter QTest cannot synthesise comes as a key event with its text."""
        for char in text:
            if char.isascii():
                QTest.keyClicks(self.focused(), char)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, NO_MODIFIER, char)
                self.app.sendEvent(self.focused(), event)

    def save(self, widget: QWidget, name: str) -> None:
        self.settle()
        path = DOCS / name
        if not widget.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        print(f"screenshots: {path.relative_to(ROOT)}")


def _shoot(variant: str, tmp: Path) -> None:
    from app.domain.clock import utc_now
    from app.services.auth.pin import PinStore
    from app.services.paths import EXAMPLE_POLICY
    from app.services.policy.load import load_policy
    from app.training.server import TrainingServer
    from app.ui.app import install_translations
    from app.ui.main_window import MainWindow
    from app.ui.unsaved import Choice
    from app.wiring import training_context

    app = QApplication(["paivystys"])
    # As the app starts (app.ui.app.start): Finnish words, and Finland's Finnish dates,
    # times and numbers whatever the machine's locale (Xvfb's is often C).
    install_translations(app, "fi")
    if variant == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    drive = Driver(app)
    with (
        TrainingServer(load_policy(EXAMPLE_POLICY)) as server,
        training_context(
            server, settings_path=tmp / "settings.json", worker_name="Päivystäjä Koulutus"
        ) as built,
    ):
        context = built
        if variant == "light":
            # The lock as a worker sees it (docs/sign-in.md): a PIN set at sign-in,
            # and "Kirjaudu" for a new sign-in.
            pins = PinStore(tmp / "pin" / "unlock-pin.json")
            pins.set_pin("480917", context.worker_name, utc_now())
            context = replace(context, pins=pins, sign_in_again=lambda: False)
        window = MainWindow(context)
        window.resize(1200, 820)
        window.show()
        window.activateWindow()
        drive.wait(window.isActiveWindow, "the window")
        drive.wait(lambda: not window.outbox.opening, "the outbox")
        client = next(c for c in server.systems["186"].clients if not c.non_disclosure)
        drive.key(Qt.Key.Key_2, CTRL)
        drive.wait(window.desk.search.field.hasFocus, "the search field")
        loaded: list[str] = []
        window.client_loaded.connect(loaded.append)
        drive.keys(client.hetu.value)
        drive.key(Qt.Key.Key_Return)
        drive.wait(lambda: bool(loaded), "the client")
        drive.key(Qt.Key.Key_N, CTRL)
        drive.wait(window.desk.form.narrative.hasFocus, "the entry form")
        drive.keys(NARRATIVE)
        shot = {"light": "screenshot.png", "dark": "screen-dark.png", "200": "screen-200.png"}
        drive.save(window, shot[variant])
        if variant == "light":
            _outbox_and_lock(drive, window)
        window.desk.ask = lambda *_args, **_kwargs: Choice.DISCARD
        window.close()
        drive.settle()


def _outbox_and_lock(drive: Driver, window: MainWindow) -> None:
    from app.ui.outbox.view import OutboxView

    drive.key(Qt.Key.Key_L, CTRL)
    drive.settle()
    views = [w for w in drive.app.topLevelWidgets() if isinstance(w, OutboxView)]
    drive.wait(lambda: any(w.isVisible() for w in views), "the outbox view")
    view = views[0]
    view.resize(900, 520)
    drive.save(view, "screen-outbox.png")
    # Without a window manager the view may not be the active window: Esc to it.
    QTest.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    drive.wait(lambda: not view.isVisible(), "the outbox view to close")
    window.activateWindow()
    drive.wait(window.isActiveWindow, "the window again")
    drive.key(Qt.Key.Key_F12)
    drive.wait(lambda: window.lock.is_locked, "the lock")
    drive.save(window, "lock.png")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
