"""Under a dark desktop palette the window's own text colours stay readable: the
municipalities' reachability and the duty status take their light variants (WCAG's
4.5:1 against the colour they are drawn on). ``./dev screenshots`` shows the same
(docs/screen-dark.png)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui import colours
from tests.gui_helpers import WindowOpener

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    palette = QPalette(before)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


@pytest.mark.parametrize(
    "pair", [colours.GREEN, colours.RED, colours.AMBER, colours.BROWN, colours.GREY]
)
def test_each_colour_reads_on_both_palettes(pair: tuple[str, str]) -> None:
    assert contrast(QColor(pair[0]), QColor("#ffffff")) >= AA
    assert contrast(QColor(pair[1]), QColor("#1e1e1e")) >= AA


def test_the_window_s_colours_read_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, opener: WindowOpener
) -> None:
    assert colours.dark()
    window = opener.open()
    base = dark.color(QPalette.ColorRole.Base)
    switcher = window.switcher
    for row in range(switcher.count()):
        foreground = switcher.item(row).foreground().color()
        assert contrast(foreground, base) >= AA, switcher.item(row).text()
    found = re.search(r"color: (#[0-9a-fA-F]{6})", window.duty.label.styleSheet())
    assert found is not None
    assert contrast(QColor(found.group(1)), dark.color(QPalette.ColorRole.Window)) >= AA


def test_a_light_palette_keeps_the_dark_colours(qapp: QApplication) -> None:
    if qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128:
        pytest.skip("the platform's own palette is dark")
    assert colours.readable(colours.GREEN) == colours.GREEN[0]
