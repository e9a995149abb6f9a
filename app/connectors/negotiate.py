"""HTTP Negotiate with the worker's own Kerberos session: the ``kerberos`` sign-in method.

The worker signed in to Windows (or to a Linux session with a ticket from ``kinit`` or
SSSD); the system's Kerberos holds the ticket and renews it. Each request asks it for
a service ticket to the system's HTTP service (requests-kerberos on pyspnego: SSPI
through sspilib on Windows, GSSAPI through gssapi elsewhere). The app stores nothing:
no ticket, password or token is written anywhere by it, and none is kept between
requests beyond what the platform's own Kerberos caches.

The service principal is ``HTTP@host`` of the system's endpoint, unless the policy
names one (``HTTP@host`` or ``HTTP/host``, without a realm: the platform maps the host
to its realm). Mutual authentication is asked for and checked whenever the server
answers with its token (OPTIONAL, not REQUIRED: REQUIRED would blank the body and
headers of every error answer without that token, and the system's reason and
``Retry-After`` with them); a token that does not verify fails the call, which TLS
protects besides.

Kerberos is an optional extra (``pip install .[kerberos]``): on Linux gssapi has no
wheels and builds against ``libkrb5-dev``. Without it :func:`negotiate_auth` raises
:class:`SignInUnavailable`; nothing else is ever tried in its place.

A refused or missing ticket is not an exception here: the server's 401 comes back as
the answer, and the connector maps it (:func:`app.connectors.http.error_for_status`).
"""

from __future__ import annotations

import functools
import sys
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase

from app.connectors.errors import SignInUnavailable

DEFAULT_SERVICE = "HTTP"
# A challenge's body is never used: read this much of it to keep the connection, and
# beyond it drop the connection rather than read on.
MAX_CHALLENGE_BYTES = 65_536


def _platform_module() -> str:
    """The module pyspnego needs for Kerberos on this platform."""
    return "sspilib" if sys.platform == "win32" else "gssapi"


def kerberos_available() -> bool:
    """Whether requests-kerberos and the platform's Kerberos binding can be imported."""
    try:
        _require_kerberos()
    except SignInUnavailable:
        return False
    return True


def _require_kerberos() -> None:
    for module in ("requests_kerberos", _platform_module()):
        try:
            __import__(module)
        except ImportError:
            raise SignInUnavailable(
                "Kerberos support is not installed on this machine "
                f"({module} cannot be imported): install Päivystys with its kerberos extra"
            ) from None


def service_principal_parts(text: str) -> tuple[str, str]:
    """``HTTP@host`` (GSSAPI's host-based form) or ``HTTP/host`` as (service, host).

    ValueError for anything else, a realm included (``HTTP/host@REALM``): the platform
    finds the realm from the host.
    """
    separators = [mark for mark in ("@", "/") if mark in text]
    if len(separators) != 1 or text.count(separators[0]) != 1:
        raise ValueError("service_principal must be service@host or service/host, no realm")
    service, host = text.split(separators[0])
    if not service or not host or any(c.isspace() or not c.isprintable() for c in text):
        raise ValueError("service_principal must be service@host or service/host, no realm")
    return service, host


def negotiate_auth(endpoint: str, service_principal: str | None = None) -> AuthBase:
    """HTTP Negotiate for requests to ``endpoint`` (give it to ``HttpTransport(auth=)``).

    ``service_principal`` is the policy's, if it names one; otherwise ``HTTP@host`` of
    the endpoint. SignInUnavailable when Kerberos is not installed here; ValueError for
    a malformed principal or an endpoint without a host.
    """
    _require_kerberos()
    if service_principal:
        service, host = service_principal_parts(service_principal)
    else:
        service, host = DEFAULT_SERVICE, urlsplit(endpoint).hostname or ""
        if not host:
            raise ValueError("the endpoint names no host to derive the service principal from")
    return _Negotiate(service, host)


class _Negotiate(AuthBase):
    """A fresh requests-kerberos exchange per request: its state (the security context,
    whether the server was authenticated) belongs to one request, so one transport may
    serve several threads."""

    def __init__(self, service: str, host: str) -> None:
        self.service = service
        self.host = host

    def __repr__(self) -> str:
        return f"negotiate_auth({self.service}@{self.host})"

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        from requests_kerberos import OPTIONAL

        exchange = _exchange_type()(
            mutual_authentication=OPTIONAL,
            service=self.service,
            hostname_override=self.host,
            sanitize_mutual_error_response=False,
        )
        prepared: requests.PreparedRequest = exchange(request)
        return prepared


@functools.cache
def _exchange_type() -> type[Any]:
    """requests-kerberos' HTTPKerberosAuth, made safe against what a server sends (built
    on first use: the import is optional)."""
    from requests_kerberos import HTTPKerberosAuth
    from requests_kerberos.exceptions import MutualAuthenticationError

    class _BoundedExchange(HTTPKerberosAuth):  # type: ignore[misc]
        """A challenge's body is read only up to a bound; a malformed ``Negotiate``
        token (not base64) is a refusal (401 stays 401) or, on an answer, a failed
        mutual authentication, never an exception of its own; no proxy is answered."""

        def authenticate_user(self, response: requests.Response, **kwargs: Any) -> Any:
            _drain(response)  # the library reads the whole challenge before its next leg
            return super().authenticate_user(response, **kwargs)

        def handle_401(self, response: requests.Response, **kwargs: Any) -> Any:
            try:
                return super().handle_401(response, **kwargs)
            except ValueError:  # the challenge's token is not base64
                return response

        def handle_407(self, response: requests.Response, **kwargs: Any) -> Any:
            return response  # no proxy is ever used; no ticket goes to one

        def handle_other(self, response: requests.Response) -> Any:
            try:
                return super().handle_other(response)
            except ValueError:  # the server's token is not base64
                raise MutualAuthenticationError(
                    "the server's Negotiate token is malformed"
                ) from None

    return _BoundedExchange


def _drain(response: requests.Response) -> None:
    """Read a challenge's body up to :data:`MAX_CHALLENGE_BYTES`, so its connection can
    carry the next leg; a longer body is cut and its connection closed instead."""
    # requests' own record of a body read (private, but what it and the library use).
    if response._content_consumed:  # type: ignore[attr-defined]
        return
    kept = bytearray()
    for chunk in response.iter_content(chunk_size=16_384):
        kept += chunk
        if len(kept) > MAX_CHALLENGE_BYTES:
            response.raw.close()  # not back to the pool half read
            break
    response._content = bytes(kept[:MAX_CHALLENGE_BYTES])
    response._content_consumed = True  # type: ignore[attr-defined]


def transport_auth(access: object, endpoint: str) -> AuthBase | None:
    """The transport's ``auth`` for a connector's access: Negotiate for a Kerberos
    sign-in (:class:`~app.connectors.base.Negotiate`), nothing for the others."""
    from app.connectors.base import Negotiate

    if not isinstance(access, Negotiate):
        return None
    try:
        return negotiate_auth(endpoint, access.service_principal)
    except ValueError as error:
        raise SignInUnavailable(f"Kerberos: {error}") from None
