"""A real MIT Kerberos realm for tests (k5test): the KDC on 127.0.0.1 only, no DNS.

The ``kdc`` and ``realm`` fixtures (tests/conftest.py) skip with the reason when the
KDC programs or the Kerberos libraries are missing here; .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

KDC_PROGRAMS = ("krb5kdc", "kdb5_util", "kadmin.local", "kinit", "kdestroy", "krb5-config")
REALM_VARIABLES = (
    "KRB5_CONFIG",
    "KRB5_KDC_PROFILE",
    "KRB5CCNAME",
    "KRB5_KTNAME",
    "KRB5_CLIENT_KTNAME",
    "KRB5RCACHEDIR",
)
PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])


def _missing() -> str | None:
    """Why the realm cannot be made here, if it cannot."""
    for module in ("k5test", "gssapi", "spnego", "requests_kerberos"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install '.[test,kerberos]'; .ci/run does)"
    absent = [name for name in KDC_PROGRAMS if shutil.which(name, path=PATH) is None]
    if absent:
        return (
            f"MIT Kerberos programs missing ({', '.join(absent)}): apt-get install "
            "krb5-kdc krb5-admin-server libkrb5-dev (.ci/run does)"
        )
    return None


@dataclass
class Realm:
    """The k5test realm, its user, and the keytabs of the two HTTP services."""

    realm: Any
    user: str
    keytab_by_address: str  # HTTP/127.0.0.1: the principal derived from the endpoint
    keytab_by_name: str  # HTTP/localhost: a principal the policy names

    def kinit(self) -> None:
        self.realm.kinit(self.user, self.realm.password("user"))

    def kdestroy(self) -> None:
        self.realm.run(["kdestroy", "-q"])


def _free_port() -> int:
    """A port free for the KDC on both TCP and UDP (k5test uses it and the next few)."""
    for _ in range(50):
        with socket.socket() as tcp, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            tcp.bind(("127.0.0.1", 0))
            port: int = tcp.getsockname()[1]
            try:
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
            if port < 65000:
                return port
    raise RuntimeError("no free port for the KDC")


def make_kdc() -> Iterator[Realm]:
    missing = _missing()
    if missing is not None:
        if os.environ.get("PAIVYSTYS_REQUIRE_KDC"):  # .ci/run: these tests must run
            pytest.fail(f"no Kerberos test realm: {missing}")
        pytest.skip(f"no Kerberos test realm: {missing}")
    import k5test

    everywhere = {"kdc": "127.0.0.1:$port0", "admin_server": "127.0.0.1:$port1"}
    realm = k5test.K5Realm(
        portbase=_free_port(),
        get_creds=False,
        create_host=False,
        # Names exactly as written (no DNS), and every KDC exchange on 127.0.0.1 only.
        krb5_conf={
            "libdefaults": {"rdns": "false", "dns_canonicalize_hostname": "false"},
            "realms": {"$realm": {**everywhere, "kpasswd_server": "127.0.0.1:$port2"}},
        },
        kdc_conf={
            "realms": {
                "$realm": {"kdc_listen": "127.0.0.1:$port0", "kdc_tcp_listen": "127.0.0.1:$port0"}
            }
        },
    )
    try:
        keytabs = []
        for host in ("127.0.0.1", "localhost"):
            principal = f"HTTP/{host}@{realm.realm}"
            realm.addprinc(principal)
            keytab = str(Path(realm.tmpdir) / f"http-{host}.keytab")
            realm.extract_keytab(principal, keytab)
            keytabs.append(keytab)
        yield Realm(realm, realm.user_princ, keytabs[0], keytabs[1])
    finally:
        realm.stop()


def use_realm(kdc: Realm, monkeypatch: pytest.MonkeyPatch) -> Realm:
    """The realm's environment for this test only (the in-process Kerberos reads it)."""
    for name in REALM_VARIABLES:
        monkeypatch.setenv(name, kdc.realm.env[name])
    return kdc
