"""The classroom's side of HTTP Negotiate: accept a worker's Kerberos ticket.

A training system that asks for the ``kerberos`` sign-in answers a request without a
ticket with 401 and ``WWW-Authenticate: Negotiate``. The client sends the request again
with ``Authorization: Negotiate <token>``; :func:`accept` checks that token against the
service's keytab with pyspnego (the Kerberos mechanism's token, which requests-kerberos
sends on Linux and Windows alike; a SPNEGO-wrapped token is refused) and says whose
ticket it was, with the token that proves the service to the client (mutual
authentication) for the ``WWW-Authenticate`` header of the answer.

Everything in the header is hostile: its size is bounded, and anything but a ticket
the keytab's key opens is a refusal, never an exception. Nothing is logged or kept.

Kerberos is an optional extra (``kerberos``); without pyspnego and gssapi, :func:`accept`
raises :class:`AcceptorUnavailable` (a machine's setup, not a refusal of the worker).
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass
from typing import Any

SCHEME = "Negotiate"
# Tickets with a Windows PAC grow large (IIS allows a 64 KiB header); more is refused unread.
MAX_AUTHORIZATION_CHARS = 65_536
# gssapi's OID of the Kerberos 5 mechanism (RFC 1964).
_KRB5_MECH = "1.2.840.113554.1.2.2"


class AcceptorUnavailable(RuntimeError):
    """pyspnego or gssapi is not installed here: Kerberos cannot be accepted at all."""


@dataclass(frozen=True)
class Acceptance:
    """Whose ticket was accepted (``principal``, such as ``user@EXAMPLE.FI``; None if
    refused) and the service's answer token, base64, for mutual authentication."""

    principal: str | None
    reply_token: str | None = None

    @property
    def accepted(self) -> bool:
        return self.principal is not None

    def www_authenticate(self) -> str:
        """The ``WWW-Authenticate`` header's value: with the reply token when accepted,
        the bare challenge otherwise."""
        return f"{SCHEME} {self.reply_token}" if self.reply_token else SCHEME


REFUSED = Acceptance(None)


def negotiate_token(authorization: str | None) -> bytes | None:
    """The token of an ``Authorization: Negotiate <base64>`` header, or None if the
    header is missing, too long, of another scheme, or not strict base64."""
    if not authorization or len(authorization) > MAX_AUTHORIZATION_CHARS:
        return None
    scheme, _, encoded = authorization.strip().partition(" ")
    if scheme.lower() != SCHEME.lower():
        return None
    try:
        token = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return token or None


def accept(authorization: str | None, keytab: str | os.PathLike[str] | None = None) -> Acceptance:
    """Accept the ticket in ``authorization`` (the header's value) with the key of
    ``keytab`` (a path; without one, the ``KRB5_KTNAME`` environment's, else the
    system's default keytab). REFUSED for anything but a ticket it opens."""
    token = negotiate_token(authorization)
    if token is None:
        return REFUSED
    context = _acceptor(keytab if keytab is not None else os.environ.get("KRB5_KTNAME"))
    try:
        answer = context.step(token)
        if not context.complete:  # Kerberos takes one leg; more is not a ticket
            return REFUSED
        principal = context.client_principal
    except Exception:  # a hostile token may fail anywhere inside (ValueError too): refused
        return REFUSED
    if not isinstance(principal, str) or not principal:
        return REFUSED
    reply = base64.b64encode(answer).decode("ascii") if answer else None
    return Acceptance(principal, reply)


def _acceptor(keytab: str | os.PathLike[str] | None) -> Any:
    """A new pyspnego acceptor of the Kerberos mechanism, with ``keytab``'s keys (read
    for this acceptor only, never through the process's environment)."""
    try:
        import gssapi
        import spnego
        from gssapi.raw.misc import GSSError
    except ImportError as error:
        raise AcceptorUnavailable(
            f"Kerberos support is not installed on this machine ({error.name})"
        ) from None
    if keytab is None:
        return spnego.server(protocol="kerberos")
    try:
        credential = gssapi.Credentials(
            usage="accept",
            store={b"keytab": os.fsencode(keytab)},
            mechs=[gssapi.OID.from_int_seq(_KRB5_MECH)],
        )
    except GSSError as error:
        raise AcceptorUnavailable(f"the keytab cannot be used: {error.maj_code:#x}") from None
    # pyspnego passes the credential on to its GSSAPI acceptor (as it does itself for SPNEGO).
    return spnego.server(protocol="kerberos", _gssapi_credential=credential)
