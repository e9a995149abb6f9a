"""The idle lock: after the policy's idle time, or with F12, client data leaves the screen
and the memory, and only the worker opens the window again.

:func:`install_lock` is the one call the main window makes. :class:`IdleWatch` sees every
key press and mouse use of the application (an event filter) and compares the time since
the last with ``session.idle_minutes`` on the window's clock once a second: a laptop that
slept past the idle time locks as it wakes. Locking first keeps every open form's text as
an encrypted draft (the draft keeper, :mod:`app.ui.outbox.drafts`) and shows the lock
screen at once; once no save is under way it empties the card, the forms, the
population register panel, the search field, the message bar and every list and dialog
that names a client, and drops the window's references to the client (the desk's summary,
the drafts it knew). The outbox controller and its sender keep running: the outbox
delivers while the window is locked.

The worker unlocks by signing in again (``AppContext.sign_in_again``, blocking, run on the
network pool) or with the PIN set at sign-in (``AppContext.pins``, checked on the disk
pool) while the last online sign-in is at most ``session.max_offline_hours`` old. The
window then shows the municipality switcher and no client; the kept drafts are in the
drafts list (Ctrl+Shift+L).

Signals of :class:`SessionLock`:
    locked(): the lock screen shows (client data may still be leaving: see ``cleared``).
    cleared(): no client data is left in the window.
    unlocked(): the worker opened the window again.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.services.auth.pin import PinState, Unlock, UnlockResult
from app.ui.followup.window import FollowUpWindow
from app.ui.locale_format import decimal_text, number_text
from app.ui.tasks import Pool

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LOCK_SHORTCUT = "F12"
CHECK_INTERVAL_MS = 1000
# While a save is under way the lock waits for it before emptying the forms.
SETTLE_INTERVAL_MS = 100

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` once the application has had no key or mouse input for ``limit``
    on the clock ``now``; then waits for :meth:`restart`.

    Signals:
        idle(): the idle time passed.
    """

    idle = Signal()

    def __init__(self, limit: dt.timedelta, now: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit = limit
        self._now = now
        self._last = now()
        self._waiting = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @property
    def limit(self) -> dt.timedelta:
        return self._limit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS:
            self._last = self._now()
        return False

    def check(self) -> None:
        """Emit ``idle`` if the time has passed (the timer calls this every second)."""
        if not self._waiting:
            return
        now = self._now()
        # The clock turned back counts from now.
        self._last = min(self._last, now)
        if now - self._last >= self._limit:
            self._waiting = False
            self.idle.emit()

    def pause(self) -> None:
        self._waiting = False

    def restart(self) -> None:
        self._last = self._now()
        self._waiting = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """The page shown while locked: the worker's name, the PIN field, "Kirjaudu" and
    "Lopeta". Keyboard: the PIN field has the focus, Enter tries it, Alt+K signs in,
    Alt+L quits.

    Signals:
        pin_entered(str): the worker entered a PIN (the field is emptied at once).
        sign_in_requested(): "Kirjaudu".
        quit_requested(): "Lopeta".
    """

    pin_entered = Signal(str)
    sign_in_requested = Signal()
    quit_requested = Signal()

    def __init__(self, worker: str, can_sign_in: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Päivystys on lukittu"), self)
        title.setObjectName("lockTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.worker = QLabel(self.tr("Päivystäjä: {worker}").format(worker=worker), self)
        self.worker.setObjectName("lockWorker")
        self.note = QLabel(self)
        self.note.setObjectName("lockNote")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Lukituksen tila"))
        self.pin_label = QLabel(self.tr("&PIN-koodi:"), self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("lockPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN-koodi"))
        self.pin_label.setBuddy(self.pin)
        self.open_button = QPushButton(self.tr("&Avaa"), self)
        self.open_button.setObjectName("lockOpen")
        self.open_button.setAccessibleName(self.tr("Avaa lukitus"))
        self.sign_in_button = QPushButton(self.tr("&Kirjaudu"), self)
        self.sign_in_button.setObjectName("lockSignIn")
        self.sign_in_button.setAccessibleName(self.tr("Kirjaudu uudelleen"))
        self.sign_in_button.setToolTip(self.tr("Kirjaudu organisaation tunnuksilla uudelleen."))
        self.sign_in_button.setVisible(can_sign_in)
        self.quit_button = QPushButton(self.tr("&Lopeta"), self)
        self.quit_button.setObjectName("lockQuit")
        self.quit_button.setAccessibleName(self.tr("Lopeta Päivystys"))
        self.quit_button.setToolTip(
            self.tr("Sulje Päivystys. Lähtevät odottavat salattuina seuraavaan käynnistykseen.")
        )
        self._build_layout(title)
        self.pin.returnPressed.connect(self._submit)
        self.open_button.clicked.connect(self._submit)
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.quit_button.clicked.connect(self.quit_requested)
        self.setTabOrder(self.pin, self.open_button)
        self.setTabOrder(self.open_button, self.sign_in_button)
        self.setTabOrder(self.sign_in_button, self.quit_button)

    def _build_layout(self, title: QLabel) -> None:
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_label)
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.open_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(self.worker)
        column.addSpacing(12)
        column.addLayout(pin_row)
        column.addWidget(self.note)
        column.addLayout(buttons)
        box = QWidget(self)
        box.setLayout(column)
        # A set width: at its size hint the box was as narrow as the title.
        box.setFixedWidth(480)
        # Centred between stretches, not by alignment: an aligned box gets its size hint's
        # height, not the height its wrapped note needs at its width.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_pin(self, shown: bool) -> None:
        for widget in (self.pin_label, self.pin, self.open_button):
            widget.setVisible(shown)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.pin, self.open_button, self.sign_in_button):
            widget.setEnabled(not busy)

    def tell(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def focus_first(self) -> None:
        for widget in (self.pin, self.sign_in_button, self.quit_button):
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _submit(self) -> None:
        pin = self.pin.text()
        # setText, not clear(): no undo step keeps the PIN in the field.
        self.pin.setText("")
        if pin:
            self.pin_entered.emit(pin)


class SessionLock(QObject):
    """Locks and unlocks ``window`` (see the module's description)."""

    locked = Signal()
    cleared = Signal()
    unlocked = Signal()

    def __init__(self, window: MainWindow, now: Clock) -> None:
        super().__init__(window)
        self.setObjectName("sessionLock")
        self._window = window
        self._now = now
        context = window.context
        self._session = context.policy.session
        self._locked = False
        self._cleared = False
        self._disabled: list[QAction] = []
        self.screen = LockScreen(context.worker_name, context.sign_in_again is not None)
        self._stack = QStackedWidget(window)
        self._stack.setObjectName("lockStack")
        desk_page = window.takeCentralWidget()
        assert desk_page is not None, "the window builds its layout first"
        self._stack.addWidget(desk_page)
        self._stack.addWidget(self.screen)
        window.setCentralWidget(self._stack)
        self.idle = IdleWatch(dt.timedelta(minutes=self._session.idle_minutes), now, self)
        self.idle.idle.connect(self.lock)
        self._settle = QTimer(self)
        self._settle.setInterval(SETTLE_INTERVAL_MS)
        self._settle.timeout.connect(self._clear_when_settled)
        self.screen.pin_entered.connect(self._try_pin)
        self.screen.sign_in_requested.connect(self._sign_in)
        self.screen.quit_requested.connect(window.close)
        self.action = self.add_action(window)

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def page(self) -> QWidget | None:
        """What the window shows: the lock screen, or the desk's page."""
        return self._stack.currentWidget()

    def add_action(self, menu_owner: MainWindow) -> QAction:
        """The "Lukitse" action (F12) in the window's first menu."""
        action = QAction(self.tr("L&ukitse"), menu_owner)
        action.setObjectName("lockAction")
        action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        action.setToolTip(self.tr("Lukitse Päivystys: asiakastiedot pois näytöltä (F12)"))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(lambda _checked=False: self.lock())
        menus = menu_owner.menuBar().actions()
        menu = menus[0].menu() if menus else None
        if isinstance(menu, QMenu):
            menu.setToolTipsVisible(True)
            actions = menu.actions()
            # Before "Lopeta" and its separator.
            if len(actions) >= 2:
                menu.insertAction(actions[-2], action)
            else:
                menu.addAction(action)
        else:
            menu_owner.addAction(action)
        return action

    # -- locking --------------------------------------------------------------------------

    def lock(self) -> None:
        """Lock now: the lock screen at once, the forms' text kept as drafts, and every
        client's data gone once no save is under way."""
        if self._locked:
            return
        self._locked = True
        self._cleared = False
        self.idle.pause()
        window = self._window
        outbox = window.outbox
        if outbox.available:
            if window.desk.has_unsaved_text() and not window.desk.saving:
                window.desk.drafts.keep_now()
            window.followup.keep_drafts()
        elif window.desk.has_unsaved_text():
            log.warning("locked with unsaved text and no outbox: the text is not kept")
        self._close_other_windows()
        self._disable_actions()
        window.menuBar().setVisible(False)
        window.statusBar().setVisible(False)
        self._stack.setCurrentWidget(self.screen)
        self.screen.tell("")
        self.screen.set_busy(False)
        self.screen.show_pin(window.context.pins is not None)
        self.screen.focus_first()
        self._check_pin_state()
        self.locked.emit()
        self._clear_when_settled()
        if not self._cleared:
            self._settle.start()

    def _close_other_windows(self) -> None:
        """Questions and dialogs first (a question's loop ends with "Peruuta"), then the
        follow-up windows, which would ask before closing."""
        for widget in QApplication.topLevelWidgets():
            if widget is self._window or not widget.isVisible():
                continue
            if isinstance(widget, FollowUpWindow):
                widget.hide()
            elif isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

    def _disable_actions(self) -> None:
        self._disabled = [
            action
            for action in self._window.findChildren(QAction)
            if action.isEnabled() and action.objectName() != "lockAction"
        ]
        for action in self._disabled:
            action.setEnabled(False)

    def _clear_when_settled(self) -> None:
        window = self._window
        if window.desk.saving or window.followup.saving:
            return  # its callback must land first (and a failed save keep its draft)
        self._settle.stop()
        if window.desk.has_unsaved_text() and window.outbox.available:
            window.desk.drafts.keep_now()  # a save that failed meanwhile
        window.followup.keep_drafts()
        self._clear()

    def _clear(self) -> None:
        window = self._window
        window.followup.forget_clients()
        window.close_client_windows()
        desk = window.desk
        # The same municipality, no client: the card, the form, the register's panel,
        # the search field and the last saved entry (printing) are emptied.
        desk.set_municipality(desk.municipality)
        desk.drafts.forget_all()
        window.message_bar.forget_all()
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            clipboard.clear()
        self._cleared = True
        self.cleared.emit()

    # -- unlocking ------------------------------------------------------------------------

    def _check_pin_state(self) -> None:
        pins = self._window.context.pins
        if pins is None:
            self._tell_no_way()
            return
        worker, hours = self._window.context.worker_name, self._session.max_offline_hours
        self._window.runner.run(
            lambda: pins.state(worker, self._now(), hours),
            self._pin_state_known,
            lambda _error: self._pin_state_known(PinState.NOT_SET),
            pool=Pool.DISK,
        )

    def _pin_state_known(self, state: PinState) -> None:
        if not self._locked:
            return
        usable = state is PinState.USABLE
        self.screen.show_pin(usable)
        if state is PinState.EXPIRED:
            self.screen.tell(self._expired_text())
        elif state is PinState.DISABLED:
            self.screen.tell(self._disabled_text())
        elif not usable:
            self._tell_no_way()
        self.screen.focus_first()

    def _tell_no_way(self) -> None:
        if self._window.context.sign_in_again is None:
            self.screen.tell(
                self.tr(
                    "Lukituksen voi avata vain kirjautumalla uudelleen: lopeta ja käynnistä "
                    "Päivystys uudelleen. Lähtevät ja luonnokset säilyvät salattuina."
                )
            )

    def _expired_text(self) -> str:
        return self.tr(
            "PIN-koodi ei enää käy: edellisestä kirjautumisesta on yli {hours} tuntia. "
            "Kirjaudu uudelleen."
        ).format(hours=decimal_text(self._session.max_offline_hours))

    def _disabled_text(self) -> str:
        return self.tr(
            "PIN-koodi on poistettu käytöstä liian monen väärän yrityksen jälkeen. "
            "Kirjaudu uudelleen."
        )

    def _try_pin(self, pin: str) -> None:
        pins = self._window.context.pins
        if pins is None or not self._locked:
            return
        worker, hours = self._window.context.worker_name, self._session.max_offline_hours
        self.screen.set_busy(True)
        self.screen.tell(self.tr("Tarkistetaan PIN-koodia…"))
        self._window.runner.run(
            lambda: pins.unlock(pin, worker, self._now(), hours),
            self._pin_answered,
            self._unlock_failed,
            pool=Pool.DISK,
        )

    def _pin_answered(self, result: UnlockResult) -> None:
        self.screen.set_busy(False)
        outcome = result.outcome
        if outcome is Unlock.UNLOCKED:
            self.unlock()
            return
        if outcome is Unlock.WRONG:
            self.screen.tell(
                self.tr("Väärä PIN-koodi. Yrityksiä jäljellä: {count}.").format(
                    count=number_text(result.tries_left)
                )
            )
        else:
            self.screen.show_pin(False)
            if outcome is Unlock.EXPIRED:
                self.screen.tell(self._expired_text())
            elif outcome is Unlock.DISABLED:
                self.screen.tell(self._disabled_text())
            else:
                self._tell_no_way()
        self.screen.focus_first()

    def _sign_in(self) -> None:
        sign_in = self._window.context.sign_in_again
        if sign_in is None or not self._locked:
            return
        self.screen.set_busy(True)
        self.screen.tell(self.tr("Kirjaudu selaimessa. Odotetaan kirjautumista…"))
        self._window.runner.run(sign_in, self._signed_in, self._unlock_failed)

    def _signed_in(self, ok: bool) -> None:
        self.screen.set_busy(False)
        if not ok:
            self.screen.tell(self.tr("Kirjautuminen ei onnistunut. Yritä uudelleen."))
            self.screen.focus_first()
            return
        pins = self._window.context.pins
        if pins is not None:
            worker, moment = self._window.context.worker_name, self._now()
            self._window.runner.run(
                lambda: pins.signed_in_online(worker, moment),
                lambda _none: None,
                lambda error: log.warning("PIN not renewed: %s", type(error).__name__),
                pool=Pool.DISK,
            )
        self.unlock()

    def _unlock_failed(self, error: Exception) -> None:
        log.warning("unlocking failed: %s", type(error).__name__)
        self.screen.set_busy(False)
        self.screen.tell(self.tr("Lukituksen avaaminen epäonnistui. Yritä uudelleen."))
        self.screen.focus_first()

    def unlock(self) -> None:
        """Open the window again: the switcher, no client; the drafts are read back."""
        if not self._locked or not self._cleared:
            return
        self._locked = False
        window = self._window
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        window.menuBar().setVisible(True)
        window.statusBar().setVisible(True)
        self.screen.tell("")
        self._stack.setCurrentIndex(0)
        if window.outbox.available:
            window.desk.drafts.load(offer=False)
        window.switcher.setFocus(Qt.FocusReason.OtherFocusReason)
        window.messages.info(self.tr("Lukitus avattu. Luonnokset: Ctrl+Shift+L."))
        self.idle.restart()
        self.unlocked.emit()

    def stop(self) -> None:
        self._settle.stop()
        self.idle.stop()


def install_lock(window: MainWindow, now: Clock) -> SessionLock:
    """Put the lock into ``window``: the lock page beside its central widget, the idle
    watch, and "Lukitse" (F12) in its first menu."""
    return SessionLock(window, now)
