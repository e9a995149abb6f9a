"""The tray icon and the status announcements follow the window's real signals.

Against the real training systems and a real SQLCipher outbox. Offscreen there is no
system tray: the window has none (and says nothing of it), and the tests build the
tray object themselves, without showing it, to read its tooltip and menu.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from app.ui.status_watch import Level, StatusWatch
from app.ui.tray import Tray, draw_icon
from tests.gui_helpers import (
    HELSINKI,
    JARVENPAA,
    WAIT_MS,
    FakeClock,
    WindowOpener,
    clients,
    find_client,
    put_rejected_entry,
    save,
    status_text,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


class Heard:
    """Everything the watch and the tray said: tooltips, notifications, announcements."""

    def __init__(self, watch: StatusWatch, tray: Tray) -> None:
        self.tray = tray
        self.tooltips: list[str] = [tray.tooltip]
        self.notifications: list[tuple[str, str, bool]] = []
        self.announcements: list[str] = []
        watch.changed.connect(lambda: self.tooltips.append(tray.tooltip))
        watch.notify.connect(lambda *args: self.notifications.append(args))
        watch.announce.connect(self.announcements.append)

    def texts(self) -> list[str]:
        said = [f"{title} {message}" for title, message, _warning in self.notifications]
        menu = [action.text() for action in self.tray.menu.actions()]
        return self.tooltips + said + self.announcements + menu

    def assert_no_client(self, client: SyntheticClient, *more: str) -> None:
        fragments = [client.hetu.value, client.last_name, *client.first_names.split(), *more]
        for fragment in fragments:
            assert not any(fragment in text for text in self.texts()), fragment


def tray_of(window: MainWindow) -> Tray:
    """The window's tray; offscreen, one built as the window would, not shown."""
    if window.tray is not None:
        return window.tray
    tray = Tray(window.status_watch, window)
    window.destroyed.connect(tray.menu.deleteLater)
    return tray


def test_without_a_system_tray_the_window_has_none_and_says_nothing(window: MainWindow) -> None:
    if QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip("this platform has a system tray")
    assert window.tray is None
    assert window.status_watch.tooltip.startswith("Päivystys")
    said = status_text(window).lower()
    assert "tray" not in said
    assert "ilmoitusalue" not in said


def test_the_tray_follows_an_entry_that_waits_and_is_delivered(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    watch = window.status_watch
    tray = tray_of(window)
    heard = Heard(watch, tray)
    qtbot.waitUntil(lambda: "Lähtevät: 0" in tray.tooltip, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: watch.level is Level.OK, timeout=WAIT_MS)
    assert "VPN: yhteys" in tray.tooltip
    assert "Päivystys " in tray.tooltip.splitlines()[1]  # the duty banner's state
    assert tray.tooltip.splitlines()[0] == "Päivystys – HARJOITTELU"

    child = clients(training)[0]
    find_client(qtbot, window, child)
    training.set_online(JARVENPAA, False)
    narrative = "Poliisi soitti: nuori ei palannut kotiin."
    write_entry(qtbot, window, narrative)
    with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
        save(qtbot, window)
    qtbot.waitUntil(lambda: watch.undelivered == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: watch.level is Level.VPN_DOWN, timeout=WAIT_MS)
    assert "Lähtevät: 1" in tray.tooltip
    assert "VPN: ei yhteyttä (1 kunta)" in tray.tooltip
    assert "VPN: ei yhteyttä (1 kunta)" in heard.announcements
    qtbot.waitUntil(lambda: "Odottaa lähtevissä: Järvenpää" in heard.announcements)
    assert heard.announcements.count("Odottaa lähtevissä: Järvenpää") == 1
    assert heard.notifications == []

    with qtbot.waitSignal(watch.notify, timeout=WAIT_MS) as told:
        training.set_online(JARVENPAA, True)
    assert told.args == [
        "Päivystys: toimitettu",
        "Odottaneet kirjaukset toimitettu: Järvenpää (1).",
        False,
    ]
    qtbot.waitUntil(lambda: watch.undelivered == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: watch.level is Level.OK, timeout=WAIT_MS)
    assert "Lähtevät: 0" in tray.tooltip
    assert "Odottaneet kirjaukset toimitettu: Järvenpää (1)." in heard.announcements
    heard.assert_no_client(child, narrative)


def test_an_item_needing_attention_is_told_and_drawn(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    watch = window.status_watch
    tray = tray_of(window)
    heard = Heard(watch, tray)
    child = clients(training)[0]
    with qtbot.waitSignal(watch.notify, timeout=WAIT_MS) as told:
        put_rejected_entry(window, child)
    assert told.args == [
        "Päivystys: vaatii toimia",
        "Vaatii toimia: Järvenpää (1). Avaa lähtevät (Ctrl+L).",
        True,
    ]
    qtbot.waitUntil(lambda: watch.level is Level.ATTENTION, timeout=WAIT_MS)
    assert "Lähtevät: 1, 1 vaatii toimia" in tray.tooltip
    assert "Vaatii toimia: Järvenpää (1). Avaa lähtevät (Ctrl+L)." in heard.announcements
    heard.assert_no_client(child)


def test_a_vpn_outage_is_drawn_announced_and_its_end_too(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    watch = window.status_watch
    tray = tray_of(window)
    heard = Heard(watch, tray)
    qtbot.waitUntil(lambda: "VPN: yhteys" in tray.tooltip, timeout=WAIT_MS)
    practice = window.outage_practice
    assert practice is not None
    with qtbot.waitSignal(practice.outage_changed, timeout=WAIT_MS):
        practice.actions["245"].setChecked(True)
    qtbot.waitUntil(lambda: watch.level is Level.VPN_DOWN, timeout=WAIT_MS)
    assert "VPN: ei yhteyttä (1 kunta)" in tray.tooltip
    assert heard.announcements[-1] == "VPN: ei yhteyttä (1 kunta)"
    with qtbot.waitSignal(practice.outage_changed, timeout=WAIT_MS):
        practice.actions["245"].setChecked(False)
    qtbot.waitUntil(lambda: watch.level is Level.OK, timeout=WAIT_MS)
    assert heard.announcements[-1] == "VPN: yhteys"
    assert heard.notifications == []


@pytest.mark.qt_log_ignore(
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^This plugin does not support raise\(\)$",
)
def test_the_tray_menu_shows_the_window_locks_it_and_quits(
    qtbot: QtBot, window: MainWindow
) -> None:
    tray = tray_of(window)
    actions = [action for action in tray.menu.actions() if not action.isSeparator()]
    assert [action.text() for action in actions] == ["&Näytä Päivystys", "L&ukitse", "&Lopeta"]
    assert actions[1] is window.lock.action
    assert actions[1].shortcut() == QKeySequence("F12")
    window.showMinimized()
    actions[0].trigger()
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=WAIT_MS)
    actions[1].trigger()
    assert window.lock.is_locked
    # Locked: the menu still shows the window and quits.
    assert actions[0].isEnabled()
    assert actions[2].isEnabled()


def test_the_tray_follows_the_duty_banner(qtbot: QtBot, opener: WindowOpener) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 26, 14, 59, 30, tzinfo=HELSINKI))  # a Thursday
    window = opener.open(now=clock)
    watch = window.status_watch
    tray = tray_of(window)
    assert [watch.duty_on] == [False]
    assert "Päivystys kiinni (virka-aika) – to 15.00 asti" in tray.tooltip.splitlines()
    clock.set(2026, 11, 26, 15, 0, 1)
    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        window.duty.timer.start(0)  # as if the half minute had passed
    assert [watch.duty_on] == [True]
    assert "Päivystys auki – pe 8.00 asti" in tray.tooltip.splitlines()


def test_each_level_is_drawn_differently_not_only_in_colour() -> None:
    images = {
        (level, count, on): draw_icon(level, count, on).pixmap(64, 64).toImage()
        for level in Level
        for count in (0, 3)
        for on in (True, False)
    }
    distinct = {bytes(image.constBits()) for image in images.values()}
    assert len(distinct) == len(images)
