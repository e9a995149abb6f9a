"""The duty entry (kirjaus) on paper: what the duty recorded about a contact."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from app.services.documents import base
from app.services.model import Address, ClientSummary, ContactChannel, DutyEntry, TaskType
from app.services.policy import Municipality, Registrar

ENTRY_TITLE = "Sosiaalipäivystyksen kirjaus"

# The same words as the entry form.
CHANNEL_WORDS = {
    ContactChannel.EMERGENCY_112: "112 (hätäkeskus)",
    ContactChannel.POLICE: "Poliisi",
    ContactChannel.CLIENT: "Asiakas itse",
    ContactChannel.AUTHORITY: "Muu viranomainen",
    ContactChannel.OTHER: "Muu",
}
TASK_WORDS = {
    TaskType.CHILD_PROTECTION: "Lastensuojelu",
    TaskType.ADULT_SOCIAL_WORK: "Aikuissosiaalityö",
    TaskType.INCOME_SUPPORT: "Toimeentulotuki",
}


def municipality_text(municipality: Municipality) -> str:
    return f"{municipality.name_fi} ({municipality.code})"


def client_rows(client: base.Person, address: Address | None) -> list[tuple[str, str]]:
    return [
        ("Asiakas", client.full_name),
        ("Henkilötunnus", str(client.hetu)),
        ("Osoite", base.address_text(client, address)),
    ]


def render_entry(  # noqa: PLR0913 - a document is made of this many parts
    entry: DutyEntry,
    client: ClientSummary,
    municipality: Municipality,
    registrar: Registrar,
    printed_by: str,
    printed_at: dt.datetime,
    *,
    zone: dt.tzinfo,
    address: Address | None = None,
) -> bytes:
    """The duty entry as PDF bytes; its times in ``zone``, the policy's.

    ``client`` is the summary the entry is about (its identity code must be the
    entry's); under non-disclosure no address is printed, not even ``address``.
    """
    if entry.hetu != client.hetu:
        raise ValueError("the entry and the client summary are about different people")

    def story(_total: int) -> list[Flowable]:
        return [
            *base.title(ENTRY_TITLE.upper(), f"Asiakaskertomukseen – {municipality.name_fi}"),
            base.fields(
                [
                    ("Kunta", municipality_text(municipality)),
                    ("Rekisterinpitäjä", registrar.name_fi),
                    *client_rows(client, address),
                    ("Yhteydenottoaika", base.format_time(entry.contact_time, zone)),
                    ("Yhteydenottaja", CHANNEL_WORDS[entry.contact_channel]),
                    ("Tehtävä", TASK_WORDS[entry.task_type]),
                ]
            ),
            base.heading("Tilanteen kuvaus"),
            *base.text_block(entry.narrative),
            base.heading("Toimenpiteet"),
            *base.text_block(entry.measures),
            base.heading("Jatkotoimenpiteet"),
            base.fields(
                [
                    ("Jatkotoimia tarvitaan", base.yes_no(entry.follow_up_needed)),
                    ("Kirjaaja", entry.author),
                    ("Kirjauksen tunniste", str(entry.idempotency_key)),
                ]
            ),
        ]

    return base.render_pdf(ENTRY_TITLE, printed_by, printed_at, story, zone)
