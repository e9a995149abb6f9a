"""Verified TLS, the operating system's way, and where plain http:// may go.

Municipalities deploy their internal CAs to the workstations' own trust store (the
Windows certificate store, the macOS keychain, the Linux distribution's CA files),
so a system's certificate is verified there, through ``truststore``, and not
against certifi's copy of the public CAs. The policy may add, per system, a PEM
bundle of CAs (``ca_bundle``, loaded into the same context) and pins of the
server's public key (``pin_sha256``: SHA-256 of the DER SubjectPublicKeyInfo, the
HPKP convention), checked after the handshake of every new connection, before
anything is sent. TLS 1.2 at least.

Plain http:// goes only to this machine (127.0.0.0/8, ::1, ``localhost``: the
training systems), or to the classroom training server the trainee named on the
command line (:func:`plain_http_to`); never to a host that only a policy names.
A URL carrying a user name or password is never used.
"""

from __future__ import annotations

import base64
import hashlib
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import truststore

from app.connectors.errors import TrustProblem, Untrusted
from app.domain.policy import is_loopback_host, pin_digest

MINIMUM_VERSION = ssl.TLSVersion.TLSv1_2

# Verification failures by their code: OpenSSL's X509_V_ERR_* (Linux), the Windows
# certificate chain policy's CERT_E_*, and macOS Security's errSec* (truststore hands
# them on as verify_code). The three ranges do not overlap.
_EXPIRED_CODES = frozenset({9, 10, 0x800B0101, -67818, -67819})
_WRONG_HOST_CODES = frozenset({62, 64, 0x800B010F, -67602})


def system_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """A client context that trusts the OS trust store (and ``ca_bundle``, if given).

    OSError or ssl.SSLError when the bundle cannot be read or holds no certificate.
    """
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = MINIMUM_VERSION
    if ca_bundle is not None:
        context.load_verify_locations(cafile=ca_bundle)
    return context


def pins_of(texts: tuple[str, ...]) -> frozenset[bytes]:
    """The policy's ``pin_sha256`` values as digests (they passed the policy's check)."""
    return frozenset(pin_digest(text) for text in texts)


def spki_sha256(certificate_der: bytes) -> bytes:
    """SHA-256 of a certificate's DER SubjectPublicKeyInfo: what a pin names."""
    # Imported here: only a pinned system needs it, and it is most of this module's cost.
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    certificate = x509.load_der_x509_certificate(certificate_der)
    spki = certificate.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).digest()


class PinMismatch(ssl.SSLError):
    """The server's key is none of the pinned ones. An ssl.SSLError, raised where the
    handshake's own failures are, so that urllib3 closes the connection and reports
    it as a TLS failure."""


def check_pins(sock: object, pins: frozenset[bytes]) -> None:
    """After the handshake: the server certificate's key must be one of ``pins``;
    otherwise the socket is closed before anything is sent, and PinMismatch raised."""
    if not isinstance(sock, ssl.SSLSocket):
        raise PinMismatch("no TLS connection whose key could be checked")
    certificate = sock.getpeercert(binary_form=True)
    try:
        digest = spki_sha256(certificate) if certificate else None
    except ValueError:  # a certificate cryptography cannot read has no key to match
        digest = None
    if digest not in pins:
        sock.close()
        # The server's own pin, for helpdesk to compare with the policy's (not a secret).
        found = base64.b64encode(digest).decode("ascii") if digest else "none"
        raise PinMismatch(f"the server's key is {found}")


def trust_problem(error: BaseException) -> tuple[TrustProblem, str] | None:
    """Which verification failed, and OpenSSL's (or the OS's) words for it, if ``error``
    (from requests, however deeply wrapped) is a certificate that was not accepted.
    None for any other TLS failure (a handshake cut short, no common protocol)."""
    for cause in _causes(error):
        if isinstance(cause, PinMismatch):
            return TrustProblem.PIN_MISMATCH, str(cause.args[0] if cause.args else cause)
        if isinstance(cause, ssl.SSLCertVerificationError):
            code = getattr(cause, "verify_code", None)
            reason = str(getattr(cause, "verify_message", None) or cause)
            if code in _EXPIRED_CODES:
                return TrustProblem.EXPIRED, reason
            if code in _WRONG_HOST_CODES:
                return TrustProblem.WRONG_HOST, reason
            return TrustProblem.NOT_TRUSTED, reason
    return None


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what it wraps: requests wraps urllib3's error, which holds the
    ssl module's as its ``reason`` or argument."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = (current.__cause__, current.__context__, getattr(current, "reason", None))
        pending.extend(item for item in (*linked, *current.args) if isinstance(item, BaseException))


# Hosts plain http:// may go to besides this machine: the classroom server of this
# process, from the trainee's command line. Read on every request, set rarely.
_classroom_hosts: frozenset[str] = frozenset()
_classroom_lock = threading.Lock()


@contextmanager
def plain_http_to(host: str) -> Iterator[None]:
    """While inside, plain http:// may also go to ``host``: the classroom training server
    the trainee named (``--training-server``), whose simulated systems hold synthetic
    clients only. Never call it with a host that a policy or a served document gave."""
    global _classroom_hosts  # noqa: PLW0603 - one process-wide allowance, set in one place
    with _classroom_lock:
        before = _classroom_hosts
        _classroom_hosts = before | {host.lower()}
    try:
        yield
    finally:
        with _classroom_lock:
            _classroom_hosts = before


def plain_http_allowed(host: str) -> bool:
    """Whether plain http:// may go to ``host``: this machine, or the classroom server."""
    return is_loopback_host(host) or host.lower() in _classroom_hosts


def address_refusal(url: str) -> Untrusted | None:
    """Why the transport never uses ``url``, if it does not: a user name or password in
    it, or plain http:// (or another scheme) to a host that is not allowed."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if "@" in parts.netloc:
        return Untrusted(
            f"{host}: {TrustProblem.CREDENTIALS_IN_URL.value}: nothing was sent",
            TrustProblem.CREDENTIALS_IN_URL,
        )
    if parts.scheme == "https" or (parts.scheme == "http" and plain_http_allowed(host)):
        return None
    return Untrusted(
        f"{parts.scheme}://{host}: {TrustProblem.PLAIN_HTTP.value}: https:// only, "
        "http:// to this machine in training; nothing was sent",
        TrustProblem.PLAIN_HTTP,
    )
