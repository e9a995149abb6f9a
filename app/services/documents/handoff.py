"""The fax handoff sheet to the municipality's office-hours duty worker.

Where the client system has no internal mail, the duty hands the follow-up over by fax
and phone. The cover names the recipient unit, its fax and phone (from the policy), the
sender and the number of pages including the cover; the client appears only from page
two on. A phone-call note (whom to call, what to say) closes the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from app.domain.model import Address, ClientSummary
from app.domain.policy import DutyUnit, Municipality, Registrar
from app.services.documents import base, titles
from app.services.documents.entry import client_rows, municipality_text

HANDOFF_TITLE = titles.HANDOFF_TITLE
NO_FAX = "ei ilmoitettu – soita"
WRITE_IN = "______________________________"
PAGE_COUNT_LABEL = "Sivumäärä (kansilehti mukaan lukien)"


@dataclass(frozen=True)
class HandoffDetails:
    """What the duty hands over, beyond the client summary.

    ``call_to`` and ``call_message`` may be left empty: the note then says to call the
    office-hours unit and what the fax was about.
    """

    sender: DutyUnit
    author: str
    what_happened: str
    follow_up: str
    call_to: str = ""
    call_message: str = ""

    def __repr__(self) -> str:
        return "HandoffDetails(<redacted>)"


def fax_cover(
    details: HandoffDetails,
    municipality: Municipality,
    printed_at: dt.datetime,
    total: int,
    *,
    zone: dt.tzinfo,
    purpose: str = "Virka-aikaiselle päivystäjälle – asiakasasian siirto jatkotoimiin",
    subject: str = "Asiakasasian siirto jatkotoimia varten; tiedot seuraavilla sivuilla.",
) -> list[Flowable]:
    """The fax cover: recipient, fax and phone from the policy, sender, page count.

    No client on it: a cover may lie in the receiving machine's tray.
    """
    office = municipality.office_hours
    sender_phone = details.sender.phone or "–"
    return [
        *base.title("FAKSI", purpose),
        base.fields(
            [
                ("Vastaanottaja", f"{office.unit} ({municipality.name_fi})"),
                ("Faksinumero", office.fax or NO_FAX),
                ("Puhelin", office.phone),
                ("Lähettäjä", details.sender.name),
                ("Lähettäjän puhelin", sender_phone),
                ("Käsittelijä", details.author),
                ("Päivämäärä", base.format_time(printed_at, zone)),
                (PAGE_COUNT_LABEL, str(total)),
                ("Asia", subject),
            ]
        ),
        base.note(
            "Tämä faksi sisältää salassa pidettäviä asiakastietoja. Jos se on tullut "
            f"väärälle vastaanottajalle, ilmoita lähettäjälle puh. {sender_phone} ja hävitä "
            "asiakirja. Tietoja ei saa käyttää eikä luovuttaa eteenpäin."
        ),
        PageBreak(),
    ]


def _default_call_message(details: HandoffDetails, client: ClientSummary, total: int) -> str:
    return (
        f"Soitan sosiaalipäivystyksestä ({details.sender.name}), nimeni on {details.author}. "
        f"Lähetimme faksilla {total} sivua (kansilehti mukaan lukien) asiakkaan "
        f"{client.full_name} asiasta jatkotoimia varten. Pyydän vahvistamaan, että faksi on "
        "tullut perille kokonaan, ja kertomaan, kuka ottaa asian hoitaakseen."
    )


def render_handoff(  # noqa: PLR0913 - a document is made of this many parts
    handoff: HandoffDetails,
    client: ClientSummary,
    municipality: Municipality,
    registrar: Registrar,
    printed_by: str,
    printed_at: dt.datetime,
    *,
    zone: dt.tzinfo,
    address: Address | None = None,
) -> bytes:
    """The fax handoff sheet as PDF bytes; the cover states the real page count.

    Its times are in ``zone``, the policy's.
    """
    office = municipality.office_hours
    call_to = handoff.call_to.strip() or f"{office.unit}, puh. {office.phone}"

    def story(total: int) -> list[Flowable]:
        worker = client.responsible_worker
        worker_text = "–"
        if worker is not None:
            worker_text = worker.name + (f", puh. {worker.phone}" if worker.phone else "")
        return [
            *fax_cover(handoff, municipality, printed_at, total, zone=zone),
            *base.title("ASIAKASASIAN SIIRTO", f"{office.unit} – {municipality.name_fi}"),
            base.fields(
                [
                    ("Kunta", municipality_text(municipality)),
                    ("Rekisterinpitäjä", registrar.name_fi),
                    *client_rows(client, address),
                    ("Vastuutyöntekijä", worker_text),
                ]
            ),
            base.heading("Mitä tapahtui"),
            *base.text_block(handoff.what_happened),
            base.heading("Tarvittavat jatkotoimet"),
            *base.text_block(handoff.follow_up),
            base.fields([("Siirtäjä", f"{handoff.author}, {handoff.sender.name}")]),
            base.heading("Puhelinmuistio"),
            base.fields([("Soita", call_to)]),
            base.heading("Kerro puhelimessa"),
            *base.text_block(handoff.call_message or _default_call_message(handoff, client, total)),
            base.fields(
                [
                    ("Faksi lähetetty (pvm, klo)", WRITE_IN),
                    ("Vastaanotto vahvistettu (kuka)", WRITE_IN),
                ]
            ),
        ]

    return base.render_pdf(HANDOFF_TITLE, printed_by, printed_at, story, zone)
