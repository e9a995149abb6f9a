"""What the worker is told about the outbox and connectivity.

Like :mod:`app.ui.messages`: one function per outcome, worded as what
happened and what to do, naming municipalities but never a client.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from app.domain import clock
from app.domain.model import DeliveryReceipt
from app.domain.policy import Municipality
from app.services.connectivity import Reachability
from app.services.outbox.keys import OutboxError
from app.ui.locale_format import day_month_text, number_text, time_text
from app.ui.messages import system_name, where

# Failures to open the outbox that may pass by themselves: the banner offers a retry.
RETRYABLE_OPEN_FAILURES = frozenset(
    {"keyring_timeout", "keyring_locked", "keyring_error", "io_error", "busy"}
)


def _call_support() -> str:
    return QCoreApplication.translate(
        "OutboxMessages", "Ota yhteys tukeen; tukihenkilö voi ajaa komennon 'paivystys doctor'."
    )


def _call_support_now() -> str:
    return QCoreApplication.translate(
        "OutboxMessages", "Soita tukeen heti; tukihenkilö voi ajaa komennon 'paivystys doctor'."
    )


def open_failure(error: Exception) -> str:
    """The banner's text when the outbox could not be opened, by the error's code."""
    code = error.code if isinstance(error, OutboxError) else "unexpected"
    lookups = QCoreApplication.translate("OutboxMessages", "Asiakkaiden haku toimii edelleen.")
    untouched = QCoreApplication.translate(
        "OutboxMessages",
        "Lähteviä ei muutettu, ja niissä voi olla vielä toimittamattomia kirjauksia.",
    )
    if code == "no_keyring":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Salausavainten säilö (keyring) puuttuu tästä koneesta. Kirjauksia ei voi tallentaa.",
        )
        text += " " + _call_support()
    elif code == "key_missing":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten salausavain puuttuu avainsäilöstä. Kirjauksia ei voi tallentaa.",
        )
        text += f" {untouched} {_call_support_now()}"
    elif code in ("wrong_key", "corrupt_key"):
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilö ei aukea tämän koneen salausavaimella. Kirjauksia ei "
            "voi tallentaa.",
        )
        text += f" {untouched} {_call_support_now()}"
    elif code == "damaged":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilön lokitiedosto on vioittunut, ja vian jälkeen on vielä "
            "tallennettuja kirjauksia. Säilöä ei avattu, jotta ne eivät katoa. Kirjauksia ei "
            "voi tallentaa.",
        )
        text += (
            " "
            + untouched
            + " "
            + QCoreApplication.translate(
                "OutboxMessages",
                "Soita tukeen heti: tukihenkilö voi pelastaa kirjaukset komennolla "
                "'paivystys outbox salvage'. Älä poista ohjelman tiedostoja.",
            )
        )
    elif code in ("corrupt", "not_an_outbox"):
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilö on vioittunut. Kirjauksia ei voi tallentaa.",
        )
        text += f" {untouched} {_call_support_now()}"
    elif code == "newer_schema":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevät on tallennettu Päivystyksen uudemmalla versiolla, eikä tämä versio voi "
            "käyttää niitä. Kirjauksia ei voi tallentaa.",
        )
        text += f" {untouched} {_call_support()}"
    elif code == "read_only":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilöön ei voi kirjoittaa: sen tiedosto tai kansio on vain "
            "luku -tilassa. Kirjauksia ei voi tallentaa.",
        )
        text += f" {untouched} {_call_support_now()}"
    elif code == "io_error":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilöä ei voitu lukea tai kirjoittaa (levy täynnä tai "
            "levyvirhe). Kirjauksia ei voi tallentaa. Vapauta levytilaa tai ota yhteys tukeen "
            "ja valitse sitten Yritä uudelleen.",
        )
    elif code in ("keyring_timeout", "keyring_locked"):
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Salausavainten säilö (keyring) on lukittu tai ei vastannut. Kirjauksia ei voi "
            "tallentaa ennen kuin se avataan. Avaa avainsäilön lukitus (esimerkiksi "
            "kirjautumalla uudelleen) ja valitse Yritä uudelleen.",
        )
    elif code == "keyring_error":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Salausavainten säilö (keyring) ei toiminut. Kirjauksia ei voi tallentaa. Valitse "
            "Yritä uudelleen. Jos vika jatkuu:",
        )
        text += " " + _call_support()
    elif code == "busy":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Toinen Päivystys-ikkuna käsittelee lähteviä juuri nyt. Kirjauksia ei voi "
            "tallentaa. Valitse hetken kuluttua Yritä uudelleen.",
        )
    else:
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilöä ei voitu avata. Kirjauksia ei voi tallentaa.",
        )
        text += " " + _call_support()
    return f"{text} {lookups}"


def save_refused_no_outbox(opening: bool) -> str:
    if opening:
        return QCoreApplication.translate(
            "OutboxMessages",
            "Lähtevien kirjausten säilöä avataan vielä. Tallenna uudelleen hetken kuluttua; "
            "teksti on tallessa lomakkeella.",
        )
    return QCoreApplication.translate(
        "OutboxMessages",
        "Kirjausta ei voi tallentaa, koska lähtevien kirjausten säilö ei ole käytössä (katso "
        "punainen ilmoitus). Teksti on tallessa lomakkeella; älä sulje ohjelmaa ennen kuin "
        "olet kopioinut sen talteen.",
    )


def save_failed(error: Exception) -> str:
    if isinstance(error, OutboxError) and error.code == "io_error":
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Kirjausta ei voitu tallentaa: levy on täynnä tai siinä on virhe. Mitään ei "
            "tallennettu.",
        )
    elif isinstance(error, OutboxError):
        text = QCoreApplication.translate(
            "OutboxMessages", "Kirjausta ei voitu tallentaa lähteviin. Mitään ei tallennettu."
        )
    else:
        text = QCoreApplication.translate(
            "OutboxMessages", "Kirjausta ei voitu tallentaa odottamattoman virheen vuoksi."
        )
    return (
        text
        + " "
        + QCoreApplication.translate(
            "OutboxMessages",
            "Teksti on tallessa lomakkeella. Yritä uudelleen; "
            "jos virhe toistuu, ota yhteys tukeen.",
        )
    )


def earlier_version_kept() -> str:
    return QCoreApplication.translate(
        "OutboxMessages",
        "Tästä kirjauksesta oli jo tallennettu aiempi versio lähteviin, eikä muutoksia "
        "tallennettu. Tee korjaus lähtevien kautta (Ctrl+L) tai uutena kirjauksena.",
    )


def saved(municipality: Municipality) -> str:
    return QCoreApplication.translate(
        "OutboxMessages",
        "Kirjaus on tallennettu salattuihin lähteviin tälle koneelle. Lähetetään ({where})…",
    ).format(where=where(municipality))


def delivered(municipality: Municipality, receipt: DeliveryReceipt) -> str:
    if receipt.already_recorded:
        text = QCoreApplication.translate(
            "OutboxMessages",
            "Kirjaus oli jo tallentunut aiemmalla yrityksellä: {where} (tunniste {record}). "
            "Sitä ei tallennettu kahdesti.",
        )
    else:
        text = QCoreApplication.translate(
            "OutboxMessages", "Kirjaus toimitettu: {where} (tunniste {record})."
        )
    return text.format(where=where(municipality), record=receipt.system_record_id)


def waiting(municipality: Municipality) -> str:
    return QCoreApplication.translate(
        "OutboxMessages",
        "Kirjaus on tallessa lähtevissä ja lähtee automaattisesti, kun {name} on taas "
        "tavoitettavissa ({system}). Sinun ei tarvitse tehdä mitään.",
    ).format(name=municipality.name_fi, system=system_name(municipality.system.type))


def needs_attention(municipality: Municipality, reason: str) -> str:
    return QCoreApplication.translate(
        "OutboxMessages",
        "Asiakastietojärjestelmä hylkäsi kirjauksen ({where}): {reason}. Kirjaus odottaa "
        "lähtevissä korjausta: avaa lähtevät (Ctrl+L), korjaa ja lähetä uudelleen.",
    ).format(where=where(municipality), reason=reason.rstrip(". ") or "?")


def reachability_text(state: Reachability) -> str:
    texts = {
        Reachability.UNKNOWN: QCoreApplication.translate("OutboxMessages", "tarkistetaan"),
        Reachability.ONLINE: QCoreApplication.translate("OutboxMessages", "tavoitettavissa"),
        Reachability.VPN_DOWN: QCoreApplication.translate("OutboxMessages", "VPN ei yhteyttä"),
        Reachability.NO_NETWORK: QCoreApplication.translate("OutboxMessages", "ei verkkoa"),
        Reachability.SERVICE_DOWN: QCoreApplication.translate(
            "OutboxMessages", "järjestelmä ei vastaa"
        ),
    }
    return texts[state]


def _municipalities(count: int) -> str:
    return (
        QCoreApplication.translate("OutboxMessages", "1 kunta")
        if count == 1
        else QCoreApplication.translate("OutboxMessages", "{count} kuntaa").format(
            count=number_text(count)
        )
    )


def connectivity_summary(states: dict[str, Reachability]) -> str:
    """One line for the status bar: the worst that is true now."""
    values = list(states.values())
    if Reachability.NO_NETWORK in values:
        return QCoreApplication.translate("OutboxMessages", "Verkko: ei yhteyttä")
    vpn_down = values.count(Reachability.VPN_DOWN)
    if vpn_down:
        return QCoreApplication.translate("OutboxMessages", "VPN: ei yhteyttä ({count})").format(
            count=_municipalities(vpn_down)
        )
    service_down = values.count(Reachability.SERVICE_DOWN)
    if service_down:
        return QCoreApplication.translate(
            "OutboxMessages", "VPN: yhteys · järjestelmä ei vastaa ({count})"
        ).format(count=_municipalities(service_down))
    if Reachability.UNKNOWN in values:
        return QCoreApplication.translate("OutboxMessages", "VPN: tarkistetaan…")
    return QCoreApplication.translate("OutboxMessages", "VPN: yhteys")


def outbox_count(undelivered: int, attention: int) -> str:
    text = QCoreApplication.translate("OutboxMessages", "Lähtevät: {count}").format(
        count=number_text(undelivered)
    )
    if attention:
        text += ", " + QCoreApplication.translate("OutboxMessages", "{count} vaatii toimia").format(
            count=number_text(attention)
        )
    return text


def moment(when: dt.datetime, zone: dt.tzinfo, now: dt.datetime | None = None) -> str:
    """``23.15`` today, ``26.11. 23.15`` otherwise, in ``zone`` (the policy's) and the
    interface's locale."""
    local = clock.local(when, zone)
    today = clock.local(now or clock.utc_now(), zone).date()
    time = time_text(local)
    return time if local.date() == today else f"{day_month_text(local)} {time}"
