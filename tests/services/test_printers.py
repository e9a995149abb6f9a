"""Which printers a printout may go to (issue 14): the policy's allow-list, and no printer
that writes a file unless the policy allows saving PDFs. Decided from the printer's name,
Windows port and CUPS device URI alone."""

from __future__ import annotations

import pytest

from app.domain.policy import PrintingConfig
from app.services.policy.load import PolicyError, policy_from_data
from app.services.printers import Refusal, refusal, writes_file
from tests.helpers import example_data

# Names as Windows and the common PDF printers install them (any case).
FILE_PRINTERS = [
    "Microsoft Print to PDF",
    "microsoft print to pdf",
    "Microsoft XPS Document Writer",
    "OneNote (Desktop)",
    "OneNote for Windows 10",
    "Send To OneNote 2016",
    "Fax",
    "Adobe PDF",
    "PDF24",
    "Foxit Reader PDF Printer",
]
PRINTERS = ["KEUSOTE-HYV-2krs", "HP LaserJet M507 PCL 6", "\\\\tulostus\\Päivystys-Č", "Faxi-ohje"]


@pytest.mark.parametrize("name", FILE_PRINTERS)
def test_file_printers_are_known_by_name(name: str) -> None:
    assert writes_file(name)


@pytest.mark.parametrize("name", PRINTERS)
def test_printers_are_not_file_printers_by_name(name: str) -> None:
    assert not writes_file(name)


@pytest.mark.parametrize(
    "port",
    ["FILE:", "PORTPROMPT:", "XPSPort:", "nul:", "SHRFAX:", "C:\\temp\\out.prn", "d:/x.pdf",
     "IP_10.0.0.5, FILE:"],
)  # fmt: skip
def test_a_windows_file_port_makes_a_renamed_printer_a_file_printer(port: str) -> None:
    assert writes_file("Tulostin 2", port=port)


@pytest.mark.parametrize(
    "port", ["IP_10.0.0.5", "USB001", "LPT1:", "WSD-8a1c3e3e-0001", "\\\\tulostus\\hyv-2krs"]
)
def test_printer_ports_are_not_file_ports(port: str) -> None:
    assert not writes_file("Tulostin 2", port=port)


@pytest.mark.parametrize(
    "uri",
    ["cups-pdf:/", "CUPS-PDF:/", "cups-brf:/", "file:///tmp/out.pdf", "file:/home/tyo/out.ps", "file:///dev/../tmp/x",
     "pdf:/"],
)  # fmt: skip
def test_cups_devices_that_write_files(uri: str) -> None:
    assert writes_file("PDF", device_uri=uri)


@pytest.mark.parametrize(
    "uri",
    ["ipp://tulostus.keusote.example/printers/hyv-2krs", "ipps://10.0.0.5/ipp/print",
     "socket://10.0.0.5:9100", "usb://HP/LaserJet?serial=X", "lpd://10.0.0.5/queue",
     "dnssd://HP._ipp._tcp.local/", "smb://tulostus/hyv", "file:/dev/usb/lp0"],
)  # fmt: skip
def test_cups_devices_that_print(uri: str) -> None:
    assert not writes_file("Toimisto", device_uri=uri)


def test_a_file_printer_is_refused_unless_pdfs_may_be_saved() -> None:
    assert refusal(PrintingConfig(), "PDF", device_uri="cups-pdf:/") is Refusal.WRITES_FILE
    assert refusal(PrintingConfig(), "Microsoft Print to PDF") is Refusal.WRITES_FILE
    allowed = PrintingConfig(allow_pdf_save=True)
    assert refusal(allowed, "PDF", device_uri="cups-pdf:/") is None
    assert refusal(allowed, "Microsoft Print to PDF", port="PORTPROMPT:") is None
    assert refusal(PrintingConfig(), "Toimisto", device_uri="ipp://t/printers/a") is None


def test_the_allow_list_names_printers_or_patterns_in_any_case() -> None:
    config = PrintingConfig(allowed_printers=("KEUSOTE-*", "Päivystys Č?"))
    assert refusal(config, "keusote-hyv-2krs") is None
    assert refusal(config, "päivystys č1") is None
    assert refusal(config, "Päivystys Č12") is Refusal.NOT_ALLOWED
    assert refusal(config, "HP LaserJet") is Refusal.NOT_ALLOWED
    assert refusal(config, "") is Refusal.NOT_ALLOWED  # no printer known: not one listed


def test_the_allow_list_does_not_let_a_file_printer_through() -> None:
    config = PrintingConfig(allowed_printers=("Microsoft Print to PDF",))
    assert refusal(config, "Microsoft Print to PDF") is Refusal.WRITES_FILE
    assert refusal(config, "KEUSOTE-1") is Refusal.NOT_ALLOWED


def test_the_policy_reads_the_allow_list() -> None:
    data = example_data()
    data["printing"] = {"allowed_printers": ["KEUSOTE-*", "Päivystys"]}
    policy = policy_from_data(data, "policy.toml")
    assert policy.printing.allowed_printers == ("KEUSOTE-*", "Päivystys")
    data["printing"] = {"allowed_printers": ["KEUSOTE-*", ""]}
    with pytest.raises(PolicyError) as caught:
        policy_from_data(data, "policy.toml")
    assert caught.value.field.startswith("printing.allowed_printers")
