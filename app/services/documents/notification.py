"""The child welfare notification (lastensuojeluilmoitus, Lastensuojelulaki 25 §).

The duty receives notifications, mostly from the police, and forwards them to the child
protection of the child's home municipality. The child need not be a client yet, so the
document takes any :class:`~app.services.documents.base.Person`: a
:class:`~app.domain.model.ClientSummary`, or a :class:`NotifiedChild`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from reportlab.platypus import Flowable

from app.domain.hetu import Hetu
from app.domain.model import Address
from app.domain.policy import Municipality, Registrar
from app.services.documents import base, handoff, titles
from app.services.documents.entry import municipality_text
from app.services.documents.handoff import HandoffDetails
from app.services.documents.wording import CONTEXT, QT_TRANSLATE_NOOP, translate

NOTIFICATION_TITLE = titles.NOTIFICATION_TITLE
LEGAL_REFERENCE = QT_TRANSLATE_NOOP(
    "Documents", "Lastensuojelulaki (417/2007) 25 § – ilmoitusvelvollisuus"
)
DEADLINE_NOTE = QT_TRANSLATE_NOOP(
    "Documents",
    "Lastensuojelulaki 26 §: sosiaalityöntekijän on arvioitava lapsen mahdollinen "
    "kiireellinen lastensuojelun tarve välittömästi ja ratkaistava viimeistään "
    "seitsemäntenä arkipäivänä ilmoituksen saapumisesta, ryhdytäänkö asian selvittämiseen.",
)


class Urgency(StrEnum):
    """The urgency as assessed when the notification was received."""

    URGENT = "urgent"
    NOT_URGENT = "not_urgent"


URGENCY_WORDS = {
    Urgency.URGENT: QT_TRANSLATE_NOOP(
        "Documents", "KIIREELLINEN – lapsen suojelun tarve arvioitava heti"
    ),
    Urgency.NOT_URGENT: QT_TRANSLATE_NOOP("Documents", "Ei kiireellinen"),
}


@dataclass(frozen=True)
class NotifiedChild:
    """A child the notification is about who is not (yet) a client of the system."""

    hetu: Hetu
    last_name: str
    first_names: str
    non_disclosure: bool = False
    address: Address | None = None

    def __post_init__(self) -> None:
        if self.non_disclosure and self.address is not None:
            raise ValueError("a child under address non-disclosure must carry no address")

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_names}"

    def __repr__(self) -> str:
        return "NotifiedChild(<redacted>)"


@dataclass(frozen=True)
class NotificationDetails:
    """The notification as received: who notified, what happened, who has been told.

    ``child_told`` and ``guardians_told`` are None when not known. ``reference`` is the
    notifier's own, e.g. the police report number.
    """

    notifier_organisation: str
    notifier_person: str
    notifier_phone: str
    what_happened: str
    urgency: Urgency
    child_told: bool | None
    guardians_told: bool | None
    received_at: dt.datetime
    receiving_worker: str
    urgency_reason: str = ""
    reference: str = ""

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None:
            raise ValueError("received_at must carry its time zone")

    def __repr__(self) -> str:
        return "NotificationDetails(<redacted>)"


def render_notification(  # noqa: PLR0913 - a document is made of this many parts
    notification: NotificationDetails,
    child: base.Person,
    municipality: Municipality,
    registrar: Registrar,
    printed_by: str,
    printed_at: dt.datetime,
    *,
    zone: dt.tzinfo,
    address: Address | None = None,
    fax_cover: HandoffDetails | None = None,
) -> bytes:
    """The child welfare notification for ``municipality``'s child protection, as PDF bytes.

    Its times are in ``zone``, the policy's.

    Under the child's non-disclosure no address is printed, not even ``address``.
    With ``fax_cover`` (sender and author) a fax cover with the page count comes first.
    """
    notifier_rows = [
        (translate("Documents", "Organisaatio"), notification.notifier_organisation),
        (translate("Documents", "Ilmoittaja"), notification.notifier_person),
        (translate("Documents", "Puhelin"), notification.notifier_phone),
    ]
    if notification.reference.strip():
        notifier_rows.append((translate("Documents", "Ilmoittajan viite"), notification.reference))

    def story(total: int) -> list[Flowable]:
        cover: list[Flowable] = []
        if fax_cover is not None:
            cover = handoff.fax_cover(
                fax_cover,
                municipality,
                printed_at,
                total,
                zone=zone,
                purpose=translate("Documents", "Lastensuojeluun – lastensuojeluilmoitus"),
                subject=translate(
                    "Documents", "Lastensuojeluilmoitus (LsL 25 §); tiedot seuraavilla sivuilla."
                ),
            )
        story: list[Flowable] = [
            *cover,
            *base.title(
                translate(CONTEXT, NOTIFICATION_TITLE).upper(), translate(CONTEXT, LEGAL_REFERENCE)
            ),
            base.fields(
                [
                    (
                        translate("Documents", "Vastaanottaja"),
                        translate("Documents", "{municipality} – lastensuojelu").format(
                            municipality=municipality.name_fi
                        ),
                    ),
                    (translate("Documents", "Kunta"), municipality_text(municipality)),
                    (translate("Documents", "Rekisterinpitäjä"), registrar.name_fi),
                ]
            ),
            base.heading(translate("Documents", "Lapsi")),
            base.fields(
                [
                    (translate("Documents", "Nimi"), child.full_name),
                    (translate("Documents", "Henkilötunnus"), str(child.hetu)),
                    (translate("Documents", "Osoite"), base.address_text(child, address)),
                ]
            ),
            base.heading(translate("Documents", "Ilmoittaja")),
            base.fields(notifier_rows),
            base.heading(translate("Documents", "Mitä tapahtui")),
            *base.text_block(notification.what_happened),
            base.heading(translate("Documents", "Kiireellisyys")),
            base.fields(
                [
                    (
                        translate("Documents", "Arvio"),
                        translate(CONTEXT, URGENCY_WORDS[notification.urgency]),
                    )
                ]
            ),
        ]
        if notification.urgency_reason.strip():
            story += base.text_block(notification.urgency_reason)
        story += [
            base.heading(translate("Documents", "Tiedottaminen")),
            base.fields(
                [
                    (
                        translate("Documents", "Lapselle kerrottu ilmoituksesta"),
                        base.yes_no(notification.child_told),
                    ),
                    (
                        translate("Documents", "Huoltajille kerrottu ilmoituksesta"),
                        base.yes_no(notification.guardians_told),
                    ),
                ]
            ),
            base.heading(translate("Documents", "Vastaanotto")),
            base.fields(
                [
                    (
                        translate("Documents", "Vastaanotettu"),
                        base.format_time(notification.received_at, zone),
                    ),
                    (
                        translate("Documents", "Vastaanottanut työntekijä"),
                        notification.receiving_worker,
                    ),
                ]
            ),
            base.note(translate(CONTEXT, DEADLINE_NOTE)),
        ]
        return story

    return base.render_pdf(
        translate(CONTEXT, NOTIFICATION_TITLE), printed_by, printed_at, story, zone
    )
