"""The print preview: the rendered pages, then the printer choice.

Built on QPrintPreviewWidget rather than QPrintPreviewDialog, because the dialog's own
print button paints the pages onto the printer through Qt's print engine, which spools
them to a temporary file under CUPS (see :mod:`app.ui.printing.printer`). Here "Tulosta…" only
asks for the printer and the options (QPrintDialog) and closes with
:attr:`PrintPreview.choice` set; the owner then prints the PDF bytes itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.locale_format import number_text
from app.ui.printing.printer import paint_images


class Choice(Enum):
    PRINT = "print"
    SAVE = "save"


class PrintPreview(QDialog):
    """Shows ``pages`` as they will print; the worker prints, saves (if allowed) or closes.

    After :meth:`exec`, :attr:`choice` is what the worker chose (None: closed).
    """

    def __init__(
        self,
        pages: Sequence[QImage],
        printer: QPrinter,
        allow_save: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Tulostuksen esikatselu"))
        self.setAccessibleName(self.tr("Tulostuksen esikatselu"))
        self._pages = list(pages)
        self._printer = printer
        self.choice: Choice | None = None
        self.preview = QPrintPreviewWidget(printer, self)
        self.preview.setObjectName("printPreviewPages")
        self.preview.paintRequested.connect(self._paint)
        self.info = QLabel(self)
        self.info.setObjectName("printPreviewInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.print_button = QPushButton(self.tr("Tulosta… (Ctrl+P)"), self)
        self.print_button.setObjectName("printPreviewPrint")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Tallenna PDF…"), self)
        self.save_button.setObjectName("printPreviewSave")
        self.save_button.setVisible(allow_save)
        self.close_button = QPushButton(self.tr("Sulje"), self)
        self.close_button.setObjectName("printPreviewClose")
        self._build(allow_save)

    def _build(self, allow_save: bool) -> None:
        count = len(self._pages)
        pages = (
            self.tr("1 sivu")
            if count == 1
            else self.tr("{count} sivua").format(count=number_text(count))
        )
        printer = self._printer.printerName() or self.tr("järjestelmän oletustulostin")
        self.info.setText(
            self.tr("{pages} · tulostin: {printer}").format(pages=pages, printer=printer)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        if allow_save:
            buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        # Tab goes as the eye reads, left to right: "Tulosta" is the last button.
        QWidget.setTabOrder(self.close_button, self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self._save)
        self.close_button.clicked.connect(self.reject)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        shortcut.setWhatsThis(self.tr("Valitse tulostin ja tulosta (esikatselussa)"))
        shortcut.activated.connect(self.choose_printer)
        self.preview.fitInView()
        self.resize(760, 900)

    def _paint(self, printer: QPrinter) -> None:
        paint_images(self._pages, printer)

    def choose_printer(self) -> None:
        """The printer and its options; accepting closes the preview to print."""
        dialog = QPrintDialog(self._printer, self)
        dialog.setWindowTitle(self.tr("Tulosta kirjaus"))
        # Printing to a file would put client data on the disk: only "Tallenna PDF…",
        # where the policy allows it, does that.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, max(1, len(self._pages)))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.choice = Choice.PRINT
            self.accept()

    def _save(self) -> None:
        self.choice = Choice.SAVE
        self.accept()
