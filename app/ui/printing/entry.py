"""Printing the duty entry saved last at this desk: "Tulosta (Ctrl+P)".

The entry, and the client it is about, are kept in memory only and only while the
client is on the card: a new search or another municipality forgets them (the desk
calls :meth:`EntryPrinter.forget`). The PDF is rendered in the background, shown in
the preview, and printed from memory (:mod:`app.ui.printing.printer`); it is saved to a file
only where the policy allows it, through a file dialog.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from app.domain.clock import Clock
from app.domain.model import ClientSummary, DutyEntry, PersonDetails
from app.domain.policy import Municipality
from app.services.context import AppContext
from app.services.documents import FontUnavailable, render_entry
from app.services.documents.entry import ENTRY_TITLE, PrintedPerson
from app.services.files import atomic_write
from app.ui.printing.preview import Choice, PrintPreview
from app.ui.printing.printer import PrintError, make_printer, print_pdf, render_pages
from app.ui.status import StatusArea
from app.ui.tasks import Generation, Pool, TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedEntry:
    """An entry durably saved at this desk, with the client summary it was written for
    (None when the client system could not be asked)."""

    entry: DutyEntry
    client: ClientSummary | None
    municipality: Municipality
    # Without a summary: what the population register (or the worker) said of the person.
    person: PersonDetails | None = None

    def __repr__(self) -> str:
        return "SavedEntry(<redacted>)"


@dataclass(frozen=True)
class _Rendered:
    pdf: bytes
    pages: list[QImage]


def _printed_person(saved: SavedEntry, unknown: str) -> PrintedPerson:
    # No summary: the register's (or the worker's) details, else the name is unknown
    # and so is any address; nothing is printed for it.
    person = saved.person or saved.entry.person
    if person is None:
        return PrintedPerson(saved.entry.hetu, unknown)
    return PrintedPerson(saved.entry.hetu, person.full_name, person.non_disclosure, person.address)


class EntryPrinter(QObject):
    """Ctrl+P: preview and print the last saved entry; the card's "Tulosta" button.

    Signals:
        preview_opened(object): the preview is about to show (the PrintPreview).
        printed(str, int): the spooler took the document (printer name, pages sent).
        print_failed(str): rendering or printing failed; why, as told to the worker.
        pdf_saved(str): the document was saved as a PDF file (path).
    """

    preview_opened = Signal(object)
    printed = Signal(str, int)
    print_failed = Signal(str)
    pdf_saved = Signal(str)

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        status: StatusArea,
        now: Clock,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._status = status
        self._now = now
        self._last: SavedEntry | None = None
        self._generation = Generation()
        self._rendering = False
        self.button = QPushButton(self.tr("Tulosta (Ctrl+P)"), parent)
        self.button.setObjectName("printEntryButton")
        self.button.setAccessibleName(self.tr("Tulosta viimeksi tallennettu kirjaus"))
        self.button.clicked.connect(self.print_last)
        self.button.setVisible(False)

    @property
    def last(self) -> SavedEntry | None:
        return self._last

    def remember(self, saved: SavedEntry) -> None:
        self._last = saved
        self.button.setVisible(True)

    def forget(self) -> None:
        """The client left the card: the entry goes with them."""
        self._generation.advance()
        self._rendering = False
        self._last = None
        self.button.setVisible(False)

    def protect(self) -> None:
        """The address turned out to be protected: the printout shows none."""
        saved = self._last
        if saved is not None and saved.client is not None:
            client = replace(saved.client, non_disclosure=True, address=None)
            self._last = replace(saved, client=client)
        elif saved is not None and saved.person is not None:
            person = replace(saved.person, non_disclosure=True, address=None)
            self._last = replace(saved, person=person)

    def print_last(self) -> None:
        saved = self._last
        if saved is None:
            self._status.info(
                self.tr(
                    "Ei tulostettavaa kirjausta. Tallenna kirjaus ensin; viimeksi tallennetun "
                    "kirjauksen voi tulostaa (Ctrl+P), kunnes asiakas vaihtuu."
                )
            )
            return
        if self._rendering:
            return
        self._rendering = True
        registrar = self._context.policy.registrar(saved.municipality.registrar)
        client = saved.client or _printed_person(saved, self.tr("Nimi ei tiedossa"))
        printed_by, printed_at = self._context.worker_name, self._now()

        def render() -> _Rendered:
            pdf = render_entry(
                saved.entry,
                client,
                saved.municipality,
                registrar,
                printed_by,
                printed_at,
                zone=self._context.policy.zone,
            )
            return _Rendered(pdf, render_pages(pdf))

        self._status.info(self.tr("Valmistellaan tulostetta…"))
        self._runner.run(
            render,
            self._show_preview,
            self._render_failed,
            is_current=self._generation.guard(),
        )

    def _render_failed(self, error: Exception) -> None:
        self._rendering = False
        if isinstance(error, FontUnavailable):
            text = self.tr(
                "Tulostetta ei voitu muodostaa: DejaVu Sans -fonttia ei löydy tältä "
                "työasemalta. Ota yhteys tukeen."
            )
        else:
            log.error("rendering the entry failed: %s", type(error).__name__)
            text = self.tr("Tulostetta ei voitu muodostaa. Yritä uudelleen (Ctrl+P).")
        self._fail(text)

    def _show_preview(self, rendered: _Rendered) -> None:
        self._rendering = False
        config = self._context.policy.printing
        printer, missing = make_printer(config, ENTRY_TITLE)
        if missing is not None:
            self._status.warning(
                self.tr(
                    "Oletustulostinta {name} ei löydy tältä työasemalta: valitse tulostin."
                ).format(name=missing)
            )
        else:
            self._status.clear_message()
        preview = PrintPreview(rendered.pages, printer, config.allow_pdf_save, self.button.window())
        self.preview_opened.emit(preview)
        preview.exec()
        choice = preview.choice
        preview.deleteLater()
        if choice is Choice.PRINT:
            self._print(rendered.pdf, printer)
        elif choice is Choice.SAVE and config.allow_pdf_save:
            self._save(rendered.pdf)

    def _print(self, pdf: bytes, printer: QPrinter) -> None:
        name = printer.printerName() or self.tr("oletustulostin")
        self._status.info(self.tr("Lähetetään tulostimelle {name}…").format(name=name))
        self._runner.run(
            lambda: print_pdf(pdf, printer),
            lambda pages: self._printed(name, pages),
            lambda error: self._print_failed(name, error),
        )

    def _printed(self, name: str, pages: int) -> None:
        count = self.tr("1 sivu") if pages == 1 else self.tr("{n} sivua").format(n=pages)
        self._status.success(
            self.tr("Kirjaus lähetetty tulostimelle {name} ({count}).").format(
                name=name, count=count
            )
        )
        self.printed.emit(name, pages)

    def _print_failed(self, name: str, error: Exception) -> None:
        kind = error.kind if isinstance(error, PrintError) else ""
        if kind == "no_spooler":
            text = self.tr(
                "Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä "
                "työasemalta. Ota yhteys tukeen."
            )
        elif kind == "timeout":
            text = self.tr("Tulostusjärjestelmä ei vastannut ajoissa. Yritä uudelleen (Ctrl+P).")
        elif kind == "empty_range":
            text = self.tr("Valitulla sivualueella ei ole sivuja. Tulosta uudelleen (Ctrl+P).")
        elif kind == "file_output":
            text = self.tr("Tulostus tiedostoon ei ole sallittu. Valitse tulostin (Ctrl+P).")
        else:
            if not isinstance(error, PrintError):
                log.error("printing failed: %s", type(error).__name__)
            text = self.tr(
                "Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin ja yritä "
                "uudelleen (Ctrl+P)."
            ).format(name=name)
        self._fail(text)

    def _save(self, pdf: bytes) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.button.window(),
            self.tr("Tallenna PDF"),
            "paivystyskirjaus.pdf",
            self.tr("PDF-tiedosto (*.pdf)"),
        )
        if not path:
            return
        target = Path(path)
        self._runner.run(
            lambda: atomic_write(target, pdf),
            lambda _done: self._saved(target),
            lambda _error: self._fail(self.tr("PDF-tiedostoa ei voitu tallentaa.")),
            pool=Pool.DISK,
        )

    def _saved(self, path: Path) -> None:
        self._status.success(
            self.tr("Tuloste tallennettu PDF-tiedostoksi: {path}").format(path=path)
        )
        self.pdf_saved.emit(str(path))

    def _fail(self, text: str) -> None:
        self._status.error(text)
        self.print_failed.emit(text)
