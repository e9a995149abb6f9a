"""The duty entry (kirjaus) on paper: what the duty recorded about a contact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from app.domain.hetu import Hetu
from app.domain.model import (
    Address,
    ClientSummary,
    ContactChannel,
    DutyEntry,
    PersonDetails,
    TaskType,
)
from app.domain.policy import Municipality, Registrar
from app.services.documents import base, titles
from app.services.documents.wording import CONTEXT, QT_TRANSLATE_NOOP, translate

ENTRY_TITLE = titles.ENTRY_TITLE

# The same words as the entry form.
CHANNEL_WORDS = {
    ContactChannel.EMERGENCY_112: QT_TRANSLATE_NOOP("Documents", "112 (hätäkeskus)"),
    ContactChannel.POLICE: QT_TRANSLATE_NOOP("Documents", "Poliisi"),
    ContactChannel.CLIENT: QT_TRANSLATE_NOOP("Documents", "Asiakas itse"),
    ContactChannel.AUTHORITY: QT_TRANSLATE_NOOP("Documents", "Muu viranomainen"),
    ContactChannel.OTHER: QT_TRANSLATE_NOOP("Documents", "Muu"),
}
TASK_WORDS = {
    TaskType.CHILD_PROTECTION: QT_TRANSLATE_NOOP("Documents", "Lastensuojelu"),
    TaskType.ADULT_SOCIAL_WORK: QT_TRANSLATE_NOOP("Documents", "Aikuissosiaalityö"),
    TaskType.INCOME_SUPPORT: QT_TRANSLATE_NOOP("Documents", "Toimeentulotuki"),
}


def municipality_text(municipality: Municipality) -> str:
    return f"{municipality.name_fi} ({municipality.code})"


NO_HETU = QT_TRANSLATE_NOOP("Documents", "Ei suomalaista henkilötunnusta – tunnistettava")


@dataclass(frozen=True, repr=False)
class PrintedPerson:
    """Whom an entry is about when the client system's summary is not at hand: the
    population register's details, or a person with no identity code."""

    hetu: Hetu | None
    full_name: str
    non_disclosure: bool = False
    address: Address | None = None

    def __repr__(self) -> str:
        return "PrintedPerson(<redacted>)"


def client_rows(client: base.Person, address: Address | None) -> list[tuple[str, str]]:
    return [
        (translate("Documents", "Asiakas"), client.full_name),
        (
            translate("Documents", "Henkilötunnus"),
            str(client.hetu) if client.hetu is not None else translate(CONTEXT, NO_HETU),
        ),
        (translate("Documents", "Osoite"), base.address_text(client, address)),
    ]


def person_rows(person: PersonDetails | None) -> list[tuple[str, str]]:
    """What is known of a person with no identity code (or a new client), as told."""
    if person is None:
        return []
    rows = []
    if person.birth_date is not None:
        born = person.birth_date
        rows.append((translate("Documents", "Syntymäaika"), f"{born.day}.{born.month}.{born.year}"))
    for title, value in (
        (translate("Documents", "Kansalaisuus"), person.nationality),
        (translate("Documents", "Kieli"), person.language),
        (translate("Documents", "Henkilön kuvaus"), person.description),
    ):
        if value:
            rows.append((title, value))
    return rows


def render_entry(  # noqa: PLR0913 - a document is made of this many parts
    entry: DutyEntry,
    client: ClientSummary | PrintedPerson,
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
    if (entry.hetu.value if entry.hetu else None) != (client.hetu.value if client.hetu else None):
        raise ValueError("the entry and the client summary are about different people")

    def story(_total: int) -> list[Flowable]:
        return [
            *base.title(
                translate(CONTEXT, ENTRY_TITLE).upper(),
                translate("Documents", "Asiakaskertomukseen – {municipality}").format(
                    municipality=municipality.name_fi
                ),
            ),
            base.fields(
                [
                    (translate("Documents", "Kunta"), municipality_text(municipality)),
                    (translate("Documents", "Rekisterinpitäjä"), registrar.name_fi),
                    *client_rows(client, address),
                    *person_rows(entry.person),
                    (
                        translate("Documents", "Yhteydenottoaika"),
                        base.format_time(entry.contact_time, zone),
                    ),
                    (
                        translate("Documents", "Yhteydenottaja"),
                        translate(CONTEXT, CHANNEL_WORDS[entry.contact_channel]),
                    ),
                    (
                        translate("Documents", "Tehtävä"),
                        translate(CONTEXT, TASK_WORDS[entry.task_type]),
                    ),
                ]
            ),
            base.heading(translate("Documents", "Tilanteen kuvaus")),
            *base.text_block(entry.narrative),
            base.heading(translate("Documents", "Toimenpiteet")),
            *base.text_block(entry.measures),
            base.heading(translate("Documents", "Jatkotoimenpiteet")),
            base.fields(
                [
                    (
                        translate("Documents", "Jatkotoimia tarvitaan"),
                        base.yes_no(entry.follow_up_needed),
                    ),
                    (translate("Documents", "Kirjaaja"), entry.author),
                    (translate("Documents", "Kirjauksen tunniste"), str(entry.idempotency_key)),
                ]
            ),
        ]

    return base.render_pdf(translate(CONTEXT, ENTRY_TITLE), printed_by, printed_at, story, zone)
