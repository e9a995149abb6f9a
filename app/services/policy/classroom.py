"""Joining a training server that already runs (a classroom server).

Its root document is the JSON line it printed at start; ``/policy`` is the
training policy. Both come over the network, so both are bounded and checked.
A classroom server supplies systems and training data only: a served policy that
would run a program on the workstation (``vpn.connect_command``) or name a file on
it (a ``ca_bundle``) is refused, since the trainee's account also holds the
production keyring; its printing settings are not taken (saving a PDF writes to this
workstation's disk: the defaults apply); and a policy is refused whose
systems are reached over plain http:// anywhere but on the classroom server itself
(or this machine). The host the trainee named is the one the transport may then
speak plain http:// to (:func:`app.connectors.tls.plain_http_to`, entered by the
entry point for the training session).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3

from app.domain.policy import Policy, PrintingConfig
from app.domain.schema import is_http_url
from app.services.policy.load import PolicyError, policy_from_data

MAX_DOCUMENT_BYTES = 1_000_000
TIMEOUT = (3.0, 10.0)


class ClassroomError(Exception):
    """The training server could not be used; the message says why."""


def _get_json(url: str) -> Any:
    try:
        with requests.get(url, timeout=TIMEOUT, stream=True, allow_redirects=False) as reply:
            if reply.status_code != 200:
                raise ClassroomError(f"{url} answered HTTP {reply.status_code}")
            body = reply.raw.read(MAX_DOCUMENT_BYTES + 1, decode_content=True)
    except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
        # Reading the raw stream raises urllib3's own errors: a body cut short, or not
        # in the Content-Encoding it claims (DecodeError).
        raise ClassroomError(f"{url} cannot be reached ({type(error).__name__})") from None
    if len(body) > MAX_DOCUMENT_BYTES:
        raise ClassroomError(f"{url}: answer too large")
    try:
        text = body.decode("utf-8")
        document = json.loads(text)
        if "\\ud" in text or "\\uD" in text:
            # An escaped lone surrogate is no character: a name made of one fails
            # wherever it is written (the outbox, a PDF).
            json.dumps(document, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):
        raise ClassroomError(f"{url}: answer is not JSON") from None
    return document


def classroom_host(url: str) -> str:
    """The host of a classroom server's URL (one that passed :func:`join`)."""
    return urlsplit(url).hostname or ""


def join(url: str) -> tuple[dict[str, Any], Policy]:
    """The server's description (``systems``, ``inspect``, ...) and its training policy."""
    if not is_http_url(url):
        raise ClassroomError(f"{url} is not an http:// URL")
    base = url.rstrip("/")
    description = _get_json(base + "/")
    systems = description.get("systems") if isinstance(description, dict) else None
    if not isinstance(systems, dict) or not all(
        isinstance(code, str) and isinstance(link, str) and is_http_url(link)
        for code, link in systems.items()
    ):
        raise ClassroomError(f"{url} is not a Päivystys training server (no systems)")
    if not isinstance(description.get("inspect"), str):
        raise ClassroomError(f"{url} is not a Päivystys training server (no inspect URL)")
    try:
        policy = policy_from_data(
            _get_json(base + "/policy"), base + "/policy", classroom_host=classroom_host(url)
        )
    except PolicyError as error:
        raise ClassroomError(str(error)) from None
    if not policy.training:
        raise ClassroomError(f"{url} serves a policy that is not a training policy")
    if policy.vpn.connect_command:
        raise ClassroomError(
            f"{url} serves a policy that would run a program on this workstation "
            "(vpn.connect_command); a training server may supply systems and training "
            "data only. Nothing was run."
        )
    named = _files_named(policy)
    if named:
        raise ClassroomError(
            f"{url} serves a policy that names files on this workstation "
            f"({', '.join(named)}); a training server may supply systems and training data "
            "only. Nothing was read."
        )
    # Printing is the workstation's matter (a PDF saved is a file on its disk): the
    # served settings are not taken; the classroom prints as any workstation does.
    return description, dataclasses.replace(policy, printing=PrintingConfig())


def _files_named(policy: Policy) -> list[str]:
    """The served settings that name a file here (a CA bundle to trust)."""
    named = [
        f"municipalities[{index}].system.ca_bundle"
        for index, municipality in enumerate(policy.municipalities)
        if municipality.system.ca_bundle
    ]
    if policy.population is not None and policy.population.ca_bundle:
        named.append("population.ca_bundle")
    return named
