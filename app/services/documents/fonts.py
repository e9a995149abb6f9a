"""The TrueType font every document embeds.

The PDF base font Helvetica has no Č Đ Ŋ Ŧ: a Sámi name would print wrong. DejaVu Sans
has them all. The copy shipped in ``resources/fonts`` comes first, so that every
workstation prints with the glyphs the tests checked; the system's DejaVu is the
fallback (see ``resources/fonts/README.md``). There is deliberately no fallback to a
built-in font.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.services.paths import RESOURCES

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

FONT_DIRECTORIES: tuple[Path, ...] = (
    RESOURCES / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),
)


class FontUnavailable(RuntimeError):
    """DejaVu Sans is in none of the places looked at: nothing can be printed."""


def find_font_directory(directories: Sequence[Path] | None = None) -> Path:
    """The first directory holding both DejaVu Sans files (of :data:`FONT_DIRECTORIES`,
    read when called: only code changes it, as the self-test's tests do)."""
    directories = FONT_DIRECTORIES if directories is None else directories
    for directory in directories:
        if all((directory / name).is_file() for name in _FILES.values()):
            return directory
    looked = ", ".join(str(directory) for directory in directories)
    raise FontUnavailable(
        f"DejaVu Sans (DejaVuSans.ttf, DejaVuSans-Bold.ttf) not found in {looked}"
    )


@functools.cache
def register_fonts() -> Path:
    """Register DejaVu Sans (regular and bold) with reportlab, once per process.

    Returns the directory the fonts were read from. The files are only read: the
    subsets are made in memory when a document is built.
    """
    directory = find_font_directory()
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(directory / file_name)))
    # <b> inside a paragraph picks the bold face; there is no italic, so it stays upright.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return directory
