"""The message bar: an error stays until the worker dismisses it, info lines replace
each other beside it, and the last messages are one shortcut away (Ctrl+Shift+M)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import HELSINKI
from app.ui.main_window import MainWindow
from app.ui.message_bar import HISTORY, SHOWN_UNREAD, Level, MessageBar, MessageBridge
from app.ui.recent_messages import RecentMessagesDialog
from tests.gui_helpers import (
    CTRL,
    WAIT_MS,
    FakeClock,
    WindowOpener,
    press,
    status_level,
    status_text,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

SHIFT_CTRL = CTRL | Qt.KeyboardModifier.ShiftModifier
# Ctrl+1 in the example policy.
HYVINKAA = "106"
FAILURE = "Kirjausta ei voitu tallentaa: levy on täynnä. Mitään ei tallennettu."
# The three info lines the window says when asked with these keys, in this order.
SELECTED = "Kunta: Hyvinkää."
NO_OFFER = "Ei kotikuntaehdotusta: hae ensin henkilötunnuksella."
NO_DRAFTS = "Ei tallentamattomia luonnoksia."
AT = dt.datetime(2026, 11, 27, 0, 47, 5, tzinfo=HELSINKI)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def shown_rows(bar: MessageBar) -> list[str]:
    """The texts of the bar's rows a worker sees, top down."""
    return [
        label.text() for label in bar.findChildren(QLabel, "messageText") if label.isVisibleTo(bar)
    ]


def dismiss_buttons(bar: MessageBar) -> list[QToolButton]:
    return [
        button
        for button in bar.findChildren(QToolButton, "dismissMessageButton")
        if button.isVisibleTo(bar)
    ]


def error_then_three_infos(qtbot: QtBot, window: MainWindow) -> None:
    """A failure a component reports, then three info lines the worker's keys bring."""
    window.messages.error(FAILURE)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    assert window.switcher.current_code() == HYVINKAA
    press(window, Qt.Key.Key_K, CTRL)
    press(window, Qt.Key.Key_L, SHIFT_CTRL)
    assert status_text(window) == NO_DRAFTS


def test_an_error_survives_three_info_messages_until_dismissed_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.message_bar
    error_then_three_infos(qtbot, window)

    # Still on screen, with the latest info line below it; the earlier ones are gone.
    assert [m.text for m in bar.unread()] == [FAILURE]
    assert bar.isVisible()
    assert shown_rows(bar) == ["✖ " + FAILURE, NO_DRAFTS]
    assert bar.accessibleName() == "Viestit"
    assert bar.accessibleDescription() == f"✖ {FAILURE}\n{NO_DRAFTS}"
    assert SELECTED not in bar.accessibleDescription()
    assert NO_OFFER not in bar.accessibleDescription()
    [button] = dismiss_buttons(bar)
    assert button.accessibleName() == "Kuittaa viesti"

    # Tab reaches the dismiss button; Esc there dismisses the error.
    window.desk.focus_search()
    for _ in range(60):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is button:
            break
    assert focused() is button
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert bar.unread() == []
    assert FAILURE not in bar.accessibleDescription()
    assert shown_rows(bar) == [NO_DRAFTS]
    assert dismiss_buttons(bar) == []
    # The focus went on in the window, not nowhere.
    assert QApplication.focusWidget() is not None


def test_ctrl_shift_m_lists_the_recent_messages_and_enter_dismisses_the_error(
    qtbot: QtBot, opener: WindowOpener
) -> None:
    clock = FakeClock(AT)
    window = opener.open(now=clock)
    error_then_three_infos(qtbot, window)
    press(window, Qt.Key.Key_M, SHIFT_CTRL)
    dialog = window.findChild(RecentMessagesDialog, "recentMessages")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert not dialog.isModal()
    qtbot.waitUntil(dialog.list.hasFocus, timeout=WAIT_MS)

    lines = dialog.lines()
    newest_first = [NO_DRAFTS, NO_OFFER, SELECTED, FAILURE]
    indexes = [next(i for i, line in enumerate(lines) if text in line) for text in newest_first]
    assert indexes == sorted(indexes)
    assert all(line.startswith("0.47.05  ") for line in lines)
    [failure] = [line for line in lines if FAILURE in line]
    assert failure == f"0.47.05  ✖ {FAILURE} (kuittaamatta)"

    # Enter: read, dismissed, and the list closes.
    assert dialog.dismiss_button.isDefault()
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert window.message_bar.unread() == []
    assert window.message_bar.accessibleDescription() == NO_DRAFTS
    # Reopened, it still lists the error, no longer unread; nothing left to dismiss.
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    press(window, Qt.Key.Key_M, SHIFT_CTRL)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert f"0.47.05  ✖ {FAILURE}" in dialog.lines()
    assert not dialog.dismiss_button.isEnabled()
    qtbot.waitUntil(dialog.list.hasFocus, timeout=WAIT_MS)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_info_replaces_info(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.message_bar
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    assert shown_rows(bar) == [SELECTED]
    press(window, Qt.Key.Key_K, CTRL)
    assert shown_rows(bar) == [NO_OFFER]
    assert bar.accessibleDescription() == NO_OFFER
    assert status_level(window) is Level.INFO
    assert dismiss_buttons(bar) == []
    window.messages.success("Kirjaus tallennettu.")
    assert shown_rows(bar) == ["✔ Kirjaus tallennettu."]
    assert status_level(window) is Level.SUCCESS


# -- the bar alone ------------------------------------------------------------------------


@dataclass(frozen=True)
class Loose:
    """A bridge and its bar in a window of their own; held here, the window lives as
    long as the test."""

    window: QWidget
    bridge: MessageBridge
    bar: MessageBar


@pytest.fixture
def loose(qtbot: QtBot) -> Loose:
    window = QWidget()
    qtbot.addWidget(window)
    bridge = MessageBridge(window)
    return Loose(window, bridge, MessageBar(bridge, HELSINKI, lambda: AT, window))


def test_an_error_hides_the_info_line_before_it_and_a_cleared_line_leaves_it(
    loose: Loose,
) -> None:
    bridge, widget = loose.bridge, loose.bar
    bridge.info("Valmistellaan tulostetta…")
    bridge.warning("Oletustulostinta ei löydy.")
    # "Valmistellaan…" from before the warning would read as what happens now.
    assert widget.text() == "⚠ Oletustulostinta ei löydy."
    bridge.info("Lähetetään tulostimelle…")
    bridge.clear_message()
    assert widget.text() == "⚠ Oletustulostinta ei löydy."
    # The newest message still shown is the warning.
    assert widget.level is Level.WARNING
    widget.dismiss()
    assert widget.text() == ""
    assert widget.latest() is None
    assert widget.isHidden()


def test_the_same_failure_twice_is_one_line_and_the_oldest_wait_their_turn(
    loose: Loose,
) -> None:
    bridge, widget = loose.bridge, loose.bar
    bridge.error("Yhteys katkesi.")
    bridge.error("Yhteys katkesi.")
    assert [m.text for m in widget.unread()] == ["Yhteys katkesi."]
    assert len(widget.recent()) == 2
    for n in range(SHOWN_UNREAD):
        bridge.error(f"Virhe {n}.")
    assert len(widget.unread()) == SHOWN_UNREAD + 1
    lines = widget.text().splitlines()
    assert lines[0] == "✖ Virhe 0."
    assert "Lisäksi 1 kuittaamaton viesti: Ctrl+Shift+M." in lines
    assert "✖ Yhteys katkesi." not in lines
    # The newest dismissed, the oldest shows again.
    widget.dismiss()
    assert widget.text().splitlines()[0] == "✖ Yhteys katkesi."
    assert "Lisäksi" not in widget.text()


def test_a_warning_gives_way_to_the_next_warning_or_a_success_never_to_info(
    loose: Loose,
) -> None:
    bridge, widget = loose.bridge, loose.bar
    bridge.error("Yhteys katkesi.")
    bridge.warning("Kirjaus odottaa lähtevissä.")
    bridge.info("Haetaan asiakasta…")
    assert [m.text for m in widget.unread()] == ["Yhteys katkesi.", "Kirjaus odottaa lähtevissä."]
    bridge.warning("Asiakasta ei löytynyt.")
    assert [m.text for m in widget.unread()] == ["Yhteys katkesi.", "Asiakasta ei löytynyt."]
    bridge.success("Kirjaus toimitettu.")
    # The error stays until dismissed; the warning ended with the success.
    assert [m.text for m in widget.unread()] == ["Yhteys katkesi."]
    assert widget.text().splitlines() == ["✖ Yhteys katkesi.", "✔ Kirjaus toimitettu."]


def test_the_list_keeps_the_last_messages_only(loose: Loose) -> None:
    bridge, widget = loose.bridge, loose.bar
    for n in range(HISTORY + 5):
        bridge.info(f"Viesti {n}.")
    recent = widget.recent()
    assert len(recent) == HISTORY
    assert recent[0].text == f"Viesti {HISTORY + 4}."
    assert recent[-1].text == "Viesti 5."


def test_only_the_level_is_logged(loose: Loose, caplog: pytest.LogCaptureFixture) -> None:
    bridge = loose.bridge
    with caplog.at_level(logging.DEBUG):
        bridge.error("Järvenpää, Effica: asiakas 010101-900X puuttuu.")
    assert "error" in caplog.text
    assert "Järvenpää" not in caplog.text
    assert "010101-900X" not in caplog.text


def test_esc_dismisses_one_message_after_another(qtbot: QtBot, loose: Loose) -> None:
    bridge, widget = loose.bridge, loose.bar
    loose.window.show()
    qtbot.waitExposed(loose.window)
    loose.window.activateWindow()
    qtbot.waitUntil(loose.window.isActiveWindow)
    bridge.error("Ensimmäinen virhe.")
    bridge.warning("Toinen varoitus.")
    buttons = dismiss_buttons(widget)
    assert len(buttons) == 2
    buttons[-1].setFocus()
    qtbot.waitUntil(buttons[-1].hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert [m.text for m in widget.unread()] == ["Ensimmäinen virhe."]
    [left] = dismiss_buttons(widget)
    assert left.hasFocus()
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert widget.unread() == []
    assert widget.isHidden()
