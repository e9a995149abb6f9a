"""Where a classroom server listens, and URLs that work from the trainees' machines.

Only 127.0.0.1 is ever connected to: a server bound to every address answers there too.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from urllib.parse import urlsplit

from app.domain.policy import Policy
from app.training.server import LOOPBACK, Binding, TrainingServer


def test_the_default_is_this_machine_only(example_policy: Policy) -> None:
    with TrainingServer(example_policy) as training:
        assert training.binding == LOOPBACK
        assert training.index.server_address[0] == "127.0.0.1"
        for url in [*training.description["systems"].values(), training.url]:
            assert urlsplit(url).hostname == "127.0.0.1"


def test_a_given_address_is_advertised_as_it_is() -> None:
    assert Binding.on("192.0.2.10") == Binding("192.0.2.10", "192.0.2.10")


def test_every_address_binds_all_and_advertises_this_machines_name(
    example_policy: Policy,
) -> None:
    name = socket.gethostname()
    with TrainingServer(example_policy, binding=Binding.on("0.0.0.0")) as training:
        assert training.index.server_address[0] == "0.0.0.0"
        description = training.description
        urls = [
            *description["systems"].values(),
            description["population"],
            description["oidc"],
            training.url,
        ]
        assert {urlsplit(url).hostname for url in urls} == {name}
        # The training policy the trainees get points at the same names.
        assert {urlsplit(m.system.endpoint).hostname for m in training.policy.municipalities} == {
            name
        }
        # Listening on every address, it answers on the loopback one as well.
        port = urlsplit(training.url).port
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as reply:
            assert json.load(reply)["inspect"] == f"http://{name}:{port}/inspect"
