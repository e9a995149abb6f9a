"""Verified TLS the operating system's way, against a real TLS server on 127.0.0.1.

The certificates are the test's own (a test CA and leaves made with ``cryptography``);
nothing here trusts them but the policy's ``ca_bundle`` (or, to show that the OS trust
store is what is consulted, OpenSSL's own default location, which SSL_CERT_FILE
names). Nothing is ever sent off the machine: the plain http:// case names a
TEST-NET address and shows that not even a connection was attempted.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import ipaddress
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.connectors import tls
from app.connectors.errors import TrustProblem, Unreachable, Untrusted
from app.connectors.http import HttpTransport
from app.domain.policy import SystemConfig, is_loopback_host, pin_digest

# -- the test's PKI ---------------------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    cert: Path
    key: Path
    spki_sha256: bytes


@dataclass(frozen=True)
class Pki:
    ca: Path
    good: Leaf
    self_signed: Leaf
    expired: Leaf
    wrong_host: Leaf

    def leaf(self, name: str) -> Leaf:
        leaf: Leaf = getattr(self, name)
        return leaf


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> Path:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


def _leaf(
    folder: Path,
    name: str,
    issuer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None,
    *,
    hosts: tuple[str, ...] = ("localhost", "127.0.0.1"),
    valid: tuple[dt.timedelta, dt.timedelta] = (dt.timedelta(days=-1), dt.timedelta(days=30)),
) -> Leaf:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    issuer_cert, issuer_key = issuer if issuer is not None else (None, key)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(hosts[0]))
        .issuer_name(issuer_cert.subject if issuer_cert is not None else _name(hosts[0]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + valid[0])
        .not_valid_after(now + valid[1])
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(issuer_key, hashes.SHA256())
    )
    cert_path = folder / f"{name}.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    spki = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return Leaf(cert_path, _write_key(folder / f"{name}.key", key), hashlib.sha256(spki).digest())


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    ca_name = _name("Päivystys test CA (Kunta-IT Šŧ)")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path = folder / "ca.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    issuer = (ca, ca_key)
    return Pki(
        ca=ca_path,
        good=_leaf(folder, "good", issuer),
        self_signed=_leaf(folder, "self-signed", None),
        expired=_leaf(
            folder, "expired", issuer, valid=(dt.timedelta(days=-30), dt.timedelta(days=-1))
        ),
        wrong_host=_leaf(folder, "wrong-host", issuer, hosts=("elsewhere.example",)),
    )


# -- a TLS server on 127.0.0.1 ------------------------------------------------------


class TlsServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, leaf: Leaf) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(leaf.cert, leaf.key)
        # The handshake happens at accept; a client that refuses it is dropped there.
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.requests: list[str] = []

    def url(self, host: str = "127.0.0.1") -> str:
        return f"https://{host}:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: TlsServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(leaf: Leaf) -> Iterator[TlsServer]:
    server = TlsServer(leaf)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def transport(url: str, ca_bundle: Path | None = None, pins: tuple[str, ...] = ()) -> HttpTransport:
    config = SystemConfig(
        type="proconsona",
        endpoint=url,
        connect_timeout=2.0,
        read_timeout=2.0,
        ca_bundle=str(ca_bundle) if ca_bundle is not None else None,
        pin_sha256=pins,
    )
    return HttpTransport(config)


def b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode("ascii")


# -- what is trusted ------------------------------------------------------------------


def test_a_certificate_of_the_policys_ca_bundle_is_trusted(pki: Pki) -> None:
    with serving(pki.good) as server:
        for host in ("127.0.0.1", "localhost"):
            response = transport(server.url(host), ca_bundle=pki.ca).request("GET", "/v1/x")
            assert response.status == 200
        assert server.requests == ["/v1/x", "/v1/x"]


@pytest.mark.parametrize("form", ["base64", "hex", "hex with colons"])
def test_the_right_pin_passes_in_any_written_form(pki: Pki, form: str) -> None:
    digest = pki.good.spki_sha256
    written = {
        "base64": b64(digest),
        "hex": digest.hex(),
        "hex with colons": ":".join(f"{byte:02X}" for byte in digest),
    }[form]
    assert pin_digest(written) == digest
    with serving(pki.good) as server:
        http = transport(server.url(), ca_bundle=pki.ca, pins=(b64(b"\0" * 32), written))
        assert http.request("GET", "/pinned").status == 200
        assert server.requests == ["/pinned"]


def test_the_context_is_the_os_trust_store_with_tls_1_2_at_least(pki: Pki) -> None:
    http = transport("https://consona.hyvinkaa.example/api")
    assert isinstance(http.ssl_context, truststore.SSLContext)
    assert http.ssl_context.minimum_version >= ssl.TLSVersion.TLSv1_2
    assert http.ssl_context.verify_mode == ssl.CERT_REQUIRED
    assert http.ssl_context.check_hostname


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="OpenSSL's default store is the OS's on Linux"
)
def test_the_os_trust_store_is_consulted(
    pki: Pki, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without a ca_bundle, a CA in the OS's store (here where OpenSSL's default
    location points, as an internal CA deployed to the machine would be) is trusted."""
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    with serving(pki.good) as server:
        assert transport(server.url()).request("GET", "/os").status == 200


def test_certifis_bundle_is_not_consulted(pki: Pki, monkeypatch: pytest.MonkeyPatch) -> None:
    """requests hands its CA bundle (certifi's) to every connection unless told not to:
    were it used, the test CA put in its place would make this certificate trusted."""
    monkeypatch.setattr(requests.adapters, "DEFAULT_CA_BUNDLE_PATH", str(pki.ca))
    with serving(pki.good) as server, pytest.raises(Untrusted) as refused:
        transport(server.url()).request("GET", "/certifi")
    assert refused.value.problem is TrustProblem.NOT_TRUSTED


# -- what is refused, and how it is said ------------------------------------------

# case: (leaf, with the test CA as ca_bundle, pinned to another key, the problem)
REFUSED = {
    "no trusted CA signed it": ("good", False, False, TrustProblem.NOT_TRUSTED),
    "self-signed": ("self_signed", True, False, TrustProblem.NOT_TRUSTED),
    "expired": ("expired", True, False, TrustProblem.EXPIRED),
    "for another host": ("wrong_host", True, False, TrustProblem.WRONG_HOST),
    "a key the policy did not pin": ("good", True, True, TrustProblem.PIN_MISMATCH),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_certificate_that_does_not_verify_is_refused_before_anything_is_sent(
    pki: Pki, case: str
) -> None:
    leaf_name, with_bundle, pinned, problem = REFUSED[case]
    pins = (b64(hashlib.sha256(b"another key").digest()),) if pinned else ()
    with serving(pki.leaf(leaf_name)) as server:
        http = transport(server.url(), ca_bundle=pki.ca if with_bundle else None, pins=pins)
        with pytest.raises(Untrusted) as refused:
            http.request("GET", "/v1/clients/131052-308T", label="/v1/clients/{hetu}")
        assert server.requests == []
    error = refused.value
    assert error.problem is problem
    # Says which, for helpdesk ("certificate expired or not yet valid", ...), with the
    # call's label and never the identifier in its path.
    assert error.detail.startswith(f"GET /v1/clients/{{hetu}}: {problem.value} (")
    assert "131052" not in error.detail
    assert "nothing was sent" in error.detail
    # The taxonomy: no connection was made, the item waits; the UI words it apart.
    assert isinstance(error, Unreachable)


def test_plain_http_beyond_this_machine_is_refused_before_any_connection(
    connections: list[object],
) -> None:
    http = transport("http://192.0.2.1/api")  # TEST-NET-1: nowhere, and never tried
    with pytest.raises(Untrusted) as refused:
        http.request("POST", "/v1/kirjaukset", data=b"{}")
    assert refused.value.problem is TrustProblem.PLAIN_HTTP
    assert "http://192.0.2.1" in refused.value.detail
    assert not [address for address in connections if "192.0.2.1" in str(address)]
    # The watch does see a connection when one is made.
    with socket.create_server(("127.0.0.1", 0)) as listener:
        address = listener.getsockname()[:2]
        socket.create_connection(address, timeout=2).close()
    assert address in connections


def test_plain_http_to_this_machine_goes() -> None:
    # tests/connectors/test_http.py speaks plain http to 127.0.0.1 throughout; here only
    # the rule itself, for every spelling of this machine and a few that are not.
    for host in ("127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"):
        assert is_loopback_host(host), host
        in_url = f"[{host}]" if host.count(":") > 1 and not host.startswith("[") else host
        assert tls.address_refusal(f"http://{in_url}:8765/") is None
    for host in ("192.0.2.1", "10.0.0.1", "0.0.0.0", "localhost.example", "127.0.0.1.example"):
        assert not is_loopback_host(host), host
        refusal = tls.address_refusal(f"http://{host}:8765/")
        assert refusal is not None
        assert refusal.problem is TrustProblem.PLAIN_HTTP


def test_plain_http_to_the_classroom_server_goes_only_while_in_its_session() -> None:
    url = "http://trainer.example:8765/proconsona/106"
    assert tls.address_refusal(url) is not None
    with tls.plain_http_to("TRAINER.example"):
        assert tls.address_refusal(url) is None
        assert tls.address_refusal("http://other.example:8765/") is not None
    assert tls.address_refusal(url) is not None


@pytest.mark.parametrize("userinfo", ["worker:secret@", ":secret@", "worker@"])
def test_a_url_with_credentials_is_refused_before_any_connection(pki: Pki, userinfo: str) -> None:
    with serving(pki.good) as server:
        url = server.url().replace("https://", f"https://{userinfo}")
        with pytest.raises(Untrusted) as refused:
            transport(url, ca_bundle=pki.ca).request("GET", "/v1/x")
        assert server.requests == []
    assert refused.value.problem is TrustProblem.CREDENTIALS_IN_URL
    assert "secret" not in refused.value.detail


def test_a_ca_bundle_that_cannot_be_read_refuses_every_request(pki: Pki, tmp_path: Path) -> None:
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("no certificate here\n", encoding="utf-8")
    with serving(pki.good) as server:
        for bundle in (tmp_path / "missing.pem", not_pem):
            with pytest.raises(Untrusted) as refused:
                transport(server.url(), ca_bundle=bundle).request("GET", "/v1/x")
            assert refused.value.problem is TrustProblem.CA_BUNDLE
            assert str(bundle) in refused.value.detail
        assert server.requests == []


# -- seeing every connection attempt ---------------------------------------------------

_seen: list[object] = []
_watching = threading.Event()
_hooked = False


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event in ("socket.connect", "socket.getaddrinfo") and _watching.is_set():
        _seen.append(args[1] if event == "socket.connect" else args[0])


@pytest.fixture
def connections() -> Iterator[list[object]]:
    """Every address a socket of this process connects to (or resolves) during the test,
    from the interpreter's audit events: a proof that nothing was even tried."""
    global _hooked  # noqa: PLW0603 - an audit hook cannot be removed: installed once
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked = True
    _seen.clear()
    _watching.set()
    try:
        yield _seen
    finally:
        _watching.clear()
