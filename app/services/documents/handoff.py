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
from app.services.documents.wording import CONTEXT, QT_TRANSLATE_NOOP, translate

HANDOFF_TITLE = titles.HANDOFF_TITLE
NO_FAX = QT_TRANSLATE_NOOP("Documents", "ei ilmoitettu – soita")
WRITE_IN = "______________________________"
PAGE_COUNT_LABEL = QT_TRANSLATE_NOOP("Documents", "Sivumäärä (kansilehti mukaan lukien)")


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
    purpose: str | None = None,
    subject: str | None = None,
) -> list[Flowable]:
    """The fax cover: recipient, fax and phone from the policy, sender, page count.

    No client on it: a cover may lie in the receiving machine's tray. ``purpose`` and
    ``subject`` are a handoff's unless given.
    """
    if purpose is None:
        purpose = translate(
            "Documents", "Virka-aikaiselle päivystäjälle – asiakasasian siirto jatkotoimiin"
        )
    if subject is None:
        subject = translate(
            "Documents", "Asiakasasian siirto jatkotoimia varten; tiedot seuraavilla sivuilla."
        )
    office = municipality.office_hours
    sender_phone = details.sender.phone or "–"
    return [
        *base.title(translate("Documents", "FAKSI"), purpose),
        base.fields(
            [
                (
                    translate("Documents", "Vastaanottaja"),
                    f"{office.unit} ({municipality.name_fi})",
                ),
                (translate("Documents", "Faksinumero"), office.fax or translate(CONTEXT, NO_FAX)),
                (translate("Documents", "Puhelin"), office.phone),
                (translate("Documents", "Lähettäjä"), details.sender.name),
                (translate("Documents", "Lähettäjän puhelin"), sender_phone),
                (translate("Documents", "Käsittelijä"), details.author),
                (translate("Documents", "Päivämäärä"), base.format_time(printed_at, zone)),
                (translate(CONTEXT, PAGE_COUNT_LABEL), str(total)),
                (translate("Documents", "Asia"), subject),
            ]
        ),
        base.note(
            translate(
                "Documents",
                "Tämä faksi sisältää salassa pidettäviä asiakastietoja. Jos se on tullut "
                "väärälle vastaanottajalle, ilmoita lähettäjälle puh. {phone} ja hävitä "
                "asiakirja. Tietoja ei saa käyttää eikä luovuttaa eteenpäin.",
            ).format(phone=sender_phone)
        ),
        PageBreak(),
    ]


def _default_call_message(details: HandoffDetails, client: ClientSummary, total: int) -> str:
    return translate(
        "Documents",
        "Soitan sosiaalipäivystyksestä ({unit}), nimeni on {author}. "
        "Lähetimme faksilla {total} sivua (kansilehti mukaan lukien) asiakkaan "
        "{client} asiasta jatkotoimia varten. Pyydän vahvistamaan, että faksi on "
        "tullut perille kokonaan, ja kertomaan, kuka ottaa asian hoitaakseen.",
    ).format(unit=details.sender.name, author=details.author, total=total, client=client.full_name)


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
    call_to = handoff.call_to.strip() or translate("Documents", "{unit}, puh. {phone}").format(
        unit=office.unit, phone=office.phone
    )

    def story(total: int) -> list[Flowable]:
        worker = client.responsible_worker
        worker_text = "–"
        if worker is not None:
            worker_text = worker.name
            if worker.phone:
                worker_text += translate("Documents", ", puh. {phone}").format(phone=worker.phone)
        return [
            *fax_cover(handoff, municipality, printed_at, total, zone=zone),
            *base.title(
                translate("Documents", "ASIAKASASIAN SIIRTO"),
                f"{office.unit} – {municipality.name_fi}",
            ),
            base.fields(
                [
                    (translate("Documents", "Kunta"), municipality_text(municipality)),
                    (translate("Documents", "Rekisterinpitäjä"), registrar.name_fi),
                    *client_rows(client, address),
                    (translate("Documents", "Vastuutyöntekijä"), worker_text),
                ]
            ),
            base.heading(translate("Documents", "Mitä tapahtui")),
            *base.text_block(handoff.what_happened),
            base.heading(translate("Documents", "Tarvittavat jatkotoimet")),
            *base.text_block(handoff.follow_up),
            base.fields(
                [(translate("Documents", "Siirtäjä"), f"{handoff.author}, {handoff.sender.name}")]
            ),
            base.heading(translate("Documents", "Puhelinmuistio")),
            base.fields([(translate("Documents", "Soita"), call_to)]),
            base.heading(translate("Documents", "Kerro puhelimessa")),
            *base.text_block(handoff.call_message or _default_call_message(handoff, client, total)),
            base.fields(
                [
                    (translate("Documents", "Faksi lähetetty (pvm, klo)"), WRITE_IN),
                    (translate("Documents", "Vastaanotto vahvistettu (kuka)"), WRITE_IN),
                ]
            ),
        ]

    return base.render_pdf(translate(CONTEXT, HANDOFF_TITLE), printed_by, printed_at, story, zone)
