"""Printing the entry saved last (Ctrl+P), with the dialogs and the spooler stood in for.

The real print through CUPS is in ``test_printing.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.domain.policy import PrintingConfig
from app.services.documents import CONFIDENTIAL
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from app.ui.message_bar import Level
from app.ui.printing.preview import PrintPreview
from app.ui.printing.printer import available_printers, page_count
from tests.fakes import closed_port_url
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    JARVENPAA,
    WAIT_MS,
    FakeClock,
    WindowOpener,
    family,
    find_client,
    press,
    save,
    search,
    select_jarvenpaa,
    status_level,
    status_text,
    with_endpoint,
    write_entry,
)
from tests.helpers import pdf_text

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


class PrintSpy:
    """Stands in for the dialogs and the spooler: records what would have printed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, choose: str = "print") -> None:
        # Per preview shown: its page count and whether it offered "Tallenna PDF…".
        self.previews: list[tuple[int, bool]] = []
        self.dialog_printers: list[str] = []
        self.printed: list[tuple[bytes, str]] = []
        spy = self

        def preview_exec(preview: PrintPreview) -> int:
            preview.preview.updatePreview()
            spy.previews.append(
                (preview.preview.pageCount(), preview.save_button.isVisibleTo(preview))
            )
            if choose == "print":
                preview.print_button.click()
            else:
                preview.save_button.click()
            return int(preview.result())

        def dialog_exec(dialog: QPrintDialog) -> int:
            spy.dialog_printers.append(dialog.printer().printerName())
            return 1

        def fake_print(pdf: bytes, printer: QPrinter, _config: PrintingConfig) -> int:
            spy.printed.append((pdf, printer.printerName()))
            return page_count(pdf)

        monkeypatch.setattr(PrintPreview, "exec", preview_exec)
        monkeypatch.setattr(QPrintDialog, "exec", dialog_exec)
        monkeypatch.setattr("app.ui.printing.flow.print_pdf", fake_print)


def save_an_entry(qtbot: QtBot, window: MainWindow, client: SyntheticClient, text: str) -> None:
    find_client(qtbot, window, client)
    write_entry(qtbot, window, text)
    with qtbot.waitSignal(window.desk.entry_saved, timeout=WAIT_MS):
        save(qtbot, window)


def test_ctrl_p_after_saving_prints_the_entry(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = replace(training.policy, printing=PrintingConfig(default_printer="PDF"))
    clock = FakeClock(dt.datetime(2026, 11, 27, 2, 10, tzinfo=HELSINKI))
    window = opener.open(opener.context(policy), now=clock)
    spy = PrintSpy(monkeypatch)
    child, _mother, _father = family(training)
    narrative = "Poliisi toi lapsen päivystykseen. Ŋ Đ Ŧ ä ö"
    save_an_entry(qtbot, window, child, narrative)
    printing = window.desk.printing
    assert printing.button.isVisible()
    assert printing.button.text() == "Tulosta (Ctrl+P)"

    with qtbot.waitSignal(printing.printed, timeout=WAIT_MS) as printed:
        press(window, Qt.Key.Key_P, CTRL)
    [(pdf, printer_name)] = spy.printed
    pages = page_count(pdf)
    # Without a CUPS scheduler (outside .ci/run) Qt knows no printer by name.
    assert printed.args == [printer_name or "oletustulostin", pages]
    # The preview showed every page and, as the policy does not allow it, no "save".
    assert spy.previews == [(pages, False)]
    text = pdf_text(pdf)
    for fragment in (narrative, child.full_name, child.hetu.value, CONFIDENTIAL):
        assert fragment in text
    assert "Tulostanut: Päivystäjä Testi, 27.11.2026 klo 02.10" in text
    if "PDF" in available_printers():
        assert spy.dialog_printers == ["PDF"] == [printer_name]
    assert status_level(window) is Level.SUCCESS
    assert f"Kirjaus lähetetty tulostimelle {printer_name}" in status_text(window)

    # The entry goes with the client.
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_3, CTRL)
    assert printing.last is None
    assert not printing.button.isVisible()
    press(window, Qt.Key.Key_P, CTRL)
    assert "Ei tulostettavaa kirjausta" in status_text(window)
    assert len(spy.previews) == 1


def test_a_missing_default_printer_is_said_and_the_system_default_used(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = replace(training.policy, printing=PrintingConfig(default_printer="Olematon"))
    window = opener.open(opener.context(policy))
    spy = PrintSpy(monkeypatch)
    messages: list[tuple[str, str]] = []
    window.messages.message_posted.connect(lambda level, text: messages.append((level, text)))
    save_an_entry(qtbot, window, family(training)[0], "Kirjaus tulostettavaksi")
    with qtbot.waitSignal(window.desk.printing.printed, timeout=WAIT_MS):
        press(window, Qt.Key.Key_P, CTRL)
    assert (
        "warning",
        "Oletustulostinta Olematon ei löydy tältä työasemalta: valitse tulostin.",
    ) in (messages)
    assert spy.dialog_printers != ["Olematon"]


def test_a_pdf_is_saved_only_where_the_policy_allows(
    qtbot: QtBot,
    opener: WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    policy = replace(training.policy, printing=PrintingConfig(allow_pdf_save=True))
    window = opener.open(opener.context(policy))
    spy = PrintSpy(monkeypatch, choose="save")
    target = tmp_path / "tallennettu.pdf"

    def choose_file(parent: QWidget, *args: object) -> tuple[str, str]:
        return str(target), "PDF-tiedosto (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    save_an_entry(qtbot, window, family(training)[0], "Tallennetaan tiedostoksi")
    with qtbot.waitSignal(window.desk.printing.pdf_saved, timeout=WAIT_MS):
        press(window, Qt.Key.Key_P, CTRL)
    assert [offered for _pages, offered in spy.previews] == [True]
    assert spy.printed == []
    assert "Tallennetaan tiedostoksi" in pdf_text(target.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [target.name]


def test_an_entry_written_while_the_system_is_down_prints_the_registers_details(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = with_endpoint(training.policy, JARVENPAA, closed_port_url())
    window = opener.open(opener.context(policy))
    spy = PrintSpy(monkeypatch)
    child, mother, _father = family(training)
    population = window.desk.population
    with qtbot.waitSignal(population.record_shown, timeout=WAIT_MS):
        select_jarvenpaa(qtbot, window)
        search(qtbot, window, child.hetu.value)
    # The client system is down, the register is not: the guardians are still known.
    assert mother.full_name in population.panel.guardians.text()
    write_entry(qtbot, window, "Järjestelmä ei vastaa; kirjaus paperille.")
    with qtbot.waitSignal(window.desk.entry_saved, timeout=WAIT_MS):
        save(qtbot, window)
    with qtbot.waitSignal(window.desk.printing.printed, timeout=WAIT_MS):
        press(window, Qt.Key.Key_P, CTRL)
    [(pdf, _printer)] = spy.printed
    text = pdf_text(pdf)
    # The population register gave the name and the address: the printout has them.
    assert "Nimi ei tiedossa" not in text
    assert "Osoite ei tiedossa" not in text
    assert child.full_name in text
    assert child.address.street in text
    assert child.hetu.value in text
    assert "Järjestelmä ei vastaa; kirjaus paperille." in text
    # And the card said who it is while the system could not be asked.
    assert child.full_name in window.desk.card.name.text()
