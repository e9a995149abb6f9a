"""The one way a document goes onto paper: render, preview, print, every failure worded.

A caller says what the document is (:class:`Document`) and how to render its PDF
bytes; :class:`PrintFlow` renders them off the GUI thread, shows the pages in the
print preview (:mod:`app.ui.printing.preview`) with the policy's default printer
chosen, and prints the chosen pages from memory (:mod:`app.ui.printing.printer`). The
PDF is kept in memory only: it reaches a file only when the worker chooses "Tallenna
PDF…", which is offered for a document that may be saved and only where the policy
allows it. Closing the preview ends the flow without a word.

The flow words every failure, ending with the document's own way to try again. What
the worker is told on success is the caller's, which knows what comes next (fax the
sheet, phone the office).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.policy import PrintingConfig
from app.services.files import atomic_write
from app.ui.locale_format import number_text
from app.ui.message_bar import MessageBridge
from app.ui.tasks import Pool, TaskRunner

# The documents (reportlab), the printer and its preview (pypdfium2, Qt's print support)
# are imported at the first print, on the render's worker thread first: the window
# starts without them (docs/performance.md, measurement 6).
if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)


def print_pdf(pdf: bytes, printer: QPrinter, config: PrintingConfig) -> int:
    """Print ``pdf`` on ``printer`` if ``config`` allows it; the pages sent
    (:func:`app.ui.printing.printer.print_pdf`, imported here at the first print); the
    tests put a fake printer here."""
    from app.ui.printing import printer as printing

    return printing.print_pdf(pdf, printer, config)


def pages_text(pages: int) -> str:
    """``1 sivu``, ``3 sivua``: how many pages went to the printer."""
    return (
        QCoreApplication.translate("PrintFlow", "1 sivu")
        if pages == 1
        else QCoreApplication.translate("PrintFlow", "{n} sivua").format(n=number_text(pages))
    )


@dataclass(frozen=True)
class Document:
    """What is printed, as far as the flow needs to know.

    ``title`` names the print job in queues and on the printer's panel: the kind of
    document only, never the client. ``retry`` is the sentence that tells the worker
    how to try again; ``fallback``, what to do instead when this workstation cannot
    print at all. ``file_name`` is what "Tallenna PDF…" proposes; None: the document
    is never saved as a file, whatever the policy says.
    """

    title: str
    retry: str
    fallback: str | None = None
    preview_title: str | None = None
    file_name: str | None = None


def _nothing(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class Outcome:
    """What the caller hears of one document, always on the GUI thread.

    ``printed(printer, pages)``: the spooler took it. ``failed(text)``: rendering,
    printing or saving failed; the worker has been shown ``text``. ``rendered()``:
    rendering ended, either way (the preview is about to show, or it failed).
    ``saved(path)``: the worker saved it as a PDF file.
    """

    printed: Callable[[str, int], None]
    failed: Callable[[str], None]
    rendered: Callable[[], None] = _nothing
    saved: Callable[[Path], None] = _nothing


@dataclass(frozen=True)
class _Job:
    document: Document
    outcome: Outcome


@dataclass(frozen=True)
class _Rendered:
    pdf: bytes
    pages: list[QImage]

    def __repr__(self) -> str:
        return "_Rendered(<redacted>)"


class PrintFlow(QObject):
    """Renders, previews and prints documents; tells the worker what went wrong.

    Progress and failures go to the message area; the outcome to the caller.

    Signals:
        preview_opened(object): the preview is about to show (the PrintPreview).
    """

    preview_opened = Signal(object)

    def __init__(
        self, config: PrintingConfig, runner: TaskRunner, status: MessageBridge, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._runner = runner
        self._status = status
        self._parent = parent

    def start(
        self,
        document: Document,
        render: Callable[[], bytes],
        outcome: Outcome,
        *,
        is_current: Callable[[], bool] | None = None,
    ) -> None:
        """Render ``document`` with ``render`` (off the GUI thread), then preview it.

        A result that is no longer ``is_current()`` when it arrives is dropped, with
        no preview and no callback.
        """

        def work() -> _Rendered:
            from app.ui.printing.printer import render_pages

            pdf = render()
            return _Rendered(pdf, render_pages(pdf))

        job = _Job(document, outcome)
        self._runner.run(
            work,
            partial(self._show_preview, job),
            partial(self._render_failed, job),
            is_current=is_current,
        )

    def _render_failed(self, job: _Job, error: Exception) -> None:
        from app.services.documents.fonts import FontUnavailable

        job.outcome.rendered()
        if isinstance(error, FontUnavailable):
            text = self.tr(
                "Tulostetta ei voitu muodostaa: DejaVu Sans -fonttia ei löydy tältä "
                "työasemalta. Ota yhteys tukeen."
            )
            self._fail(job, text, job.document.fallback)
            return
        log.error("rendering %r failed: %s", job.document.title, type(error).__name__)
        self._fail(job, self.tr("Tulostetta ei voitu muodostaa."), job.document.retry)

    def _show_preview(self, job: _Job, rendered: _Rendered) -> None:
        from app.ui.printing.preview import Choice, PrintPreview
        from app.ui.printing.printer import make_printer

        job.outcome.rendered()
        printer, missing = make_printer(self._config, job.document.title)
        if missing is not None:
            self._status.warning(
                self.tr(
                    "Oletustulostinta {name} ei löydy tältä työasemalta: valitse tulostin."
                ).format(name=missing)
            )
        else:
            self._status.clear_message()
        savable = self._config.allow_pdf_save and job.document.file_name is not None
        preview = PrintPreview(rendered.pages, printer, savable, self._parent.window())
        if job.document.preview_title is not None:
            preview.setWindowTitle(job.document.preview_title)
        self.preview_opened.emit(preview)
        preview.exec()
        choice = preview.choice
        preview.deleteLater()
        if choice is Choice.PRINT:
            self._print(job, rendered.pdf, printer)
        elif choice is Choice.SAVE and savable:
            self._save(job, rendered.pdf)

    def _print(self, job: _Job, pdf: bytes, printer: QPrinter) -> None:
        name = printer.printerName() or self.tr("oletustulostin")
        self._status.info(self.tr("Lähetetään tulostimelle {name}…").format(name=name))
        self._runner.run(
            lambda: print_pdf(pdf, printer, self._config),
            partial(job.outcome.printed, name),
            partial(self._print_failed, job, name),
        )

    def _print_failed(self, job: _Job, name: str, error: Exception) -> None:
        from app.ui.printing.printer import PrintError, PrintFailure

        kind = error.kind if isinstance(error, PrintError) else None
        if kind is PrintFailure.NO_SPOOLER:
            text = self.tr(
                "Tulostus ei onnistu: tulostusjärjestelmän lp-komentoa ei löydy tältä "
                "työasemalta. Ota yhteys tukeen."
            )
            self._fail(job, text, job.document.fallback)
            return
        if kind is PrintFailure.TIMEOUT:
            text = self.tr("Tulostusjärjestelmä ei vastannut ajoissa.")
        elif kind is PrintFailure.EMPTY_RANGE:
            text = self.tr("Valitulla sivualueella ei ole sivuja.")
        elif kind is PrintFailure.FILE_OUTPUT:
            text = self.tr("Tulostus tiedostoon ei ole sallittu: valitse tulostin.")
        elif kind is PrintFailure.NOT_ALLOWED:
            text = self.tr(
                "Tulostinta {name} ei ole sallittu tällä työasemalla: valitse toinen tulostin."
            ).format(name=name)
        else:
            if not isinstance(error, PrintError):
                log.error("printing %r failed: %s", job.document.title, type(error).__name__)
            text = self.tr(
                "Tulostin {name} ei ottanut tulostetta vastaan. Tarkista tulostin."
            ).format(name=name)
        self._fail(job, text, job.document.retry)

    def _save(self, job: _Job, pdf: bytes) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self._parent.window(),
            self.tr("Tallenna PDF"),
            job.document.file_name or "",
            self.tr("PDF-tiedosto (*.pdf)"),
        )
        if not path:
            return
        target = Path(path)
        self._runner.run(
            lambda: atomic_write(target, pdf),
            lambda _done: self._saved(job, target),
            lambda _error: self._fail(job, self.tr("PDF-tiedostoa ei voitu tallentaa.")),
            pool=Pool.DISK,
        )

    def _saved(self, job: _Job, path: Path) -> None:
        self._status.success(
            self.tr("Tuloste tallennettu PDF-tiedostoksi: {path}").format(path=path)
        )
        job.outcome.saved(path)

    def _fail(self, job: _Job, text: str, then: str | None = None) -> None:
        if then:
            text = f"{text} {then}"
        self._status.error(text)
        job.outcome.failed(text)
