"""The recent messages (Ctrl+Shift+M): the message bar's last messages with their times.

Non-modal, newest first, following the bar while open. Enter dismisses every unread
error and warning ("Kuittaa kaikki", the default while there are any) and closes the
list; Esc only closes it.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.focus import activate, show_focus
from app.ui.message_bar import MessageBar


class RecentMessagesDialog(QDialog):
    """The bar's last messages, a line each: time, level sign, text, whether unread."""

    def __init__(self, bar: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentMessages")
        self.setWindowTitle(self.tr("Viimeisimmät viestit"))
        self._bar = bar
        intro = QLabel(
            self.tr(
                "Viestit uusimmasta alkaen. Kuittaamattomat virheet ja varoitukset näkyvät "
                "ikkunan yläreunassa, kunnes ne kuitataan. Esc sulkee."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recentMessageList")
        self.list.setAccessibleName(self.tr("Viimeisimmät viestit"))
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.dismiss_button = buttons.addButton(
            self.tr("&Kuittaa kaikki"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.dismiss_button.setObjectName("dismissAllButton")
        self.close_button = buttons.addButton(
            self.tr("&Sulje"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setObjectName("closeMessagesButton")
        buttons.accepted.connect(self._dismiss_all)
        buttons.rejected.connect(self.reject)
        bar.changed.connect(self.refresh)
        show_focus(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(680, 360)
        self.refresh()
        self.list.setFocus()

    def lines(self) -> list[str]:
        """What the list shows, newest first."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def refresh(self) -> None:
        self.list.clear()
        for message in self._bar.recent():
            text = f"{self._bar.moment(message)}  {message.line()}"
            if self._bar.is_unread(message):
                text += " " + self.tr("(kuittaamatta)")
            item = QListWidgetItem(text, self.list)
            item.setToolTip(message.text)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            QListWidgetItem(self.tr("Ei viestejä."), self.list)
        unread = bool(self._bar.unread())
        self.dismiss_button.setEnabled(unread)
        self.dismiss_button.setDefault(unread)
        self.close_button.setDefault(not unread)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        activate(self)

    def done(self, result: int) -> None:
        """Closed by a key: the window's keys work again at once, wherever the
        window manager hands the activation."""
        super().done(result)
        parent = self.parentWidget()
        if parent is not None:
            parent.activateWindow()

    def _dismiss_all(self) -> None:
        self._bar.dismiss_all()
        self.accept()
