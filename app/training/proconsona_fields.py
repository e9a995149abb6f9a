"""Request validation of the Pro Consona training simulator, and its child welfare notices.

Split from :mod:`app.training.proconsona`. A field that fails validation raises
:class:`Invalid`, which the handler answers with ``422`` and the Finnish reason,
as the contract in ``docs/connectors.md`` describes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.author import SignInMethod
from app.domain.hetu import InvalidHetu, parse_hetu

# The connector declares the same numbers (app.connectors.proconsona.FIELD_LIMITS);
# they are written out here on purpose and a contract test holds the two together.
MAX_TEXT = 20_000
MAX_SHORT = 200
MAX_DESCRIPTION = 2_000

# Child welfare notifications: Pro Consona's urgency codes -> the model's neutral value.
URGENCIES = {"kiireellinen": "urgent", "ei_kiireellinen": "not_urgent"}


class Invalid(Exception):
    """A request body that fails validation: answered 422 with the Finnish reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def text_field(document: dict[str, Any], key: str, limit: int) -> str:
    value = document.get(key)
    if not isinstance(value, str):
        raise Invalid("KENTTA_PUUTTUU", f"Kenttä {key} puuttuu tai ei ole tekstiä.")
    if len(value) > limit:
        raise Invalid("LIIAN_PITKA", f"Kenttä {key} on liian pitkä (enintään {limit} merkkiä).")
    return value


def aware_time_field(document: dict[str, Any], key: str, name: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(text_field(document, key, MAX_SHORT))
    except ValueError:
        when = None
    if when is None or when.tzinfo is None or when.utcoffset() is None:
        raise Invalid("AIKA", f"{name} puuttuu tai siitä puuttuu aikavyöhyke.")
    return when


def bool_field(document: dict[str, Any], key: str, reason: str) -> bool:
    value = document.get(key)
    if not isinstance(value, bool):
        raise Invalid("KENTTA_PUUTTUU", reason)
    return value


def known_or_not_field(document: dict[str, Any], key: str, reason: str) -> bool | None:
    """true, false, or null for "not known"; the key itself must be there."""
    if key in document and document[key] is None:
        return None
    return bool_field(document, key, reason)


# Who saved a record, as signed in then: the four keys name one worker or are all
# null (or absent): the author is not known (saved before the duty's outbox recorded it).
ATTRIBUTION_KEYS = ("kirjaajaTunnus", "kirjaajaOrganisaatio", "kirjautumistapa", "kirjautunut")


def attribution_fields(document: dict[str, Any]) -> dict[str, str | None]:
    """The record's author as signed in (author_id, author_organisation, auth_method,
    signed_in_at), all None when not known; Invalid when partly given."""
    given = [key for key in ATTRIBUTION_KEYS if document.get(key) is not None]
    if not given:
        return dict.fromkeys(("author_id", "author_organisation", "auth_method", "signed_in_at"))
    if len(given) != len(ATTRIBUTION_KEYS):
        raise Invalid("KIRJAAJA", "Kirjaajan tunnistetiedot ovat puutteelliset.")
    worker_id = text_field(document, "kirjaajaTunnus", MAX_SHORT)
    organisation = text_field(document, "kirjaajaOrganisaatio", MAX_SHORT)
    if not worker_id.strip() or not organisation.strip():
        raise Invalid("KIRJAAJA", "Kirjaajan tunnus tai organisaatio on tyhjä.")
    method = text_field(document, "kirjautumistapa", MAX_SHORT)
    if method not in {known.value for known in SignInMethod}:
        raise Invalid("KIRJAUTUMISTAPA", "Tuntematon kirjautumistapa.")
    signed_in = aware_time_field(document, "kirjautunut", "Kirjautumisaika")
    return {
        "author_id": worker_id,
        "author_organisation": organisation,
        "auth_method": method,
        "signed_in_at": signed_in.isoformat(),
    }


def person_fields(document: dict[str, Any]) -> dict[str, Any]:
    """A client to open (``POST /v1/clients``), checked field by field, in neutral terms.

    ``henkilotunnus`` null: a person with no identity code, kept for identification.
    """
    for key in ("henkilotunnus", "syntymaaika", "osoite"):
        if key not in document:
            raise Invalid("KENTTA_PUUTTUU", f"Kenttä {key} puuttuu.")
    hetu = None
    if document["henkilotunnus"] is not None:
        hetu_text = text_field(document, "henkilotunnus", MAX_SHORT)
        try:
            hetu = parse_hetu(hetu_text)
        except InvalidHetu:
            raise Invalid("HETU", "Henkilötunnus ei ole kelvollinen.") from None
        if hetu.value != hetu_text:
            raise Invalid("HETU", "Henkilötunnus ei ole kelvollinen.")
    last_name = text_field(document, "sukunimi", MAX_SHORT)
    first_names = text_field(document, "etunimet", MAX_SHORT)
    if not (last_name.strip() or first_names.strip()):
        raise Invalid("KENTTA_PUUTTUU", "Nimi puuttuu.")
    birth_date = None
    if document["syntymaaika"] is not None:
        try:
            birth_date = dt.date.fromisoformat(text_field(document, "syntymaaika", MAX_SHORT))
        except ValueError:
            raise Invalid("SYNTYMAAIKA", "Syntymäaika ei ole päivämäärä (VVVV-KK-PP).") from None
        if hetu is not None and birth_date != hetu.birth_date:
            raise Invalid("SYNTYMAAIKA", "Syntymäaika ei vastaa henkilötunnusta.")
    non_disclosure = bool_field(document, "turvakielto", "Tieto turvakiellosta puuttuu.")
    address = _person_address(document, non_disclosure)
    return {
        "hetu": None if hetu is None else hetu.value,
        "text": text_field(document, "kuvaus", MAX_DESCRIPTION),
        "last_name": last_name,
        "first_names": first_names,
        "birth_date": None if birth_date is None else birth_date.isoformat(),
        "address": address,
        "non_disclosure": non_disclosure,
        "nationality": text_field(document, "kansalaisuus", MAX_SHORT),
        "language": text_field(document, "kieli", MAX_SHORT),
    }


def _person_address(document: dict[str, Any], non_disclosure: bool) -> dict[str, str] | None:
    """``osoite`` of a client to open, in neutral terms; null is no address."""
    raw = document["osoite"]
    if raw is None:
        return None
    if non_disclosure:
        # Under turvakielto the duty never sends an address: one here is a leak.
        raise Invalid("TURVAKIELTO", "Turvakiellon alaisen henkilön osoitetta ei lähetetä.")
    if not isinstance(raw, dict):
        raise Invalid("KENTTA_PUUTTUU", "Kenttä osoite ei ole olio.")
    return {
        "street": text_field(raw, "katuosoite", MAX_SHORT),
        "postal_code": text_field(raw, "postinumero", MAX_SHORT),
        "city": text_field(raw, "postitoimipaikka", MAX_SHORT),
    }


def notification_fields(document: dict[str, Any]) -> dict[str, Any]:
    """A lastensuojeluilmoitus checked field by field, in the model's neutral terms.

    The child need not be a client yet: the identity code must only be valid and
    belong to a child (under 18) on the day the duty received the notification.
    """
    hetu_text = text_field(document, "henkilotunnus", MAX_SHORT)
    try:
        hetu = parse_hetu(hetu_text)
    except InvalidHetu:
        raise Invalid("HETU", "Henkilötunnus ei ole kelvollinen.") from None
    if hetu.value != hetu_text:
        raise Invalid("HETU", "Henkilötunnus ei ole kelvollinen.")
    last_name = text_field(document, "lapsenSukunimi", MAX_SHORT)
    first_names = text_field(document, "lapsenEtunimet", MAX_SHORT)
    organisation = text_field(document, "ilmoittajaOrganisaatio", MAX_SHORT)
    person = text_field(document, "ilmoittajaHenkilo", MAX_SHORT)
    phone = text_field(document, "ilmoittajaPuhelin", MAX_SHORT)
    what_happened = text_field(document, "tapahtunut", MAX_TEXT)
    urgency = URGENCIES.get(text_field(document, "kiireellisyys", MAX_SHORT))
    child_informed = known_or_not_field(
        document, "lapsiTietoinen", "Tieto lapselle kertomisesta puuttuu."
    )
    guardians_informed = known_or_not_field(
        document, "huoltajatTietoisia", "Tieto huoltajille kertomisesta puuttuu."
    )
    received = aware_time_field(document, "vastaanotettu", "Vastaanottoaika")
    receiver = text_field(document, "vastaanottaja", MAX_SHORT)
    for value, reason in (
        (organisation, "Ilmoittajan organisaatio puuttuu."),
        (what_happened, "Kuvaus tapahtuneesta puuttuu."),
        (receiver, "Vastaanottanut työntekijä puuttuu."),
    ):
        if not value.strip():
            raise Invalid("KENTTA_PUUTTUU", reason)
    if urgency is None:
        raise Invalid("KIIREELLISYYS", "Tuntematon kiireellisyys.")
    if not hetu.is_child_on(received.date()):
        raise Invalid("EI_LAPSI", "Ilmoitus koskee vain alle 18-vuotiasta lasta.")
    return {
        "hetu": hetu.value,
        "text": what_happened,
        "child_name": f"{last_name} {first_names}".strip(),
        "notifier_organisation": organisation,
        "notifier_person": person,
        "notifier_phone": phone,
        "urgency": urgency,
        "child_informed": child_informed,
        "guardians_informed": guardians_informed,
        "received_by_duty_at": received.isoformat(),
        "receiving_worker": receiver,
    }
