"""The one print flow: render off the GUI thread, preview, print from memory, word failures.

The preview's exec, the file dialog and the spooler are stood in for; the real print
through CUPS is in ``test_printing.py``, the flow inside the window in
``test_gui_printing.py`` (the entry) and ``test_gui_followup.py`` (a fax).
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from app.domain.clock import HELSINKI
from app.domain.policy import PrintingConfig
from app.services.documents import FontUnavailable
from app.ui.message_bar import MessageBar, MessageBridge
from app.ui.printing.flow import Document, Outcome, PrintFlow, pages_text
from app.ui.printing.preview import Choice, PrintPreview
from app.ui.printing.printer import PrintError, PrintFailure, page_count
from app.ui.tasks import TaskRunner

WAIT_MS = 10_000
ENTRY = Document(
    title="Sosiaalipäivystyksen kirjaus",
    retry="Yritä uudelleen (Ctrl+P).",
    file_name="paivystyskirjaus.pdf",
)
FAX = Document(
    title="Faksi virka-aikaiselle päivystäjälle",
    retry="Tulosta faksi uudelleen.",
    fallback="Hoida asia puhelimitse virka-aikaiselle, puh. 09 123 4567.",
    preview_title="Faksin esikatselu",
)
# What a client's name would look like in an exception's text: never to be logged.
SECRET = "Testi Asiakas 010101-900X"


def a_pdf(pages: int = 2) -> bytes:
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for number in range(pages):
        document.drawString(72, 720, f"Sivu {number + 1}")
        document.showPage()
    document.save()
    return buffer.getvalue()


class Heard(QObject):
    """What the flow told its caller, in order; ``ended`` once it has no more to say."""

    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[object, ...]] = []

    def outcome(self) -> Outcome:
        return Outcome(
            printed=lambda name, pages: self._end("printed", name, pages),
            failed=lambda text: self._end("failed", text),
            rendered=lambda: self.events.append(("rendered",)),
            saved=lambda path: self._end("saved", path),
        )

    def _end(self, *event: object) -> None:
        self.events.append(event)
        self.ended.emit()


class Desk:
    """A flow with its runner, message area and window; the preview answers ``choice``."""

    def __init__(
        self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, config: PrintingConfig
    ) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.runner = TaskRunner()
        self.messages = MessageBridge(self.window)
        self.bar = MessageBar(self.messages, HELSINKI, parent=self.window)
        self.flow = PrintFlow(config, self.runner, self.messages, self.window)
        self.heard = Heard()
        self.choice: Choice | None = Choice.PRINT
        # Per preview: its title, its pages, whether it offered "Tallenna PDF…".
        self.previews: list[tuple[str, int, bool]] = []
        self.printed: list[bytes] = []
        self.printers: list[str] = []
        self.print_error: Exception | None = None
        desk = self

        def preview_exec(preview: PrintPreview) -> int:
            preview.preview.updatePreview()
            desk.previews.append(
                (
                    preview.windowTitle(),
                    preview.preview.pageCount(),
                    preview.save_button.isVisibleTo(preview),
                )
            )
            preview.choice = desk.choice
            return 0

        def fake_print(pdf: bytes, printer: QPrinter, _config: PrintingConfig) -> int:
            desk.printers.append(printer.printerName() or "oletustulostin")
            if desk.print_error is not None:
                raise desk.print_error
            desk.printed.append(pdf)
            return page_count(pdf)

        monkeypatch.setattr(PrintPreview, "exec", preview_exec)
        monkeypatch.setattr("app.ui.printing.flow.print_pdf", fake_print)

    def run(
        self,
        qtbot: QtBot,
        document: Document,
        render: Callable[[], bytes],
    ) -> list[tuple[object, ...]]:
        with qtbot.waitSignal(self.heard.ended, timeout=WAIT_MS):
            self.flow.start(document, render, self.heard.outcome())
        return self.heard.events


@pytest.fixture
def desk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    made = Desk(qtbot, monkeypatch, PrintingConfig())
    yield made
    made.runner.shutdown()


def test_the_rendered_bytes_are_previewed_and_printed(qtbot: QtBot, desk: Desk) -> None:
    pdf = a_pdf(pages=3)
    events = desk.run(qtbot, ENTRY, lambda: pdf)
    assert desk.printed == [pdf]
    assert events == [("rendered",), ("printed", *desk.printers, 3)]
    # The policy does not allow saving: the preview offered printing only.
    assert desk.previews == [("Tulostuksen esikatselu", 3, False)]
    assert pages_text(1) == "1 sivu"
    assert pages_text(3) == "3 sivua"


def test_the_document_titles_its_preview(qtbot: QtBot, desk: Desk) -> None:
    desk.run(qtbot, FAX, a_pdf)
    assert [title for title, _pages, _saves in desk.previews] == ["Faksin esikatselu"]


@pytest.mark.parametrize(
    ("error", "document", "expected"),
    [
        (
            PrintError(PrintFailure.NO_SPOOLER),
            FAX,
            "Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä "
            "työasemalta. Ota yhteys tukeen. Hoida asia puhelimitse virka-aikaiselle, "
            "puh. 09 123 4567.",
        ),
        (
            PrintError(PrintFailure.NO_SPOOLER),
            ENTRY,
            "Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä "
            "työasemalta. Ota yhteys tukeen.",
        ),
        (
            PrintError(PrintFailure.TIMEOUT),
            ENTRY,
            "Tulostusjärjestelmä ei vastannut ajoissa. Yritä uudelleen (Ctrl+P).",
        ),
        (
            PrintError(PrintFailure.TIMEOUT),
            FAX,
            "Tulostusjärjestelmä ei vastannut ajoissa. Tulosta faksi uudelleen.",
        ),
        (
            PrintError(PrintFailure.EMPTY_RANGE),
            ENTRY,
            "Valitulla sivualueella ei ole sivuja. Yritä uudelleen (Ctrl+P).",
        ),
        (
            PrintError(PrintFailure.FILE_OUTPUT),
            FAX,
            "Tulostus tiedostoon ei ole sallittu: valitse tulostin. Tulosta faksi uudelleen.",
        ),
        (
            PrintError(PrintFailure.NOT_ALLOWED),
            ENTRY,
            "Tulostinta {name} ei ole sallittu tällä työasemalla: valitse toinen tulostin. "
            "Yritä uudelleen (Ctrl+P).",
        ),
        (
            PrintError(PrintFailure.REFUSED),
            ENTRY,
            "Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin. "
            "Yritä uudelleen (Ctrl+P).",
        ),
        (
            RuntimeError(SECRET),
            FAX,
            "Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin. "
            "Tulosta faksi uudelleen.",
        ),
    ],
    ids=[
        "no-spooler-fax",
        "no-spooler-entry",
        "timeout-entry",
        "timeout-fax",
        "empty-range",
        "file-output",
        "not-allowed",
        "refused",
        "unexpected",
    ],
)
def test_a_print_failure_is_worded_once_with_the_documents_retry(
    qtbot: QtBot,
    desk: Desk,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    document: Document,
    expected: str,
) -> None:
    desk.print_error = error
    with caplog.at_level(logging.INFO):
        events = desk.run(qtbot, document, a_pdf)
    [name] = desk.printers
    text = expected.format(name=name)
    assert events == [("rendered",), ("failed", text)]
    latest = desk.bar.latest()
    assert latest is not None
    assert text in latest.line()
    assert SECRET not in caplog.text


def test_a_missing_font_says_what_to_do_instead(qtbot: QtBot, desk: Desk) -> None:
    def render() -> bytes:
        raise FontUnavailable("DejaVu Sans not found")

    events = desk.run(qtbot, FAX, render)
    assert events == [
        ("rendered",),
        (
            "failed",
            "Tulostetta ei voitu muodostaa: DejaVu Sans -fonttia ei löydy tältä "
            "työasemalta. Ota yhteys tukeen. Hoida asia puhelimitse virka-aikaiselle, "
            "puh. 09 123 4567.",
        ),
    ]
    assert desk.previews == []


def test_a_rendering_failure_is_logged_by_kind_only(
    qtbot: QtBot, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    def render() -> bytes:
        raise ValueError(SECRET)

    with caplog.at_level(logging.INFO):
        events = desk.run(qtbot, ENTRY, render)
    assert events == [
        ("rendered",),
        ("failed", "Tulostetta ei voitu muodostaa. Yritä uudelleen (Ctrl+P)."),
    ]
    assert "ValueError" in caplog.text
    assert SECRET not in caplog.text
    assert desk.previews == []


def test_closing_the_preview_ends_it_without_a_word(qtbot: QtBot, desk: Desk) -> None:
    desk.choice = None
    with qtbot.waitSignal(desk.runner.job_finished, timeout=WAIT_MS):
        desk.flow.start(ENTRY, a_pdf, desk.heard.outcome())
    assert desk.heard.events == [("rendered",)]
    assert len(desk.previews) == 1
    assert desk.printed == []
    assert desk.runner.pending == 0


def test_a_stale_rendering_is_dropped(qtbot: QtBot, desk: Desk) -> None:
    with qtbot.waitSignal(desk.runner.job_finished, timeout=WAIT_MS):
        desk.flow.start(ENTRY, a_pdf, desk.heard.outcome(), is_current=lambda: False)
    assert desk.heard.events == []
    assert desk.previews == []


@pytest.fixture
def saving_desk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    made = Desk(qtbot, monkeypatch, PrintingConfig(allow_pdf_save=True))
    made.choice = Choice.SAVE
    yield made
    made.runner.shutdown()


def test_a_pdf_is_saved_where_the_policy_allows_it(
    qtbot: QtBot, saving_desk: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "tallennettu.pdf"
    proposed: list[str] = []

    def choose_file(_parent: QWidget, _title: str, name: str, _filter: str) -> tuple[str, str]:
        proposed.append(name)
        return str(target), "PDF-tiedosto (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    pdf = a_pdf()
    events = saving_desk.run(qtbot, ENTRY, lambda: pdf)
    assert events == [("rendered",), ("saved", target)]
    assert proposed == ["paivystyskirjaus.pdf"]
    assert target.read_bytes() == pdf
    assert os.listdir(tmp_path) == [target.name]
    assert saving_desk.printed == []
    assert [saves for _title, _pages, saves in saving_desk.previews] == [True]


def test_a_document_without_a_file_name_is_never_saved(
    qtbot: QtBot, saving_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose_file(*_args: object) -> tuple[str, str]:
        pytest.fail("a fax was offered to a file")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    with qtbot.waitSignal(saving_desk.runner.job_finished, timeout=WAIT_MS):
        saving_desk.flow.start(FAX, a_pdf, saving_desk.heard.outcome())
    assert saving_desk.heard.events == [("rendered",)]
    assert [saves for _title, _pages, saves in saving_desk.previews] == [False]


def test_a_failed_save_is_said(
    qtbot: QtBot, saving_desk: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "tallennettu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    events = saving_desk.run(qtbot, ENTRY, a_pdf)
    assert events == [("rendered",), ("failed", "PDF-tiedostoa ei voitu tallentaa.")]
    assert not target.parent.exists()
