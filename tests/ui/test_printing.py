"""Printing from memory: a real print through CUPS (cups-pdf), no temporary files.

The real print needs a CUPS queue "PDF" of cups-pdf (``.ci/run`` installs and adds it):
without one the test is skipped on a developer's machine and fails in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.model import ClientRef, ClientSummary, ContactChannel, DutyEntry, TaskType
from app.domain.policy import Policy, PrintingConfig
from app.services.documents import CONFIDENTIAL, render_entry
from app.services.documents.entry import ENTRY_TITLE
from app.training.data import clients_for
from app.ui.printing.preview import PrintPreview
from app.ui.printing.printer import (
    CupsJob,
    PrintError,
    PrintFailure,
    cups_job,
    make_printer,
    page_count,
    print_pdf,
    printer_facts,
    render_pages,
)

QUEUE = "PDF"
OUTPUT_WAIT_S = 30.0
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
DEFAULT_ANONYMOUS = "/var/spool/cups-pdf/ANONYMOUS"


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def queue_exists(name: str) -> bool:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    done = subprocess.run(
        [lpstat, "-p", name], capture_output=True, timeout=10, check=False, env=_c_locale()
    )
    return done.returncode == 0


def _c_locale() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C"}


@pytest.fixture
def pdf_queue() -> str:
    if not queue_exists(QUEUE):
        message = f'no CUPS queue "{QUEUE}" (cups-pdf); .ci/run adds one'
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return QUEUE


def cups_pdf_output_dirs() -> list[Path]:
    """Where cups-pdf may put a job of ours: its ``Out`` for this user, or the anonymous
    directory (a job whose user it does not know)."""
    settings = {}
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.fullmatch(r"\s*(Out|AnonDirName)\s+(\S.*?)\s*", line)
            if match:
                settings[match[1]] = match[2]
    out = settings.get("Out", "${HOME}/PDF")
    if sys.platform != "win32":  # cups-pdf is a CUPS backend: POSIX only
        import pwd

        # cups-pdf expands ${HOME} and ${USER} from the job's user, not from our environment.
        user = pwd.getpwuid(os.getuid())
        out = out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name)
    return [Path(out), Path(settings.get("AnonDirName", DEFAULT_ANONYMOUS))]


def pdf_files(directories: list[Path]) -> set[Path]:
    found: set[Path] = set()
    for directory in directories:
        if directory.is_dir():
            found |= set(directory.glob("*.pdf"))
    return found


def pdfinfo_pages(path: Path) -> int | None:
    """The page count pdfinfo reads, or None while the file is not a whole PDF yet."""
    done = subprocess.run(
        ["pdfinfo", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env=_c_locale(),
    )
    match = re.search(r"^Pages:\s+(\d+)$", done.stdout, re.MULTILINE)
    return int(match[1]) if done.returncode == 0 and match else None


def wait_for_output(directories: list[Path], before: set[Path]) -> tuple[Path, int]:
    """Poll (bounded) until cups-pdf has written a new, complete PDF."""
    deadline = time.monotonic() + OUTPUT_WAIT_S
    while time.monotonic() < deadline:
        for path in sorted(pdf_files(directories) - before):
            if path.stat().st_size > 0 and (pages := pdfinfo_pages(path)) is not None:
                return path, pages
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote no PDF in {OUTPUT_WAIT_S} s into {directories}")


class DirectoryWatch:
    """Records every name that appears in a directory, however briefly, while running."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.seen: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.seen.update(os.listdir(self.directory))
            time.sleep(0.0005)

    def __enter__(self) -> DirectoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.seen.update(os.listdir(self.directory))


@pytest.fixture
def empty_temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Python's and the C libraries' (libcups, Qt) temp dir, empty."""
    directory = tmp_path / "temp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    monkeypatch.setenv("TMPDIR", str(directory))
    return directory


def entry_and_client(paragraphs: int) -> tuple[DutyEntry, ClientSummary]:
    person = next(c for c in clients_for("186", "Järvenpää") if c.guardians)
    client = ClientSummary(
        ClientRef(person.hetu, "1"),
        person.last_name,
        person.first_names,
        non_disclosure=False,
        address=person.address,
    )
    narrative = "\n\n".join(
        f"Kappale {n}: hätäkeskus ilmoitti tilanteesta; Čuoŋžá Đ Ŧ ä ö å. " * 6
        for n in range(paragraphs)
    )
    entry = DutyEntry(
        hetu=person.hetu,
        contact_time=dt.datetime(2026, 11, 26, 23, 5, tzinfo=dt.UTC),
        contact_channel=ContactChannel.EMERGENCY_112,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=narrative,
        measures="Kotikäynti poliisin kanssa.",
        follow_up_needed=True,
        author="Päivystäjä Testi",
    )
    return entry, client


def rendered_entry(example_policy: Policy, paragraphs: int = 30) -> bytes:
    entry, client = entry_and_client(paragraphs)
    municipality = example_policy.municipality("186")
    registrar = example_policy.registrar(municipality.registrar)
    return render_entry(
        entry,
        client,
        municipality,
        registrar,
        "Päivystäjä Testi",
        dt.datetime(2026, 11, 27, 0, 15, tzinfo=dt.UTC),
        zone=example_policy.zone,
    )


def test_a_duty_entry_prints_through_cups_without_a_temporary_file(
    qapp: QApplication, example_policy: Policy, pdf_queue: str, empty_temp_dir: Path
) -> None:
    directories = cups_pdf_output_dirs()
    before = pdf_files(directories)
    with DirectoryWatch(empty_temp_dir) as watch:
        pdf = rendered_entry(example_policy)
        expected = page_count(pdf)
        # cups-pdf writes a file: a policy that allows saving PDFs allows it.
        config = PrintingConfig(default_printer=pdf_queue, allow_pdf_save=True)
        printer, missing = make_printer(config, ENTRY_TITLE)
        assert missing is None
        assert printer.printerName() == pdf_queue
        assert print_pdf(pdf, printer, config) == expected
    assert expected >= 2, "the entry should span pages, to check the page count"
    assert watch.seen == set(), f"files appeared in the temp dir: {watch.seen}"

    output, pages = wait_for_output(directories, before)
    try:
        assert pages == expected
        assert output.read_bytes().startswith(b"%PDF")
    finally:
        output.unlink()


def test_the_chosen_pages_and_copies_go_to_the_spooler(qapp: QApplication) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(ENTRY_TITLE)
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    job = cups_job(printer, 2, 3, 4)
    command = job.command("/usr/bin/lp")
    assert command[-1] == "--"  # the document comes on standard input
    joined = " ".join(command)
    assert f"-t {ENTRY_TITLE}" in joined
    assert "-n 2" in joined
    assert "-o collate=false" in joined
    assert "-P 2-3" in joined
    whole = CupsJob(printer="PDF", title="x", sides="two-sided-long-edge").command("lp")
    assert "-P" not in whole
    assert whole[:3] == ["lp", "-d", "PDF"]
    assert "sides=two-sided-long-edge" in whole
    # Without a printer name the system's default queue takes it.
    assert "-d" not in CupsJob(printer="", title="x").command("lp")


def test_a_printer_that_would_write_a_file_is_refused(
    qapp: QApplication, example_policy: Policy, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    with pytest.raises(PrintError) as refused:
        print_pdf(rendered_entry(example_policy, paragraphs=1), printer, PrintingConfig())
    assert refused.value.kind == "file_output"
    assert list(tmp_path.iterdir()) == []


def test_the_cups_pdf_queue_is_known_for_a_file_writer(qapp: QApplication, pdf_queue: str) -> None:
    assert printer_facts(pdf_queue) == (pdf_queue, None, "cups-pdf:/")


@pytest.mark.parametrize(
    ("config", "kind"),
    [
        (PrintingConfig(), PrintFailure.FILE_OUTPUT),
        (PrintingConfig(allowed_printers=("pdf",)), PrintFailure.FILE_OUTPUT),
        (
            PrintingConfig(allowed_printers=("Toimisto-*",), allow_pdf_save=True),
            PrintFailure.NOT_ALLOWED,
        ),
    ],
)
def test_a_queue_the_policy_refuses_gets_no_job(
    qapp: QApplication,
    example_policy: Policy,
    pdf_queue: str,
    config: PrintingConfig,
    kind: PrintFailure,
) -> None:
    """cups-pdf writes a file: refused where the policy allows no saved PDFs, even when its
    allow-list names the queue; and a queue off the allow-list is refused anyway."""
    printer, _missing = make_printer(PrintingConfig(default_printer=pdf_queue), ENTRY_TITLE)
    directories = cups_pdf_output_dirs()
    before = pdf_files(directories)
    with pytest.raises(PrintError) as refused:
        print_pdf(rendered_entry(example_policy, paragraphs=1), printer, config)
    assert refused.value.kind == kind
    assert pdf_files(directories) == before


def test_a_missing_default_printer_is_reported(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.ui.printing.printer.available_printers", lambda: ["Toimisto"])
    _printer, missing = make_printer(PrintingConfig(default_printer="Olematon"), ENTRY_TITLE)
    assert missing == "Olematon"
    _printer, missing = make_printer(PrintingConfig(), ENTRY_TITLE)
    assert missing is None


def test_pages_render_in_memory_and_fill_the_preview(
    qtbot: QtBot, example_policy: Policy, empty_temp_dir: Path
) -> None:
    with DirectoryWatch(empty_temp_dir) as watch:
        pdf = rendered_entry(example_policy)
        pages = render_pages(pdf)
        preview = PrintPreview(pages, QPrinter(QPrinter.PrinterMode.HighResolution), False)
        qtbot.addWidget(preview)
        preview.preview.updatePreview()
    assert watch.seen == set()
    assert len(pages) == page_count(pdf) >= 2
    assert all(isinstance(page, QImage) and not page.isNull() for page in pages)
    # A4 (210 × 297 mm) at 150 dpi, give or take PDFium's rounding.
    assert abs(pages[0].width() - 1240) <= 1
    assert abs(pages[0].height() - 1754) <= 1
    assert preview.preview.pageCount() == len(pages)
    assert not preview.save_button.isVisibleTo(preview)
    # What is painted is what the PDF says.
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            text = document[index].get_textpage().get_text_bounded()
            assert CONFIDENTIAL in text
            assert f"Sivu {index + 1} / {len(document)}" in text
    finally:
        document.close()
