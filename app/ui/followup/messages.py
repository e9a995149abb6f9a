"""What the worker is told about handoffs and child welfare notifications.

Like :mod:`app.ui.outbox.messages`: one function per outcome, worded as what
happened and what to do next. Texts name the municipality and its office-hours
unit, never the client: they reach the message area, which is logged by kind only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.kinds import ItemKind
from app.domain.policy import Municipality
from app.services.followup.items import Channel, FaxDocument
from app.services.outbox.store import ItemState, OutboxError
from app.ui.messages import system_name, where


def fax_number(fax: str | None) -> str:
    return fax or QCoreApplication.translate("FollowupMessages", "ei faksinumeroa – soita")


def channel_text(channel: Channel, municipality: Municipality) -> str:
    """How an item reaches ``municipality``, decided by the connector's capability."""
    if channel is Channel.INTERNAL_MAIL:
        return QCoreApplication.translate("FollowupMessages", "Sisäinen posti ({system})").format(
            system=system_name(municipality.system.type)
        )
    if channel is Channel.SYSTEM:
        return QCoreApplication.translate(
            "FollowupMessages", "Lastensuojelun järjestelmään ({system})"
        ).format(system=system_name(municipality.system.type))
    office = municipality.office_hours
    return QCoreApplication.translate(
        "FollowupMessages", "Faksi ja puhelu: {unit}, faksi {fax}, puh. {phone}"
    ).format(unit=office.unit, fax=fax_number(office.fax), phone=office.phone)


def channel_unknown() -> str:
    return QCoreApplication.translate(
        "FollowupMessages", "Lähetystapaa ei saatu selville. Lähetystapa valitaan tallennettaessa."
    )


def outbox_not_open(opening: bool) -> str:
    if opening:
        return QCoreApplication.translate(
            "FollowupMessages",
            "Lähteviä avataan vielä. Tallenna hetken kuluttua uudelleen; teksti on tallessa.",
        )
    return QCoreApplication.translate(
        "FollowupMessages",
        "Lähtevät eivät ole käytössä (katso punainen ilmoitus), joten mitään ei voi "
        "tallentaa. Teksti on tallessa lomakkeella; kopioi se talteen ennen kuin suljet.",
    )


def call_note(municipality: Municipality, document: FaxDocument) -> str:
    """The phone-call note beside a fax: whom to call and what to say."""
    office = municipality.office_hours
    what = (
        QCoreApplication.translate("FollowupMessages", "lastensuojeluilmoituksen")
        if document is FaxDocument.NOTIFICATION
        else QCoreApplication.translate(
            "FollowupMessages", "asiakasasian siirron jatkotoimia varten"
        )
    )
    return QCoreApplication.translate(
        "FollowupMessages",
        "Puhelinmuistio: soita {unit}, puh. {phone}. Kerro, että sosiaalipäivystys lähetti "
        "faksilla {what} numeroon {fax}. Pyydä vahvistamaan, että faksi tuli perille "
        "kokonaan, ja kysy, kuka ottaa asian hoitaakseen.",
    ).format(unit=office.unit, phone=office.phone, what=what, fax=fax_number(office.fax))


def fax_not_sent_yet(municipality: Municipality) -> str:
    office = municipality.office_hours
    return QCoreApplication.translate(
        "FollowupMessages",
        "Tallennettu, mutta EI VIELÄ LÄHETETTY. {name} ei ota tätä vastaan järjestelmän "
        "kautta: tulosta faksi, faksaa se numeroon {fax} ja soita {phone}. Merkitse se "
        "sitten lähetetyksi (Avoimet siirrot, Ctrl+J).",
    ).format(name=municipality.name_fi, fax=fax_number(office.fax), phone=office.phone)


def mail_saved(municipality: Municipality) -> str:
    return QCoreApplication.translate(
        "FollowupMessages",
        "Siirto tallennettu lähteviin. Se lähtee sisäisenä postina virka-aikaiselle "
        "({where}: {unit}); saat ilmoituksen, kun se on perillä.",
    ).format(where=where(municipality), unit=municipality.office_hours.unit)


def notification_saved(municipality: Municipality) -> str:
    return QCoreApplication.translate(
        "FollowupMessages",
        "Lastensuojeluilmoitus tallennettu lähteviin. Se lähtee lastensuojeluun ({where}); "
        "saat ilmoituksen, kun se on perillä.",
    ).format(where=where(municipality))


def delivered(kind: ItemKind, municipality: Municipality, record: str) -> str:
    if kind is ItemKind.NOTIFICATION:
        text = QCoreApplication.translate(
            "FollowupMessages", "Lastensuojeluilmoitus toimitettu: {where} (tunniste {record})."
        )
    else:
        text = QCoreApplication.translate(
            "FollowupMessages",
            "Siirto toimitettu virka-aikaiselle sisäisenä postina: {where} (tunniste {record}).",
        )
    return text.format(where=where(municipality), record=record)


def waiting(kind: ItemKind, municipality: Municipality) -> str:
    what = (
        QCoreApplication.translate("FollowupMessages", "Lastensuojeluilmoitus")
        if kind is ItemKind.NOTIFICATION
        else QCoreApplication.translate("FollowupMessages", "Siirto")
    )
    return QCoreApplication.translate(
        "FollowupMessages",
        "{what} on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas "
        "tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.",
    ).format(what=what, name=municipality.name_fi, system=system_name(municipality.system.type))


def refused(kind: ItemKind, municipality: Municipality, reason: str) -> str:
    what = (
        QCoreApplication.translate("FollowupMessages", "lastensuojeluilmoituksen")
        if kind is ItemKind.NOTIFICATION
        else QCoreApplication.translate("FollowupMessages", "siirron")
    )
    return QCoreApplication.translate(
        "FollowupMessages",
        "Asiakastietojärjestelmä hylkäsi {what} ({where}): {reason}. Se odottaa lähtevissä "
        "(Ctrl+L). Hoida asia puhelimitse virka-aikaiselle: {unit}, puh. {phone}.",
    ).format(
        what=what,
        where=where(municipality),
        reason=reason.rstrip(". ") or "?",
        unit=municipality.office_hours.unit,
        phone=municipality.office_hours.phone,
    )


def save_failed(error: Exception) -> str:
    if isinstance(error, OutboxError) and error.code == "io_error":
        text = QCoreApplication.translate(
            "FollowupMessages", "Tallennus ei onnistunut: levy on täynnä tai siinä on virhe."
        )
    elif isinstance(error, OutboxError):
        text = QCoreApplication.translate("FollowupMessages", "Tallennus lähteviin ei onnistunut.")
    else:
        text = QCoreApplication.translate(
            "FollowupMessages", "Tallennus ei onnistunut odottamattoman virheen vuoksi."
        )
    return (
        text
        + " "
        + QCoreApplication.translate(
            "FollowupMessages",
            "Mitään ei tallennettu; teksti on tallessa lomakkeella. Yritä uudelleen; jos "
            "virhe toistuu, ota yhteys tukeen.",
        )
    )


def state_text(state: ItemState) -> str:
    if state is ItemState.MANUAL:
        return QCoreApplication.translate("FollowupMessages", "faksattava ja soitettava")
    texts = {
        ItemState.WAITING: QCoreApplication.translate("FollowupMessages", "odottaa lähetystä"),
        ItemState.SENDING: QCoreApplication.translate("FollowupMessages", "lähetetään"),
        ItemState.ATTENTION: QCoreApplication.translate(
            "FollowupMessages", "hylätty – vaatii toimia"
        ),
    }
    return texts[state]


def document_text(document: FaxDocument | None) -> str:
    if document is FaxDocument.HANDOFF:
        return QCoreApplication.translate("FollowupMessages", "siirto virka-aikaiselle")
    if document is FaxDocument.NOTIFICATION:
        return QCoreApplication.translate("FollowupMessages", "lastensuojeluilmoitus")
    return QCoreApplication.translate("FollowupMessages", "faksi (sisältöä ei voi lukea)")


def short_channel_text(channel: Channel) -> str:
    texts = {
        Channel.INTERNAL_MAIL: QCoreApplication.translate("FollowupMessages", "sisäinen posti"),
        Channel.SYSTEM: QCoreApplication.translate("FollowupMessages", "järjestelmään"),
        Channel.FAX: QCoreApplication.translate("FollowupMessages", "faksi ja puhelu"),
    }
    return texts[channel]


def not_a_child(age: int) -> str:
    return QCoreApplication.translate(
        "FollowupMessages",
        "Henkilötunnuksen mukaan henkilö oli {age}-vuotias, kun ilmoitus vastaanotettiin. "
        "Lastensuojeluilmoitus koskee vain alle 18-vuotiasta lasta: tarkista tunnus "
        "ilmoittajalta. Aikuista koskeva huoli kirjataan kirjauksena (Ctrl+N).",
    ).format(age=age)


def home_municipality(home: str | None, name: str | None) -> str:
    """The population register's answer: ``name`` when the policy has municipality ``home``."""
    if home is None:
        return QCoreApplication.translate(
            "FollowupMessages",
            "Väestötietojärjestelmä ei tunne tätä henkilötunnusta: tarkista kotikunta "
            "ilmoittajalta ja valitse se.",
        )
    if name is None:
        return QCoreApplication.translate(
            "FollowupMessages",
            "Väestötietojärjestelmän mukaan lapsen kotikunta on kunta {code}, joka ei kuulu "
            "tämän päivystyksen kuntiin: toimita ilmoitus sinne puhelimella tai faksilla.",
        ).format(code=home)
    return QCoreApplication.translate(
        "FollowupMessages", "Väestötietojärjestelmän mukaan lapsen kotikunta on {name}."
    ).format(name=name)


def home_not_asked() -> str:
    return QCoreApplication.translate(
        "FollowupMessages", "Kotikuntaa ei saatu väestötietojärjestelmästä: valitse kunta itse."
    )


def invalid_notification(field: str) -> str:
    """What to fix, for a field :class:`InvalidNotification` named (not the child's code)."""
    texts = {
        "what_happened": QCoreApplication.translate(
            "FollowupMessages", "Kirjoita, mitä tapahtui: ilmoitus tarvitsee kuvauksen."
        ),
        "notifier_organisation": QCoreApplication.translate(
            "FollowupMessages", "Kirjoita ilmoittajan organisaatio (esimerkiksi Poliisi)."
        ),
        "receiving_worker": QCoreApplication.translate(
            "FollowupMessages",
            "Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.",
        ),
        "child_hetu": QCoreApplication.translate(
            "FollowupMessages", "Tarkista lapsen henkilötunnus."
        ),
    }
    return texts.get(
        field, QCoreApplication.translate("FollowupMessages", "Tarkista ilmoituksen tiedot.")
    )
