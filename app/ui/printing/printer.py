"""Printing a PDF that exists only in memory.

The documents are reportlab PDFs held as bytes (:mod:`app.services.documents`). Two
ways lead onto paper, and neither writes the PDF, or a picture of it, to a file:

- Where Qt prints through CUPS (Linux, macOS), Qt's own print engine spools the pages
  it is given to a temporary file (libcups' ``cupsTempFd``, in ``TMPDIR``) and prints
  that file: client data on the disk. So the bytes go to the queue on ``lp``'s standard
  input instead, which streams them to the scheduler, with the choices made in the
  print dialog (printer, copies, page range, two-sided). The text stays vector text.
- Elsewhere (Windows' GDI printers) the pages are rendered to images in memory with
  PDFium (pypdfium2) at the printer's resolution, at most :data:`MAX_DPI`, and painted
  onto the printer with QPainter. The preview paints the same images.

Saving a PDF to disk is a separate, explicit act (the preview's "Tallenna PDF…",
written with :func:`app.services.files.atomic_write`), offered only where the policy
allows it; :func:`print_pdf` refuses a printer set to write a file.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_raw  # type: ignore[import-untyped]
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.domain.policy import PrintingConfig
from app.services.printers import Refusal, refusal

log = logging.getLogger(__name__)

# 300 dpi is print quality for text; an A4 page is then 26 MB as an image, at the 1200
# dpi Qt reports for a high-resolution printer it would be 400 MB.
MAX_DPI = 300
PREVIEW_DPI = 150
LP_TIMEOUT = 30.0
_POINTS_PER_INCH = 72
# PDFium is not thread-safe; pages are rendered in worker threads.
_PDFIUM = threading.RLock()


class PrintFailure(StrEnum):
    """Why a document did not reach the printer."""

    NO_SPOOLER = "no_spooler"  # no ``lp`` to hand it to
    REFUSED = "refused"  # the printer or the spooler refused it
    TIMEOUT = "timeout"
    FILE_OUTPUT = "file_output"  # the printer would write a file
    NOT_ALLOWED = "not_allowed"  # not a printer the policy allows
    EMPTY_RANGE = "empty_range"  # the chosen pages do not exist


class PrintError(Exception):
    """The document did not reach the printer; ``kind`` says why."""

    def __init__(self, kind: PrintFailure) -> None:
        super().__init__(kind.value)
        self.kind = kind


def page_count(pdf: bytes) -> int:
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def iter_pages(pdf: bytes, dpi: float, first: int = 1, last: int | None = None) -> Iterator[QImage]:
    """Pages ``first``…``last`` (1-based, inclusive) as images at ``dpi``, one at a time."""
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            end = len(document) if last is None else min(last, len(document))
            for index in range(first - 1, end):
                yield _render_page(document, index, dpi)
        finally:
            document.close()


def render_pages(pdf: bytes, dpi: float = PREVIEW_DPI) -> list[QImage]:
    return list(iter_pages(pdf, dpi))


def _render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(
            scale=dpi / _POINTS_PER_INCH,
            force_bitmap_format=pdfium_raw.FPDFBitmap_BGR,
            rev_byteorder=True,  # RGB byte order: QImage's Format_RGB888
        )
        try:
            data = bytes(bitmap.buffer)
            image = QImage(
                data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
            )
            # copy(): the image must own its pixels before the buffer goes.
            image = image.copy()
        finally:
            bitmap.close()
    finally:
        page.close()
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _fit(size: QSize, area: QRectF) -> QRectF:
    """``size`` scaled to fit ``area``, aspect kept, centred."""
    scale = min(area.width() / size.width(), area.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    left = area.left() + (area.width() - width) / 2
    top = area.top() + (area.height() - height) / 2
    return QRectF(left, top, width, height)


def _paper_area(printer: QPrinter) -> QRectF:
    """The whole sheet in the painter's coordinates: the PDF page has its own margins."""
    paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
    if not printer.fullPage():
        # The painter's origin is then the printable area's corner.
        paper.translate(-printer.pageRect(QPrinter.Unit.DevicePixel).topLeft())
    return paper


def paint_images(images: Sequence[QImage] | Iterator[QImage], printer: QPrinter) -> int:
    """Paint one image per sheet onto ``printer`` (or a preview's); the pages painted."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(PrintFailure.REFUSED)
    pages = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = _paper_area(printer)
        for image in images:
            if pages and not printer.newPage():
                raise PrintError(PrintFailure.REFUSED)
            painter.drawImage(_fit(image.size(), area), image)
            pages += 1
    finally:
        painter.end()
    return pages


def page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The pages chosen in the print dialog (1-based, inclusive), all by default."""
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = printer.fromPage()
        last = min(count, printer.toPage() or count)
    if first > last:
        raise PrintError(PrintFailure.EMPTY_RANGE)
    return first, last


@dataclass(frozen=True)
class CupsJob:
    """What the print dialog chose, for ``lp``."""

    printer: str
    title: str
    copies: int = 1
    collate: bool = True
    sides: str = "one-sided"
    pages: tuple[int, int] | None = None  # a page range, when not all pages

    def command(self, lp: str) -> list[str]:
        command = [lp]
        if self.printer:
            command += ["-d", self.printer]
        command += ["-t", self.title, "-n", str(max(1, self.copies))]
        command += ["-o", f"sides={self.sides}", "-o", "document-format=application/pdf"]
        if self.copies > 1:
            command += ["-o", f"collate={'true' if self.collate else 'false'}"]
        if self.pages is not None:
            command += ["-P", f"{self.pages[0]}-{self.pages[1]}"]
        # Nothing after "--": lp reads the document from its standard input.
        return [*command, "--"]


_SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


def cups_job(printer: QPrinter, first: int, last: int, count: int) -> CupsJob:
    duplex = printer.duplex()
    if duplex == QPrinter.DuplexMode.DuplexAuto:
        sides = "two-sided-long-edge"
    else:
        sides = _SIDES.get(duplex, "one-sided")
    return CupsJob(
        printer=printer.printerName(),
        title=printer.docName() or "Päivystys",
        copies=printer.copyCount(),
        collate=printer.collateCopies(),
        sides=sides,
        pages=None if (first, last) == (1, count) else (first, last),
    )


def submit_to_cups(pdf: bytes, job: CupsJob) -> None:
    """Stream ``pdf`` to the CUPS queue through ``lp``'s standard input (no file)."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(PrintFailure.NO_SPOOLER)
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program; arguments are not a shell line
            job.command(lp), input=pdf, capture_output=True, timeout=LP_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise PrintError(PrintFailure.TIMEOUT) from None
    except OSError:
        raise PrintError(PrintFailure.NO_SPOOLER) from None
    if done.returncode != 0:
        # lp's message names the queue, not the document; its exit code is enough here.
        log.warning("lp refused the print job (exit code %d)", done.returncode)
        raise PrintError(PrintFailure.REFUSED)


def prints_through_cups() -> bool:
    return sys.platform != "win32"


def _lpstat(*args: str) -> str:
    """lpstat's answer in the C locale ("" when there is no lpstat or no answer)."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return ""
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program; arguments are not a shell line
            [lpstat, *args],
            capture_output=True,
            text=True,
            timeout=LP_TIMEOUT,
            check=False,
            env={**os.environ, "LC_ALL": "C"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _cups_facts(name: str) -> tuple[str, None, str | None]:
    if not name:  # lp's default destination
        answer = _lpstat("-d").strip()
        prefix = "system default destination:"
        name = answer.removeprefix(prefix).strip() if answer.startswith(prefix) else ""
    if not name:
        return name, None, None
    answer = _lpstat("-v", name).strip()
    prefix = f"device for {name}:"
    return name, None, answer.removeprefix(prefix).strip() if answer.startswith(prefix) else None


def _windows_facts(name: str) -> tuple[str, str | None, None]:
    """The printer's port from the spooler, when it answers."""
    port: str | None = None
    if sys.platform == "win32" and name:
        port = _spooler_port(name)
    return name, port, None


if sys.platform == "win32":

    def _spooler_port(name: str) -> str | None:
        """PRINTER_INFO_2's pPortName of the printer ``name``."""
        import ctypes
        from ctypes import wintypes

        winspool = ctypes.WinDLL("winspool.drv")
        handle = wintypes.HANDLE()
        if not winspool.OpenPrinterW(name, ctypes.byref(handle), None):
            return None
        try:
            needed = wintypes.DWORD()
            winspool.GetPrinterW(handle, 2, None, 0, ctypes.byref(needed))
            buffer = ctypes.create_string_buffer(needed.value)
            if not winspool.GetPrinterW(handle, 2, buffer, needed, ctypes.byref(needed)):
                return None
            # PRINTER_INFO_2W begins pServerName, pPrinterName, pShareName, pPortName.
            fields = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_wchar_p * 4)).contents
            port: str | None = fields[3]
            return port
        finally:
            winspool.ClosePrinter(handle)


def printer_facts(name: str) -> tuple[str, str | None, str | None]:
    """What the platform tells of the printer ``name`` ("": the default one): its name,
    its Windows port and its CUPS device URI, each as far as found."""
    return _cups_facts(name) if prints_through_cups() else _windows_facts(name)


def print_pdf(pdf: bytes, printer: QPrinter, config: PrintingConfig) -> int:
    """Put ``pdf`` on ``printer`` without writing it to a file; the pages sent.

    Blocking (the spooler, the rendering): call it off the GUI thread, with a printer
    the GUI does not touch meanwhile. Raises :class:`PrintError`: also for a printer the
    policy (``config``) does not allow, or one that writes a file where saving PDFs is
    not allowed (:mod:`app.services.printers`).
    """
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        raise PrintError(PrintFailure.FILE_OUTPUT)
    why = refusal(config, *printer_facts(printer.printerName()))
    if why is Refusal.WRITES_FILE:
        raise PrintError(PrintFailure.FILE_OUTPUT)
    if why is Refusal.NOT_ALLOWED:
        raise PrintError(PrintFailure.NOT_ALLOWED)
    count = page_count(pdf)
    first, last = page_range(printer, count)
    if prints_through_cups():
        submit_to_cups(pdf, cups_job(printer, first, last, count))
    else:
        dpi = min(printer.resolution(), MAX_DPI)
        paint_images(iter_pages(pdf, dpi, first, last), printer)
    return last - first + 1


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def make_printer(config: PrintingConfig, title: str) -> tuple[QPrinter, str | None]:
    """A printer with the policy's default preselected; and that name, if it is missing."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    # The job name shows in queues and on the printer's panel: the kind of document only.
    printer.setDocName(title)
    wanted = config.default_printer
    if wanted is None:
        return printer, None
    if wanted not in available_printers():
        return printer, wanted
    printer.setPrinterName(wanted)
    return printer, None
