"""The window's duty workflows: duty hours and the population register.

Printing an entry is in ``test_gui_printing.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.training.server import POPULATION, TrainingServer
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    JARVENPAA,
    WAIT_MS,
    FakeClock,
    WindowOpener,
    clients,
    family,
    find_client,
    press,
    search,
    shows,
    status_text,
    wait_idle,
    widget_texts,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

HYVINKAA = "106"


# -- duty hours -----------------------------------------------------------------------


def test_the_window_shows_the_duty_and_follows_the_clock(
    qtbot: QtBot, opener: WindowOpener
) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 26, 14, 59, 30, tzinfo=HELSINKI))  # a Thursday
    window = opener.open(now=clock)
    duty = window.duty
    assert duty.label.text() == "Päivystys kiinni (virka-aika) – to 15.00 asti"
    assert duty.note.isVisible()
    assert "kunnat vastaavat nyt itse" in duty.note.text()
    # The timer is set for the transition, half a minute away.
    assert duty.timer.isActive()
    assert 25_000 <= duty.timer.remainingTime() <= 30_500

    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_2, CTRL)
    note = duty.note.text()
    assert "Järvenpää vastaa nyt itse asiakkaistaan" in note
    assert "Järvenpään aikuis- ja lastensuojelun virka-aikainen päivystys" in note
    assert "puh. +358 9 000 1860" in note
    assert "Alueellinen päivystys alkaa to 15.00" in note
    # Above the card, for the worker to see before anything else.
    assert (
        duty.note.mapTo(window, duty.note.rect().topLeft()).y()
        < window.desk.card.mapTo(window, window.desk.card.rect().topLeft()).y()
    )

    clock.set(2026, 11, 26, 15, 0, 1)
    with qtbot.waitSignal(duty.status_changed, timeout=WAIT_MS):
        duty.timer.start(0)  # as if the half minute had passed
    assert duty.label.text() == "Päivystys auki – pe 8.00 asti"
    assert not duty.note.isVisible()
    assert not shows(window, "VIRKA-AIKA")
    assert 55_000 <= duty.timer.remainingTime() <= 60_000  # at least once a minute

    # Friday afternoon: the weekend duty runs to Monday morning.
    clock.set(2026, 11, 27, 13, 30)
    with qtbot.waitSignal(duty.status_changed, timeout=WAIT_MS):
        duty.timer.start(0)
    assert duty.label.text() == "Päivystys auki – ma 8.00 asti"
    # The eve of Christmas Eve opens at 13:00 and the duty runs over the holidays.
    clock.set(2026, 12, 23, 13, 30)
    with qtbot.waitSignal(duty.status_changed, timeout=WAIT_MS):
        duty.timer.start(0)
    assert duty.label.text() == "Päivystys auki – ma 8.00 asti"
    assert "Pyhän aatto: Jouluaatto" in duty.label.toolTip()
    assert "ma 28.12.2026 klo 8.00" in duty.label.toolTip()


# -- population register ----------------------------------------------------------------


def test_a_childs_guardians_come_from_the_register(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, mother, father = family(training)
    population = window.desk.population
    with qtbot.waitSignal(population.record_shown, timeout=WAIT_MS):
        find_client(qtbot, window, child)
    panel = population.panel
    assert panel.isVisible()
    assert f"{mother.full_name} ({mother.hetu.value})" in panel.guardians.text()
    assert f"{father.full_name} ({father.hetu.value})" in panel.guardians.text()
    assert panel.home.text() == "Järvenpää (186)"
    assert child.address.street in panel.address.text()
    assert mother.full_name in panel.household.text()
    assert not population.offer.isVisible()

    # A guardian's card lists the children.
    press(window, Qt.Key.Key_F, CTRL)
    window.desk.search.field.setText("")
    with qtbot.waitSignal(population.record_shown, timeout=WAIT_MS):
        search(qtbot, window, mother.hetu.value)
    assert f"{child.full_name} ({child.hetu.value})" in panel.dependants.text()
    assert child.full_name not in panel.guardians.text()


def test_the_home_municipality_is_offered_and_ctrl_k_switches_to_it(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    population = window.desk.population
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    assert window.switcher.current_code() == HYVINKAA
    with qtbot.waitSignals([population.home_offered, window.desk.lookup_finished], timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    wait_idle(qtbot, window)
    assert "Henkilö ei ole asiakas (Hyvinkää" in status_text(window)
    assert population.offer.isVisible()
    assert population.offer.text.text() == "Asiakkaan kotikunta on Järvenpää – vaihda (Ctrl+K)"
    # Where to switch is all that was asked: no family of a person of another municipality.
    assert not population.panel.guardians.text()

    assert population.offer.button.isVisibleTo(window)  # for the mouse, the same switch
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        press(window, Qt.Key.Key_K, CTRL)
    assert window.switcher.current_code() == JARVENPAA
    assert window.desk.card.name.text() == child.full_name
    assert window.desk.search.field.text() == child.hetu.value
    assert not population.offer.isVisible()
    qtbot.waitUntil(lambda: bool(population.panel.guardians.text()), timeout=WAIT_MS)


def test_ctrl_k_without_an_offer_only_explains(qtbot: QtBot, window: MainWindow) -> None:
    press(window, Qt.Key.Key_K, CTRL)
    assert window.switcher.current_code() is None
    assert "Ei kotikuntaehdotusta" in status_text(window)


def test_the_offer_s_button_switches_too(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_3, CTRL)
    with qtbot.waitSignal(window.desk.population.home_offered, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        window.desk.population.offer.button.click()
    assert window.switcher.current_code() == JARVENPAA


def test_protected_addresses_appear_in_no_widget(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    teen = next(c for c in clients(training) if c.non_disclosure and c.guardians)
    guardian = next(c for c in clients(training) if c.hetu in teen.guardians)
    population = window.desk.population
    with qtbot.waitSignal(population.record_shown, timeout=WAIT_MS):
        find_client(qtbot, window, teen)
    texts = widget_texts(window)
    assert any(guardian.full_name in text for text in texts)  # the family is shown…
    assert population.panel.non_disclosure.text() == "TURVAKIELTO – osoitetta ei näytetä"
    for text in texts:  # …but no address of theirs
        for person in (teen, guardian):
            assert person.address.street not in text
            assert person.address.postal_code not in text


def test_the_register_s_protection_hides_the_client_systems_address(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    adult = next(c for c in clients(training) if not c.non_disclosure and not c.guardians)
    with qtbot.waitSignal(window.desk.population.record_shown, timeout=WAIT_MS):
        find_client(qtbot, window, adult)
    assert shows(window, adult.address.street)
    # The register protects the address since; the client system has not heard yet.
    register = training.population
    resident = register.resident(adult.hetu.value)
    assert resident is not None
    protected = replace(resident.client, non_disclosure=True)
    register.residents[adult.hetu.value] = replace(resident, client=protected)
    window.desk.search.field.clear()  # and the worker searches the client again
    with qtbot.waitSignal(window.desk.population.non_disclosure_found, timeout=WAIT_MS):
        search(qtbot, window, adult.hetu.value)
    assert not shows(window, adult.address.street)
    assert window.desk.card.non_disclosure.text() == "TURVAKIELTO – osoitetta ei näytetä"
    assert window.desk.population.panel.non_disclosure.text() == (
        "TURVAKIELTO – osoitetta ei näytetä"
    )


def test_a_register_outage_is_told_on_the_panel_and_the_card_still_works(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    training.set_online(POPULATION, False)
    child, _mother, _father = family(training)
    population = window.desk.population
    with qtbot.waitSignal(population.answered, timeout=WAIT_MS):
        find_client(qtbot, window, child)
    wait_idle(qtbot, window)
    assert window.desk.card.name.text() == child.full_name
    assert population.panel.isVisible()
    assert population.panel.notice.text() == (
        "Väestötietoja ei saatu: väestötietojärjestelmään ei saada yhteyttä. "
        "Asiakastiedot ovat silti käytössä."
    )
    assert not population.offer.isVisible()
