"""The message bar: outcomes and failures, never a dialog (qutebrowser's message view).

Components report through the window's one :class:`MessageBridge` and never hold the
widget. The window's :class:`MessageBar` shows what the bridge posts:

* an error stays until the worker dismisses it (its ✕ button, Esc while the bar has
  the focus, or "Kuittaa kaikki" in the recent messages, Ctrl+Shift+M);
* a warning stays too, but only the latest: the next warning replaces it, and a
  success line (the thing it warned of went well after all, e.g. the entry that
  waited was delivered) ends it; it can be dismissed like an error;
* an info or success line does not push an error or a warning away: it shows below
  them, and the next info line replaces it;
* the last :data:`HISTORY` messages stay in memory for the recent messages list.

A night worker on the phone must not have to dismiss dialogs, and must not miss a
failure because a routine line came right after it.

Only a message's level is logged: its text names municipalities and may quote a
system's reason, which is not for the log.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.clock import Clock, utc_now
from app.ui.locale_format import number_text, time_text

log = logging.getLogger(__name__)

HISTORY = 20
"""How many messages the recent messages list keeps (in memory only)."""
SHOWN_UNREAD = 3
"""How many unread errors and warnings the bar shows at once; the rest wait their turn."""


class Level(Enum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"

    @property
    def stays(self) -> bool:
        """Not pushed away by an info line (a warning only by a newer warning or a success)."""
        return self in (Level.WARNING, Level.ERROR)


@dataclass(frozen=True, eq=False)
class Message:
    """One message as the bar received it; two equal texts are still two messages."""

    level: Level
    text: str
    at: dt.datetime

    def line(self) -> str:
        """The text with its level's sign, as the bar and the list show it."""
        return PREFIXES[self.level] + self.text


PREFIXES = {Level.INFO: "", Level.SUCCESS: "✔ ", Level.WARNING: "⚠ ", Level.ERROR: "✖ "}
_COLOURS = {
    Level.INFO: ("#eef3f8", "#1b2b3a", "1px solid #9db4cc"),
    Level.SUCCESS: ("#e5f4e6", "#123d16", "2px solid #2e7d32"),
    Level.WARNING: ("#fff4d6", "#4a3500", "2px solid #b07d00"),
    Level.ERROR: ("#fde8e8", "#5c0b0b", "2px solid #b3261e"),
}


def _row_style(level: Level) -> str:
    background, colour, border = _COLOURS[level]
    return (
        f"QFrame#messageRow {{ background: {background}; border: {border}; }}"
        f" QLabel#messageText {{ color: {colour}; background: transparent; border: none; }}"
    )


class MessageBridge(QObject):
    """The one way components tell the worker what happened.

    Signals:
        message_posted(str, str): a message for the worker (level value, text).
        info_cleared(): the passing info line no longer holds (a preview opened over
            "Valmistellaan…"); unread errors and warnings stay.
    """

    message_posted = Signal(str, str)
    info_cleared = Signal()

    def show_message(self, level: Level, text: str) -> None:
        log.info("message shown: %s", level.value)
        self.message_posted.emit(level.value, text)

    def info(self, text: str) -> None:
        self.show_message(Level.INFO, text)

    def success(self, text: str) -> None:
        self.show_message(Level.SUCCESS, text)

    def warning(self, text: str) -> None:
        self.show_message(Level.WARNING, text)

    def error(self, text: str) -> None:
        self.show_message(Level.ERROR, text)

    def clear_message(self) -> None:
        """Take the passing info line away; unread errors and warnings stay."""
        self.info_cleared.emit()


class _Row(QFrame):
    """One line of the bar: the message and, for one that stays, its dismiss button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageRow")
        self.message: Message | None = None
        self.label = QLabel(self)
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setObjectName("dismissMessageButton")
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setAccessibleName(self.tr("Kuittaa viesti"))
        self.dismiss_button.setToolTip(self.tr("Kuittaa viesti (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def has_focus(self) -> bool:
        return self.dismiss_button.hasFocus() or self.label.hasFocus()

    def show_message(self, message: Message | None) -> None:
        self.message = message
        if message is None:
            self.setVisible(False)
            return
        self.label.setText(message.line())
        self.setStyleSheet(_row_style(message.level))
        self.dismiss_button.setVisible(message.level.stays)
        self.dismiss_button.setAccessibleDescription(message.text)
        self.setVisible(True)


class MessageBar(QFrame):
    """Shows what the bridge posts: unread errors and warnings, then the latest info line.

    ``zone`` is the policy's zone and ``now`` the window's clock, for the time each
    message came (:mod:`app.domain.clock`).

    Signals:
        changed(): what the bar holds changed (a message came, or was dismissed or
            cleared); the recent messages list follows it.
    """

    changed = Signal()

    def __init__(
        self,
        bridge: MessageBridge,
        zone: dt.tzinfo,
        now: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Viestit"))
        self.zone = zone
        self._now = now
        self._unread: list[Message] = []
        self._info: Message | None = None
        self._history: deque[Message] = deque(maxlen=HISTORY)
        # Created once, in order, so that their place in the Tab order is the bar's.
        self._rows = [_Row(self) for _ in range(SHOWN_UNREAD)]
        self._info_row = _Row(self)
        self._more = QLabel(self)
        self._more.setObjectName("moreMessages")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for row in self._rows:
            row.dismiss_button.clicked.connect(lambda _checked=False, r=row: self._dismiss_row(r))
            layout.addWidget(row)
        layout.addWidget(self._more)
        layout.addWidget(self._info_row)
        bridge.message_posted.connect(self._posted)
        bridge.info_cleared.connect(self.clear_info)
        self._render()

    # -- what the bar holds ---------------------------------------------------------

    def latest(self) -> Message | None:
        """The newest message the bar still shows.

        The info line, when there is one, came after every unread message: a message
        that stays takes the info line away.
        """
        if self._info is not None:
            return self._info
        return self._unread[-1] if self._unread else None

    @property
    def level(self) -> Level | None:
        """The level of :meth:`latest`."""
        latest = self.latest()
        return latest.level if latest is not None else None

    def unread(self) -> list[Message]:
        """The errors and warnings not dismissed yet, oldest first."""
        return list(self._unread)

    def recent(self) -> list[Message]:
        """The last :data:`HISTORY` messages, newest first."""
        return list(reversed(self._history))

    def is_unread(self, message: Message) -> bool:
        return message in self._unread

    def text(self) -> str:
        """Everything the bar shows, a line each, as a screen reader reads it."""
        lines = [row.label.text() for row in self._rows if row.message is not None]
        if self._more.text():
            lines.append(self._more.text())
        if self._info is not None:
            lines.append(self._info.line())
        return "\n".join(lines)

    def moment(self, message: Message) -> str:
        """When ``message`` came, ``23.15.07`` in the policy's zone and the interface's
        locale."""
        return time_text(clock.local(message.at, self.zone), seconds=True)

    # -- changes --------------------------------------------------------------------

    def show_message(self, level: Level, text: str) -> None:
        message = Message(level, text, self._now())
        self._history.append(message)
        if level is Level.SUCCESS or level is Level.WARNING:
            # One warning at a time: a newer one, or a success, ends the one before.
            self._unread = [m for m in self._unread if m.level is not Level.WARNING]
        if level.stays:
            # The same failure again is one line, moved to the end, not a second one.
            self._unread = [m for m in self._unread if (m.level, m.text) != (level, text)]
            self._unread.append(message)
            # An info line from before the failure would read as what happened after it.
            self._info = None
        else:
            self._info = message
        self._render()

    def dismiss(self, message: Message | None = None) -> None:
        """Dismiss ``message``, or the newest unread one."""
        if message is None and self._unread:
            message = self._unread[-1]
        if message in self._unread:
            self._unread.remove(message)
            self._render()

    def dismiss_all(self) -> None:
        if self._unread:
            self._unread.clear()
            self._render()

    def clear_info(self) -> None:
        if self._info is not None:
            self._info = None
            self._render()

    def forget_all(self) -> None:
        """The window locked: every message and the history go (one may name a client)."""
        self._unread.clear()
        self._info = None
        self._history.clear()
        self._render()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Esc with the focus in the bar dismisses the focused message, or the newest."""
        if event.key() != Qt.Key.Key_Escape or not self._unread:
            super().keyPressEvent(event)
            return
        focused = next((row for row in self._rows if row.has_focus()), None)
        if focused is not None:
            self._dismiss_row(focused)
        else:
            self.dismiss()
        event.accept()

    def _posted(self, level: str, text: str) -> None:
        self.show_message(Level(level), text)

    def _dismiss_row(self, row: _Row) -> None:
        had_focus = row.has_focus()
        if row.message is not None:
            self.dismiss(row.message)
        if had_focus and row.message is None:
            # Its line went: on to the newest message still unread, where Esc again
            # dismisses; with none left, Qt has moved the focus on in the window.
            remaining = [r for r in self._rows if r.message is not None]
            if remaining:
                remaining[-1].dismiss_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _render(self) -> None:
        shown = self._unread[-SHOWN_UNREAD:]
        for index, row in enumerate(self._rows):
            row.show_message(shown[index] if index < len(shown) else None)
        hidden = len(self._unread) - len(shown)
        if hidden == 1:
            more = self.tr("Lisäksi 1 kuittaamaton viesti: Ctrl+Shift+M.")
        elif hidden:
            more = self.tr("Lisäksi {n} kuittaamatonta viestiä: Ctrl+Shift+M.").format(
                n=number_text(hidden)
            )
        else:
            more = ""
        self._more.setText(more)
        self._more.setVisible(hidden > 0)
        self._info_row.show_message(self._info)
        text = self.text()
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
        self.changed.emit()
