"""Printing the duty entry saved last at this desk: "Tulosta (Ctrl+P)".

The entry, and the client it is about, are kept in memory only and only while the
client is on the card: a new search or another municipality forgets them (the desk
calls :meth:`EntryPrinter.forget`). It goes onto paper through the one print flow
(:mod:`app.ui.printing.flow`): rendered in the background, shown in the preview,
printed from memory, and saved to a file only where the policy allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.access import AccessAction
from app.domain.clock import Clock
from app.domain.model import ClientSummary, DutyEntry, PersonDetails
from app.domain.policy import Municipality
from app.services.context import AppContext
from app.services.documents.titles import ENTRY_TITLE
from app.services.documents.wording import CONTEXT, translate
from app.ui.access import AccessTrail
from app.ui.message_bar import MessageBridge
from app.ui.printing.flow import Document, Outcome, PrintFlow, pages_text
from app.ui.tasks import Generation, TaskRunner

if TYPE_CHECKING:
    from app.services.documents.entry import PrintedPerson


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


def _printed_person(saved: SavedEntry, unknown: str) -> PrintedPerson:
    from app.services.documents.entry import PrintedPerson

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
        status: MessageBridge,
        now: Clock,
        parent: QWidget,
        *,
        access: AccessTrail | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._status = status
        self._now = now
        self._access = access
        self._last: SavedEntry | None = None
        self._generation = Generation()
        self._rendering = False
        self._flow = PrintFlow(context.policy.printing, runner, status, parent)
        self._flow.preview_opened.connect(self.preview_opened)
        self._document = Document(
            title=translate(CONTEXT, ENTRY_TITLE),
            retry=self.tr("Yritä uudelleen (Ctrl+P)."),
            file_name="paivystyskirjaus.pdf",
        )
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
        zone = self._context.policy.zone

        def render() -> bytes:
            # The documents (reportlab) load here, at the first print, off the GUI thread.
            from app.services.documents import render_entry

            return render_entry(
                saved.entry,
                client,
                saved.municipality,
                registrar,
                printed_by,
                printed_at,
                zone=zone,
            )

        self._status.info(self.tr("Valmistellaan tulostetta…"))
        self._flow.start(
            self._document,
            render,
            Outcome(
                printed=partial(self._printed, saved),
                failed=self.print_failed.emit,
                rendered=self._rendered,
                saved=partial(self._saved_as_pdf, saved),
            ),
            is_current=self._generation.guard(),
        )

    def _rendered(self) -> None:
        self._rendering = False

    def _printed(self, saved: SavedEntry, name: str, pages: int) -> None:
        self._record_access(saved)
        self._status.success(
            self.tr("Kirjaus lähetetty tulostimelle {name} ({count}).").format(
                name=name, count=pages_text(pages)
            )
        )
        self.printed.emit(name, pages)

    def _saved_as_pdf(self, saved: SavedEntry, path: Path) -> None:
        self._record_access(saved)
        self.pdf_saved.emit(str(path))

    def _record_access(self, saved: SavedEntry) -> None:
        """The printout (or the PDF) took the client's data off the screen: the registrar
        hears of it."""
        if self._access is not None:
            self._access.record(saved.municipality.code, AccessAction.PRINT, saved.entry.hetu)
