"""The training systems' access log: the checks both simulators make of an access event.

Each simulator reads its own wire format (its vocabulary written out there, not
imported from the connector) into the neutral fields checked here; a refusal
names the field in Finnish, as the systems' other refusals do. An accepted event
goes to :meth:`app.training.store.RecordStore.record_access` and shows at
``/inspect/<code>`` attributed to the worker.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.hetu import InvalidHetu, parse_hetu

# The longest texts the access log takes (characters): the purpose as the policy
# allows it (app.domain.access.MAX_PURPOSE), the worker's id, name and organisation.
MAX_PURPOSE = 200
MAX_NAME = 200
SIGN_IN_METHODS = frozenset({"oidc", "kerberos", "password"})


class AccessRefused(Exception):
    """An access event the log does not take; ``reason`` is the Finnish why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def checked_access(municipality: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The event's neutral fields, checked, as the inspect page shows them.

    ``fields``: ``worker_id``, ``worker_name``, ``organisation``, ``method``,
    ``signed_in_at``, ``municipality``, ``hetu`` (None: no identified client),
    ``action`` (neutral, or None when the system's word was unknown), ``purpose``,
    ``occurred_at``. ``municipality`` is the system's own: an event about another
    municipality's client is not this registrar's.
    """
    for name, what in (
        ("worker_id", "Käyttäjän tunnus"),
        ("worker_name", "Käyttäjän nimi"),
        ("organisation", "Organisaatio"),
        ("purpose", "Käyttötarkoitus"),
    ):
        value = fields[name]
        if not isinstance(value, str) or not value.strip():
            raise AccessRefused(f"{what} puuttuu.")
        limit = MAX_PURPOSE if name == "purpose" else MAX_NAME
        if len(value) > limit:
            raise AccessRefused(f"{what} on liian pitkä (enintään {limit} merkkiä).")
    if fields["method"] not in SIGN_IN_METHODS:
        raise AccessRefused("Tuntematon tunnistautumistapa.")
    if fields["action"] is None:
        raise AccessRefused("Tuntematon toiminto.")
    if fields["municipality"] != municipality:
        raise AccessRefused("Tapahtuma koskee toisen kunnan asiakasta.")
    hetu = fields["hetu"]
    if hetu is not None:
        try:
            valid = isinstance(hetu, str) and parse_hetu(hetu).value == hetu
        except InvalidHetu:
            valid = False
        if not valid:
            raise AccessRefused("Henkilötunnus ei ole kelvollinen.")
    elif fields["action"] == "search":
        raise AccessRefused("Haku ilman henkilötunnusta ei ole mahdollinen.")
    return {
        **fields,
        "signed_in_at": _aware(fields["signed_in_at"], "Kirjautumisaika").isoformat(),
        "occurred_at": _aware(fields["occurred_at"], "Tapahtuma-aika").isoformat(),
    }


def _aware(value: Any, what: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None or when.utcoffset() is None:
        raise AccessRefused(f"{what} puuttuu tai siitä puuttuu aikavyöhyke.")
    return when
