"""The tray icon: the duty, the VPN and the outbox in sight with the window minimised.

Its tooltip and icon follow a :class:`~app.ui.status_watch.StatusWatch`; its
notifications are the watch's (counts and municipality names, never a client). Its
menu shows the window, locks it (the window's own F12 action) and quits. Where the
platform has no system tray (offscreen, some desktops) there is none, and nothing
is said about it: the window's status bar tells the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.ui.announce import announce
from app.ui.status_watch import Level, StatusWatch, watch_window

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

_SIZE = 64
_COLOURS = {
    Level.OK: "#1e6b2a",
    Level.WAITING: "#8a6d00",
    Level.VPN_DOWN: "#5f6368",
    Level.ATTENTION: "#b3261e",
}
NOTIFICATION_MS = 10_000


def draw_icon(level: Level, undelivered: int, duty_on: bool | None) -> QIcon:
    """A disc in the level's colour, and a shape as well as a colour for each level: a
    slash for the VPN down, an exclamation mark for attention; the outbox count in a
    badge; a ring instead of a disc while the regional duty is closed."""
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_COLOURS[level])
    disc = QRectF(4, 4, _SIZE - 8, _SIZE - 8)
    painter.setPen(QPen(colour, 8))
    painter.setBrush(QBrush(colour) if duty_on is not False else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(disc)
    mark = QColor("#ffffff") if duty_on is not False else colour
    if level is Level.VPN_DOWN:
        painter.setPen(QPen(QBrush(mark), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(16, 48), QPointF(48, 16))
    elif level is Level.ATTENTION:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(44)
        painter.setFont(font)
        painter.setPen(mark)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, "!")
    if undelivered:
        badge = QRectF(_SIZE - 30, _SIZE - 30, 30, 30)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(QColor("#000000"))
        painter.drawEllipse(badge)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(18)
        painter.setFont(font)
        painter.drawText(
            badge, Qt.AlignmentFlag.AlignCenter, str(undelivered) if undelivered < 100 else "99+"
        )
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    """The system tray icon of ``window``, following ``watch``."""

    def __init__(self, watch: StatusWatch, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("tray")
        self._watch = watch
        self._window = window
        self.icon = QSystemTrayIcon(self)
        # No parent: a window's menu would be disabled with the window's actions.
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.setToolTipsVisible(True)
        # The menu's own actions stay enabled while the window is locked (its lock
        # disables the window's): the lock screen shows, and quits.
        self.show_action = QAction(
            QCoreApplication.translate("Tray", "&Näytä Päivystys"), self.menu
        )
        self.show_action.setObjectName("trayShowAction")
        self.show_action.triggered.connect(lambda _checked=False: self.show_window())
        self.menu.addAction(self.show_action)
        # The window's own action: its F12 shows in the menu.
        self.menu.addAction(window.lock.action)
        self.menu.addSeparator()
        self.quit_action = QAction(QCoreApplication.translate("Tray", "&Lopeta"), self.menu)
        self.quit_action.setObjectName("trayQuitAction")
        self.quit_action.triggered.connect(lambda _checked=False: window.close())
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        watch.changed.connect(self.update)
        watch.notify.connect(self.show_notification)
        self.update()

    @property
    def tooltip(self) -> str:
        return self.icon.toolTip()

    def update(self) -> None:
        watch = self._watch
        self.icon.setToolTip(watch.tooltip)
        self.icon.setIcon(draw_icon(watch.level, watch.undelivered, watch.duty_on))

    def show_notification(self, title: str, message: str, warning: bool) -> None:
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if warning
            else QSystemTrayIcon.MessageIcon.Information
        )
        if self.icon.isVisible():
            self.icon.showMessage(title, message, kind, NOTIFICATION_MS)

    def show_window(self) -> None:
        window = self._window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    def hide(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()


def install_tray(window: MainWindow) -> tuple[StatusWatch, Tray | None]:
    """The window's status watch, its changes announced to assistive technology from
    the status bar, and its tray icon where the platform has a tray."""
    watch = watch_window(window)
    bar = window.statusBar()
    # From the status bar, or the window while the lock hides the bar.
    watch.announce.connect(lambda message: announce(bar if bar.isVisible() else window, message))
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return watch, None
    tray = Tray(watch, window)
    tray.icon.show()
    return watch, tray
