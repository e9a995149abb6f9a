"""HTTP plumbing shared by the connectors: timeouts, size bounds, error mapping.

Everything that comes back is treated as hostile: bodies are read up to a
bound, and every transport failure becomes one of the taxonomy's errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import requests
from requests.structures import CaseInsensitiveDict

from app.connectors.errors import (
    AuthenticationFailed,
    ConnectorError,
    Rejected,
    ServerFault,
    TimedOut,
    Unreachable,
)
from app.domain.policy import SystemConfig

MAX_RESPONSE_BYTES = 2_000_000
USER_AGENT = "Paivystys/0.1"


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


class HttpTransport:
    """One client system's HTTP endpoint, with the policy's timeouts."""

    def __init__(self, config: SystemConfig, max_bytes: int = MAX_RESPONSE_BYTES) -> None:
        self.base_url = config.endpoint.rstrip("/")
        self.timeout = (config.connect_timeout, config.read_timeout)
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # Proxies from the environment must not divert client data.
        self.session.trust_env = False
        self._adapter = self.session.get_adapter(self.base_url)

    def request(
        self,
        method: str,
        path: str,
        *,
        label: str | None = None,
        headers: Mapping[str, str] | None = None,
        data: bytes | Mapping[str, str] | None = None,
        json: object = None,
    ) -> Response:
        """``label`` names the call in error messages when the path carries an identifier
        (error messages reach logs and helpdesk; identifiers of clients must not).

        The prepared request goes straight to the session's connection pool (its
        adapter). ``Session.request`` would merge cookies, proxies, environment
        settings, hooks and redirects into every call; the app uses none of them
        (no cookie is kept, redirects are never followed), and that merging was a
        fifth of the sender's time per delivered item (docs/performance.md).
        """
        url = self.base_url + path
        path = label or path
        try:
            prepared = requests.Request(
                method, url, headers=self._headers(headers), data=data, json=json
            ).prepare()
            with self._adapter.send(
                prepared, stream=True, timeout=self.timeout, verify=True, proxies={}
            ) as reply:
                body = self._read_bounded(reply)
                return Response(reply.status_code, dict(reply.headers), body)
        except (requests.ConnectTimeout, requests.exceptions.SSLError) as error:
            raise Unreachable(f"{method} {path}: {type(error).__name__}") from None
        except requests.ReadTimeout:
            raise TimedOut(f"{method} {path}: no answer in {self.timeout[1]} s") from None
        except requests.ConnectionError as error:
            raise Unreachable(f"{method} {path}: {_connection_problem(error)}") from None
        except requests.RequestException as error:
            raise ServerFault(f"{method} {path}: {type(error).__name__}") from None

    def _headers(self, extra: Mapping[str, str] | None) -> CaseInsensitiveDict[str]:
        """The session's default headers (User-Agent, Accept-Encoding, ...), then the call's."""
        headers: CaseInsensitiveDict[str] = CaseInsensitiveDict()
        for name, value in self.session.headers.items():
            if isinstance(value, str):
                headers[name] = value
        if extra:
            headers.update(extra)
        return headers

    def _read_bounded(self, reply: requests.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_content(chunk_size=65536):
            size += len(chunk)
            if size > self.max_bytes:
                raise ServerFault(f"answer larger than {self.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self.session.close()


def _connection_problem(error: requests.ConnectionError) -> str:
    text = str(error)
    for marker in (
        "Connection refused",
        "Connection reset",
        "Name or service not known",
        "Network is unreachable",
        "Connection aborted",
        "timed out",
    ):
        if marker in text:
            return marker
    return type(error).__name__


def retry_after_seconds(headers: dict[str, str]) -> float | None:
    """Seconds from a Retry-After header (either form), if present and sane."""
    value = headers.get("Retry-After") or headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 3600.0)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - dt.datetime.now(dt.UTC)).total_seconds(), 3600.0))


def error_for_status(response: Response, what: str, reason: str | None) -> ConnectorError:
    """Map a non-success status to the taxonomy. ``reason`` is the system's own words."""
    status = response.status
    if status in (401, 403):
        return AuthenticationFailed(f"{what}: HTTP {status}")
    if 400 <= status < 500 and status not in (404, 408, 429):
        return Rejected(f"{what}: HTTP {status}", reason or f"HTTP {status}", status)
    if status in (408, 429) or status >= 500:
        return ServerFault(f"{what}: HTTP {status}", retry_after_seconds(response.headers))
    return ServerFault(f"{what}: unexpected HTTP {status}")
