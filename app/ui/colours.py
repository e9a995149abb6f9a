"""Text colours that stay readable on the desktop's palette, light or dark.

The window draws on the palette the desktop gives it (a dark theme, a high-contrast
one); a text colour of our own that is dark on purpose (a green "reachable", a red
alert) would vanish on a dark window. :func:`readable` picks the light variant there.
Colours on a background of our own (the banners, the message bar) carry both and need
no choice.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

__all__ = ["AMBER", "BROWN", "GREEN", "GREY", "LINK_ON_YELLOW", "RED", "colour", "dark", "readable"]

# (on a light window, on a dark window)
GREEN = ("#1e6b2a", "#7fd68d")
RED = ("#a3231b", "#ff8a80")
AMBER = ("#8a4b00", "#ffc47a")
BROWN = ("#6b4a00", "#ffd27a")
GREY = ("#5f6b76", "#b7c3cd")
# A link on the training banner's own yellow: dark blue whatever the palette.
LINK_ON_YELLOW = "#0b3d91"


def dark() -> bool:
    """The application's window colour is dark (a dark desktop theme)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def readable(pair: tuple[str, str]) -> str:
    """The colour of ``pair`` readable on the application's window colour."""
    return pair[1] if dark() else pair[0]


def colour(pair: tuple[str, str]) -> QColor:
    return QColor(readable(pair))
