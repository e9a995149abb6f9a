"""HTTP Negotiate against a real MIT Kerberos realm (k5test): a real KDC, real tickets.

The client is the connectors' transport with :func:`negotiate_auth`; the server is a
small HTTP server on 127.0.0.1 that accepts with the training acceptor and the
service's keytab. The realm's environment (KRB5_CONFIG, KRB5CCNAME, KRB5_KTNAME, ...)
is set per test through monkeypatch and never outlives it.
"""

from __future__ import annotations

import base64
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.connectors.errors import ServerFault, SignInUnavailable, TimedOut
from app.connectors.http import HttpTransport
from app.connectors.negotiate import (
    MAX_CHALLENGE_BYTES,
    negotiate_auth,
    service_principal_parts,
)
from app.domain.policy import SystemConfig
from app.training import negotiate as acceptor
from tests.kerberos_realm import Realm


@dataclass
class Seen:
    """One request the server received: its Authorization header and whose ticket."""

    authorization: str | None
    principal: str | None
    body: bytes


class KerberizedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, keytab: str) -> None:
        super().__init__(("127.0.0.1", 0), NegotiateHandler)
        self.keytab = keytab
        self.seen: list[Seen] = []
        # Overrides of the answer to an accepted request, for the hostile-server tests.
        self.accepted_header: str | None = None
        self.challenge = "Negotiate"
        self.challenge_body = b"kirjaudu"
        self.drip_accepted = False  # the accepted answer's body a byte every 0.1 s
        self.stopping = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class NegotiateHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: KerberizedServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        authorization = self.headers.get("Authorization")
        acceptance = acceptor.accept(authorization, self.server.keytab)
        self.server.seen.append(Seen(authorization, acceptance.principal, body))
        if acceptance.accepted and self.server.drip_accepted:
            self._drip()
        elif acceptance.accepted:
            header = self.server.accepted_header or acceptance.www_authenticate()
            self._send(200, f'{{"principal": "{acceptance.principal}"}}'.encode(), header)
        else:
            self._send(401, self.server.challenge_body, self.server.challenge)

    do_GET = do_POST = _answer  # noqa: N815 - the handler's protocol

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "4000")
        self.end_headers()
        self.wfile.flush()
        while not self.server.stopping.wait(0.1):
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return

    def _send(self, status: int, body: bytes, www_authenticate: str) -> None:
        self.send_response(status)
        self.send_header("WWW-Authenticate", www_authenticate)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Service:
    server: KerberizedServer
    thread: threading.Thread = field(init=False)

    def __post_init__(self) -> None:
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))
        self.thread.start()

    def stop(self) -> None:
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def service(realm: Realm) -> Iterator[KerberizedServer]:
    """The HTTP service HTTP/127.0.0.1, the principal derived from its endpoint."""
    running = Service(KerberizedServer(realm.keytab_by_address))
    yield running.server
    running.stop()


def ticket_header(host: str) -> str:
    """An ``Authorization`` value with a fresh ticket for HTTP/host, made by pyspnego."""
    import spnego

    token = spnego.client(hostname=host, service="HTTP", protocol="kerberos").step()
    assert token is not None
    return "Negotiate " + base64.b64encode(token).decode()


def transport(url: str, service_principal: str | None = None) -> HttpTransport:
    config = SystemConfig(type="proconsona", endpoint=url, connect_timeout=5.0, read_timeout=5.0)
    return HttpTransport(config, auth=negotiate_auth(url, service_principal))


def test_a_ticket_signs_the_worker_in(realm: Realm, service: KerberizedServer) -> None:
    realm.kinit()
    http = transport(service.url)
    response = http.request("POST", "/v1/kirjaukset", data='{"teksti": "Ŋ Đ Ŧ"}'.encode())
    assert response.status == 200
    assert response.body == f'{{"principal": "{realm.user}"}}'.encode()
    # Challenged first (no ticket sent unasked), then the request again with the ticket.
    first, second = service.seen
    assert (first.authorization, first.principal) == (None, None)
    assert second.authorization is not None
    assert second.authorization.startswith("Negotiate ")
    assert second.principal == realm.user
    assert first.body == second.body == '{"teksti": "Ŋ Đ Ŧ"}'.encode()
    # The next request asks the ticket again: nothing is kept between requests.
    assert http.request("GET", "/v1/asiakkaat").status == 200
    assert [seen.principal for seen in service.seen[2:]] == [None, realm.user]
    http.close()


def test_without_a_ticket_the_answer_is_401_and_nothing_else(
    realm: Realm, service: KerberizedServer
) -> None:
    realm.kinit()
    http = transport(service.url)
    assert http.request("GET", "/v1/asiakkaat").status == 200
    realm.kdestroy()
    del service.seen[:]
    response = http.request("GET", "/v1/asiakkaat")
    assert (response.status, response.body) == (401, b"kirjaudu")
    # No token could be made: the request went once, with no Authorization of any kind.
    assert service.seen == [Seen(None, None, b"")]
    http.close()


def test_an_empty_credential_cache_is_the_same_401(
    realm: Realm, service: KerberizedServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{tmp_path / 'empty'}")
    http = transport(service.url)
    assert http.request("GET", "/v1/asiakkaat").status == 401
    assert [seen.authorization for seen in service.seen] == [None]
    http.close()


def test_the_deadline_holds_for_the_signed_in_leg(realm: Realm, service: KerberizedServer) -> None:
    realm.kinit()
    service.drip_accepted = True
    config = SystemConfig(
        type="proconsona", endpoint=service.url, connect_timeout=0.5, read_timeout=1.0
    )
    http = HttpTransport(config, auth=negotiate_auth(service.url))
    with pytest.raises(TimedOut, match=r"no whole answer in 1\.5 s"):
        http.request("GET", "/v1/asiakkaat")
    assert service.seen[-1].principal == realm.user  # cut on the leg with the ticket
    http.close()


def test_the_policy_names_the_service_principal(realm: Realm) -> None:
    realm.kinit()
    running = Service(KerberizedServer(realm.keytab_by_name))  # holds HTTP/localhost only
    try:
        url = running.server.url
        named = transport(url, "HTTP@localhost").request("GET", "/v1/asiakkaat")
        assert (named.status, running.server.seen[-1].principal) == (200, realm.user)
        # Derived from the endpoint, the ticket is for HTTP/127.0.0.1: this keytab refuses it.
        derived = transport(url).request("GET", "/v1/asiakkaat")
        assert derived.status == 401
        assert running.server.seen[-1].authorization is not None
        assert running.server.seen[-1].principal is None
    finally:
        running.stop()


def test_a_server_whose_mutual_token_is_wrong_fails_the_call(
    realm: Realm, service: KerberizedServer
) -> None:
    realm.kinit()
    http = transport(service.url)
    for forged in (
        "Negotiate " + base64.b64encode(b"\x6f\x03\x02\x01\x00").decode(),
        "Negotiate +",
    ):
        service.accepted_header = forged
        with pytest.raises(ServerFault, match="MutualAuthenticationError"):
            http.request("GET", "/v1/asiakkaat")
    http.close()


@pytest.mark.parametrize(
    "challenge", ["Negotiate +", "Negotiate " + "QUJD" * 10_000, "Basic realm=x", "NTLM"]
)
def test_a_hostile_challenge_is_a_401_answer(
    realm: Realm, service: KerberizedServer, challenge: str
) -> None:
    realm.kinit()
    service.challenge = challenge
    http = transport(service.url)
    response = http.request("GET", "/v1/asiakkaat")
    http.close()
    assert (response.status, response.body) == (401, b"kirjaudu")
    # Nothing but Negotiate tokens (or nothing) was ever sent.
    assert all(
        seen.authorization is None or seen.authorization.startswith("Negotiate ")
        for seen in service.seen
    )


def test_a_challenge_is_read_only_up_to_its_bound(realm: Realm, service: KerberizedServer) -> None:
    realm.kdestroy()
    service.challenge_body = b"x" * 3_000_000  # beyond the transport's bound, too
    http = transport(service.url)
    response = http.request("GET", "/v1/asiakkaat")
    assert (response.status, response.body) == (401, b"x" * MAX_CHALLENGE_BYTES)
    service.challenge_body = b"kirjaudu"  # the connection was dropped, not reused half read
    assert http.request("GET", "/v1/asiakkaat").body == b"kirjaudu"
    http.close()


def test_the_acceptor_refuses_garbage_and_replays(realm: Realm) -> None:
    realm.kinit()
    ticket = ticket_header("127.0.0.1")
    hostile = [
        None,
        "",
        "Negotiate",
        "Negotiate ",
        "Negotiate !!!!",
        "Negotiate " + base64.b64encode(os.urandom(300)).decode(),
        "Negotiate " + base64.b64encode(b"\x60\x82\xff\xff\x06\x09" + os.urandom(40)).decode(),
        "Negotiate YII=",
        "Basic dXNlcjpwYXNzd29yZA==",
        "Negotiate " + "A" * 70_000,
        ticket.replace("Negotiate ", "Negotiate \x00"),
        ticket[:-8] + "AAAAAAA=",
    ]
    for header in hostile:
        assert acceptor.accept(header, realm.keytab_by_address) == acceptor.REFUSED, header
    accepted = acceptor.accept(ticket, realm.keytab_by_address)
    assert accepted.principal == realm.user
    assert accepted.www_authenticate().startswith("Negotiate ")
    # The same ticket again is a replay, and the other service's keytab cannot open it.
    assert acceptor.accept(ticket, realm.keytab_by_address) == acceptor.REFUSED
    assert acceptor.accept(ticket, realm.keytab_by_name) == acceptor.REFUSED
    assert acceptor.REFUSED.www_authenticate() == "Negotiate"


def test_the_acceptor_reads_the_keytab_from_the_environment(
    realm: Realm, monkeypatch: pytest.MonkeyPatch
) -> None:
    realm.kinit()
    monkeypatch.setenv("KRB5_KTNAME", realm.keytab_by_name)
    header = ticket_header("localhost")
    assert acceptor.accept(header).principal == realm.user


def test_service_principals_of_the_policy() -> None:
    assert service_principal_parts("HTTP@proconsona.kunta.fi") == ("HTTP", "proconsona.kunta.fi")
    assert service_principal_parts("HTTP/proconsona.kunta.fi") == ("HTTP", "proconsona.kunta.fi")
    for bad in ("HTTP", "HTTP/host@KUNTA.FI", "@host", "HTTP@", "HTTP@ho st", "a@b@c", ""):
        with pytest.raises(ValueError, match="service@host"):
            service_principal_parts(bad)


@pytest.mark.parametrize(
    "module", ["requests_kerberos", "sspilib" if sys.platform == "win32" else "gssapi"]
)
def test_without_kerberos_installed_sign_in_is_unavailable(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if module != "requests_kerberos":
        # Only a machine with requests_kerberos gets as far as the GSSAPI/SSPI layer:
        # without the kerberos extra (./dev test's venv) the first case already covers it.
        pytest.importorskip("requests_kerberos", reason="the kerberos extra is not installed")
    monkeypatch.setitem(sys.modules, module, None)  # import now fails, as if not installed
    with pytest.raises(SignInUnavailable) as caught:
        negotiate_auth("https://proconsona.kunta.fi/api")
    assert "Kerberos support is not installed on this machine" in str(caught.value)
    assert module in str(caught.value)


def test_without_kerberos_installed_the_acceptor_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spnego", None)
    monkeypatch.setitem(sys.modules, "gssapi", None)
    with pytest.raises(acceptor.AcceptorUnavailable, match="not installed"):
        acceptor.accept("Negotiate YIIB", "/nonexistent/keytab")
