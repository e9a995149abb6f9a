"""Which printers a printout may go to: the policy's allow-list, and no file unless allowed.

A printer that writes a file puts client data on the disk as surely as "Tallenna PDF…"
does, so it is refused unless the policy allows saving PDFs (``printing.allow_pdf_save``),
and whatever ``printing.allowed_printers`` says. What a printer is, is told by what the
platform knows of it; everything here is decided from those facts alone:

* its **name**: Windows' own file printers keep theirs ("Microsoft Print to PDF",
  "Microsoft XPS Document Writer", OneNote's, "Fax", whose sent pages Windows keeps as
  files), and so do the common PDF printers;
* its **port** (Windows): ``FILE:`` asks for a file name, ``PORTPROMPT:`` is Print to
  PDF's, ``XPSPort:`` the XPS writer's, ``nul:`` OneNote's, ``SHRFAX:`` the fax's; a local
  port may also be a file's path (``C:\\out.prn``), unlike a share (``\\\\server\\queue``);
* its **device URI** (CUPS): ``file:`` to anything but a device node (``file:/dev/usb/lp0``
  is a printer on a cable) and ``cups-pdf:`` write files.
"""

from __future__ import annotations

import enum
import fnmatch
import posixpath
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from app.domain.policy import PrintingConfig

# Windows' file printers and the common PDF printers, by name (patterns, any case).
FILE_PRINTER_NAMES = (
    "Microsoft Print to PDF",
    "Microsoft XPS Document Writer",
    "*OneNote*",
    "Fax",
    "Adobe PDF",
    "CutePDF Writer",
    "PDF24",
    "PDFCreator",
    "Foxit * PDF*",
    "doPDF*",
    "Bullzip PDF Printer",
)
# Windows ports that write a file or ask for one (any case).
FILE_PORTS = frozenset({"FILE:", "PORTPROMPT:", "XPSPORT:", "NUL:", "SHRFAX:"})
_FILE_PATH_PORT = re.compile(r"^[A-Za-z]:[\\/]")
# CUPS backends that write files (cups-brf: braille, into the user's BRF folder).
FILE_BACKENDS = frozenset({"cups-pdf", "cups-brf", "pdf"})


class Refusal(enum.StrEnum):
    """Why a printer may not be used."""

    NOT_ALLOWED = "not_allowed"  # not on the policy's allow-list
    WRITES_FILE = "writes_file"  # it writes a file, and the policy allows no saved PDFs


def _matches(name: str, patterns: Sequence[str]) -> bool:
    folded = name.casefold()
    return any(fnmatch.fnmatchcase(folded, pattern.casefold()) for pattern in patterns)


def writes_file(name: str, port: str | None = None, device_uri: str | None = None) -> bool:
    """Whether the printer ``name`` (with its Windows ``port`` or CUPS ``device_uri`` when
    known) writes what it is given to a file."""
    if _matches(name.strip(), FILE_PRINTER_NAMES):
        return True
    if port is not None:
        ports = [part.strip() for part in port.split(",")]  # Windows lists pooled ports so
        if any(part.upper() in FILE_PORTS or _FILE_PATH_PORT.match(part) for part in ports):
            return True
    if device_uri is not None:
        parts = urlsplit(device_uri.strip())
        scheme = parts.scheme.lower()
        if scheme in FILE_BACKENDS:
            return True
        if scheme == "file":
            path = posixpath.normpath(parts.path or "/")
            return not path.startswith("/dev/")
    return False


def refusal(
    config: PrintingConfig,
    name: str,
    port: str | None = None,
    device_uri: str | None = None,
) -> Refusal | None:
    """Why the policy does not let a printout go to this printer; None when it may."""
    if config.allowed_printers and not _matches(name, config.allowed_printers):
        return Refusal.NOT_ALLOWED
    if not config.allow_pdf_save and writes_file(name, port, device_uri):
        return Refusal.WRITES_FILE
    return None
