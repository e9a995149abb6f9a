"""The page template shared by every printed document, and the pieces they are built of.

Every page carries the confidentiality marking with its legal basis, the page number
"x / y" and who printed the document and when. A document is built in memory: the PDF
exists only as the returned bytes, never as a file (a temporary file would leave client
data on the disk). The total page count is known only after a build, so a document is
built again until the total it was built with is the total it came out with; the fax
cover, which states its page count in its text, relies on that.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from app.domain import clock
from app.domain.hetu import Hetu
from app.domain.model import Address
from app.services.documents.fonts import BOLD, REGULAR, register_fonts
from app.services.documents.wording import CONTEXT, QT_TRANSLATE_NOOP, translate

CONFIDENTIAL = QT_TRANSLATE_NOOP("Documents", "SALASSA PIDETTÄVÄ")
LEGAL_BASIS = QT_TRANSLATE_NOOP(
    "Documents",
    "JulkL 621/1999 24 § 1 mom. 25 k; "
    "laki sosiaalihuollon asiakkaan asemasta ja oikeuksista 812/2000",
)
NON_DISCLOSURE_MARKER = QT_TRANSLATE_NOOP("Documents", "TURVAKIELTO – osoitetta ei tulosteta")
NOT_KNOWN = QT_TRANSLATE_NOOP("Documents", "ei tiedossa")
CREATOR = "Päivystys"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
_TOP_MARGIN = 32 * mm
_BOTTOM_MARGIN = 24 * mm
_MAX_PASSES = 4

Story = Callable[[int], list[Flowable]]
"""Makes a document's flowables, given its total page count (a build consumes them)."""


class Person(Protocol):
    """Whom a document is about: a :class:`~app.domain.model.ClientSummary` or alike."""

    @property
    def hetu(self) -> Hetu | None: ...

    @property
    def full_name(self) -> str: ...

    @property
    def non_disclosure(self) -> bool: ...

    @property
    def address(self) -> Address | None: ...


# --- text -----------------------------------------------------------------------------


def format_time(moment: dt.datetime, zone: dt.tzinfo) -> str:
    """Finnish style, in the policy's ``zone``: ``14.3.2026 klo 22.05``.

    A naive time is refused (ValueError): its zone would be a guess.
    """
    shown = clock.local(moment, zone)
    return translate("Documents", "{day}.{month}.{year} klo {time}").format(
        day=shown.day, month=shown.month, year=shown.year, time=f"{shown:%H.%M}"
    )


def yes_no(value: bool | None) -> str:
    if value is None:
        return translate(CONTEXT, NOT_KNOWN)
    return translate("Documents", "kyllä") if value else translate("Documents", "ei")


def address_text(person: Person, address: Address | None = None) -> str:
    """The address line to print, or the non-disclosure marker.

    ``address`` (e.g. from the population register) overrides the person's own, except
    under non-disclosure: then no address is printed, whichever was passed.
    """
    if person.non_disclosure:
        return translate(CONTEXT, NON_DISCLOSURE_MARKER)
    shown = address if address is not None else person.address
    if shown is None:
        return translate(CONTEXT, NOT_KNOWN)
    return f"{shown.street}, {shown.postal_code} {shown.city}"


def checked_name(value: str, what: str) -> str:
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    return value.strip()


# --- flowables ------------------------------------------------------------------------

_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=4)
_LABEL = ParagraphStyle("label", parent=_BODY, fontName=BOLD, fontSize=9.5, spaceAfter=0)
_VALUE = ParagraphStyle("value", parent=_BODY, spaceAfter=0)
_HEADING = ParagraphStyle(
    "heading", fontName=BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=4
)
_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=2)
_SUBTITLE = ParagraphStyle("subtitle", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=8)
_NOTE = ParagraphStyle("note", fontName=REGULAR, fontSize=8.5, leading=11, spaceBefore=8)
_MARKED = colors.HexColor("#8b0000")


def _markup(text: str) -> str:
    """Plain text as paragraph markup: nothing in it is taken as a tag."""
    return escape(text.strip()).replace("\n", "<br/>")


def title(text: str, subtitle: str = "") -> list[Flowable]:
    story: list[Flowable] = [Paragraph(_markup(text), _TITLE)]
    if subtitle:
        story.append(Paragraph(_markup(subtitle), _SUBTITLE))
    return story


def heading(text: str) -> Paragraph:
    return Paragraph(_markup(text), _HEADING)


def note(text: str) -> Paragraph:
    return Paragraph(_markup(text), _NOTE)


def text_block(text: str) -> list[Flowable]:
    """Free text, one paragraph per blank-line-separated part: long text flows on."""
    parts = [part for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    if not parts:
        return [Paragraph("–", _BODY)]
    return [Paragraph(_markup(part), _BODY) for part in parts]


def fields(rows: Sequence[tuple[str, str]]) -> Table:
    """Label–value pairs. Only short values belong here: a table row cannot break."""
    data = []
    for label, value in rows:
        style = _VALUE
        if value == translate(CONTEXT, NON_DISCLOSURE_MARKER):
            style = ParagraphStyle("marked", parent=_VALUE, fontName=BOLD, textColor=_MARKED)
        data.append([Paragraph(_markup(label), _LABEL), Paragraph(_markup(value) or "–", style)])
    table = Table(data, colWidths=[52 * mm, CONTENT_WIDTH - 52 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Cells hold paragraphs; without this the table would still set Helvetica.
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


# --- the page template and the build --------------------------------------------------


def _draw_fitted(
    canvas: Any, x: float, y: float, text: str, font: str, size: float, right: bool = False
) -> None:
    """Draw one line, made smaller rather than run off the page."""
    while size > 5 and stringWidth(text, font, size) > CONTENT_WIDTH * 0.8:
        size -= 0.25
    canvas.setFont(font, size)
    if right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def _decorate(canvas: Any, document_title: str, printed: str, page: int, total: int) -> None:
    canvas.saveState()
    right = PAGE_WIDTH - MARGIN
    top = PAGE_HEIGHT - 13 * mm
    canvas.setFillColor(_MARKED)
    canvas.setFont(BOLD, 11)
    canvas.drawString(MARGIN, top, translate(CONTEXT, CONFIDENTIAL))
    canvas.setFillColor(colors.black)
    canvas.setFont(BOLD, 9)
    canvas.drawRightString(right, top, document_title)
    _draw_fitted(canvas, MARGIN, top - 11, translate(CONTEXT, LEGAL_BASIS), REGULAR, 8)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 16, right, top - 16)
    bottom = 12 * mm
    canvas.line(MARGIN, bottom + 10, right, bottom + 10)
    _draw_fitted(canvas, MARGIN, bottom, printed, REGULAR, 8)
    canvas.setFont(BOLD, 9)
    canvas.drawRightString(
        right,
        bottom,
        translate("Documents", "Sivu {page} / {total}").format(page=page, total=total),
    )
    canvas.restoreState()


def _build(
    document_title: str, printed_by: str, printed: str, flowables: list[Flowable], total: int
) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=_TOP_MARGIN,
        bottomMargin=_BOTTOM_MARGIN,
        # Metadata names the kind of document only: job names and file dialogs show it.
        title=document_title,
        author=printed_by,
        creator=CREATOR,
        subject="",
        lang="fi",
        # Start each page in DejaVu too, so that no built-in font enters the PDF at all.
        initialFontName=REGULAR,
    )
    pages = 0

    def on_page(canvas: Any, _document: Any) -> None:
        nonlocal pages
        page = canvas.getPageNumber()
        pages = max(pages, page)
        _decorate(canvas, document_title, printed, page, total)

    document.build(flowables, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue(), pages


def render_pdf(
    document_title: str, printed_by: str, printed_at: dt.datetime, story: Story, zone: dt.tzinfo
) -> bytes:
    """Build a document in memory; its pages numbered "x / y" with the real total.

    Every time on it is shown in ``zone``, the policy's (:attr:`Policy.zone`).
    """
    register_fonts()
    printed_by = checked_name(printed_by, "printed_by")
    printed = translate("Documents", "Tulostanut: {name}, {when}").format(
        name=printed_by, when=format_time(printed_at, zone)
    )
    total = 1
    for _ in range(_MAX_PASSES):
        data, pages = _build(document_title, printed_by, printed, story(total), total)
        if pages == total:
            return data
        total = pages
    raise RuntimeError(f"the page count of {document_title!r} does not settle")
