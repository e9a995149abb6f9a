"""The machine policy: every broken policy stops start-up with file, field and problem."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.domain import schema
from app.domain.policy import Policy
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.load import PolicyError, describe_policy, load_policy, policy_from_data
from tests.helpers import ROOT, app_command, example_data, write_toml


def test_example_policy_is_valid_keski_uusimaa(example_policy: Policy) -> None:
    codes = [municipality.code for municipality in example_policy.municipalities]
    assert codes == ["106", "186", "245", "505", "543", "858"]
    assert {m.system.type for m in example_policy.municipalities} == {"proconsona", "effica"}
    kerava = example_policy.municipality("245")
    assert example_policy.registrar(kerava.registrar).name_fi.startswith("Vantaan ja Keravan")
    assert example_policy.registrar(example_policy.municipality("106").registrar).id == "keusote"
    assert not example_policy.training


def test_written_policy_round_trips(tmp_path: Path, example_policy: Policy) -> None:
    path = write_toml(tmp_path / "policy.toml", example_data())
    assert load_policy(path) == example_policy
    assert policy_from_data(schema.dump(example_policy), "dumped") == example_policy


def break_policy(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(example_data())
    mutate(data)
    return data


BROKEN = {
    "missing field": (
        lambda d: d["municipalities"][1]["system"].pop("endpoint"),
        "municipalities[1].system.endpoint",
        "required",
    ),
    "wrong type": (
        lambda d: d["municipalities"][0]["system"].__setitem__("read_timeout", "kauan"),
        "municipalities[0].system.read_timeout",
        "must be a number",
    ),
    "unknown system": (
        lambda d: d["municipalities"][2]["system"].__setitem__("type", "lifecare"),
        "municipalities[2].system.type",
        "known client system type",
    ),
    "duplicate code": (
        lambda d: d["municipalities"][3].__setitem__("code", "106"),
        "municipalities[3].code",
        "duplicate",
    ),
    "bad url": (
        lambda d: d["municipalities"][4]["system"].__setitem__("endpoint", "ftp//nurmijarvi"),
        "municipalities[4].system.endpoint",
        "URL",
    ),
    "unknown registrar": (
        lambda d: d["municipalities"][2].__setitem__("registrar", "vantaa"),
        "municipalities[2].registrar",
        "no registrar",
    ),
    "unknown field": (
        lambda d: d["municipalities"][0].__setitem__("fax", "+358"),
        "municipalities[0].fax",
        "unknown field",
    ),
    "bad municipality code": (
        lambda d: d["municipalities"][0].__setitem__("code", "12"),
        "municipalities[0].code",
        "three-digit",
    ),
    "empty name": (
        lambda d: d["municipalities"][5].__setitem__("name_fi", " "),
        "municipalities[5].name_fi",
        "not empty",
    ),
    "wrong version": (lambda d: d.__setitem__("version", 2), "version", "one of 1"),
    "table instead of list": (
        lambda d: d.__setitem__("registrars", {"id": "x"}),
        "registrars",
        "must be a list",
    ),
    "negative timeout": (
        lambda d: d["municipalities"][0]["system"].__setitem__("connect_timeout", -1),
        "municipalities[0].system.connect_timeout",
        "greater than zero",
    ),
    "no municipalities": (
        lambda d: d.__setitem__("municipalities", []),
        "municipalities",
        "at least one",
    ),
    "plain http in production": (
        lambda d: d["municipalities"][1]["system"].__setitem__(
            "endpoint", "http://203.0.113.5/api"
        ),
        "municipalities[1].system.endpoint",
        "must be an https:// URL",
    ),
    "plain http to the population register": (
        lambda d: d.__setitem__("population", {"endpoint": "http://vtj.example/api"}),
        "population.endpoint",
        "must be an https:// URL",
    ),
    "a password in the URL": (
        lambda d: d["municipalities"][0]["system"].__setitem__(
            "endpoint", "https://:secret@consona.hyvinkaa.example/api"
        ),
        "municipalities[0].system.endpoint",
        "URL",
    ),
    "a user in the URL": (
        lambda d: d["municipalities"][0]["system"].__setitem__(
            "endpoint", "https://duty@consona.hyvinkaa.example/api"
        ),
        "municipalities[0].system.endpoint",
        "URL",
    ),
    "plain http to another host in training": (
        lambda d: (
            d.__setitem__("training", True),
            d["municipalities"][2]["system"].__setitem__("endpoint", "http://192.0.2.1/effica"),
        ),
        "municipalities[2].system.endpoint",
        "http:// to this machine (127.0.0.1, ::1, localhost) in a training policy",
    ),
    "plain http to another register in training": (
        lambda d: (
            d.__setitem__("training", True),
            d.__setitem__("population", {"endpoint": "http://vtj.example/api"}),
        ),
        "population.endpoint",
        "http:// to this machine",
    ),
    "a pin that is no SHA-256": (
        lambda d: d["municipalities"][0]["system"].__setitem__("pin_sha256", ["c2hhMjU2"]),
        "municipalities[0].system.pin_sha256[0]",
        "SHA-256 of a certificate's public key",
    ),
    "a CA bundle by a relative path": (
        lambda d: d["municipalities"][0]["system"].__setitem__("ca_bundle", "certs/kunta-ca.pem"),
        "municipalities[0].system.ca_bundle",
        "absolute path",
    ),
    "a register pin that is no SHA-256": (
        lambda d: d.__setitem__(
            "population", {"endpoint": "https://vtj.example/api", "pin_sha256": ["ab" * 31]}
        ),
        "population.pin_sha256[0]",
        "SHA-256",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_policy_names_file_field_and_problem(tmp_path: Path, case: str) -> None:
    mutate, field, problem = BROKEN[case]
    path = write_toml(tmp_path / "policy.toml", break_policy(mutate))
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert caught.value.source == str(path)
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert str(path) in str(caught.value)


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text("version = = 1\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy(tmp_path / "nowhere.toml")


def test_describe_documents_every_field() -> None:
    text = describe_policy()
    for path, *_ in schema.describe(Policy):
        assert f"`{path}`" in text
    assert "`municipalities[].system.endpoint`" in text


def test_every_default_validates() -> None:
    """A declared default must pass its own declaration."""
    import dataclasses
    import typing

    from app.domain import policy as policy_module

    for cls in (
        policy_module.SystemConfig,
        policy_module.OfficeHoursContact,
        policy_module.HelpList,
        policy_module.DutyUnit,
        policy_module.Policy,
    ):
        hints = typing.get_type_hints(cls, include_extras=True)
        for field in dataclasses.fields(cls):
            if field.default is not dataclasses.MISSING and field.default is not None:
                schema._convert(hints[field.name], field.default, field.name)


def test_cli_reports_a_broken_policy(tmp_path: Path, profile: Path) -> None:
    path = write_toml(
        tmp_path / "policy.toml",
        break_policy(lambda d: d["municipalities"][2]["system"].__setitem__("type", "lifecare")),
    )
    done = subprocess.run(
        app_command(profile, "policy", "check", "--policy", str(path)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert str(path) in done.stderr
    assert "municipalities[2].system.type" in done.stderr
    assert "lifecare" in done.stderr


def test_training_docs_are_in_step_with_the_data(example_policy: Policy) -> None:
    from app.training.docs import render

    document = (EXAMPLE_POLICY.parents[2] / "docs" / "training.md").read_text(encoding="utf-8")
    assert document == render(example_policy), (
        "regenerate: python -m app training-server --material > docs/training.md"
    )


def test_policy_reference_is_in_step() -> None:
    document = (EXAMPLE_POLICY.parents[2] / "docs" / "policy.md").read_text(encoding="utf-8")
    assert describe_policy() in document, "regenerate docs/policy.md (paivystys policy describe)"


def test_a_training_policy_may_name_plain_http_systems() -> None:
    data = break_policy(
        lambda d: d["municipalities"][1]["system"].__setitem__("endpoint", "http://127.0.0.1:9/")
    )
    data["training"] = True
    policy = policy_from_data(data, "training")
    assert policy.municipalities[1].system.endpoint == "http://127.0.0.1:9/"


def test_a_system_and_the_register_may_add_a_ca_bundle_and_pins(tmp_path: Path) -> None:
    pin_b64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="  # the form HPKP used
    pin_hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    tls = {"ca_bundle": "/etc/paivystys/kunta-ca.pem", "pin_sha256": [pin_b64, pin_hex]}

    def add_tls(data: dict[str, Any]) -> None:
        data["municipalities"][0]["system"].update(tls)
        data["population"] = {"endpoint": "https://vtj.example/api", **tls}

    path = write_toml(tmp_path / "policy.toml", break_policy(add_tls))
    policy = load_policy(path)
    for config in (policy.municipalities[0].system, policy.population):
        assert config is not None
        assert config.ca_bundle == "/etc/paivystys/kunta-ca.pem"
        assert config.pin_sha256 == (pin_b64, pin_hex)
    assert policy.municipalities[1].system.ca_bundle is None
    assert policy.municipalities[1].system.pin_sha256 == ()
    assert policy_from_data(schema.dump(policy), "dumped") == policy


def test_policy_check_refuses_plain_http_to_another_host(tmp_path: Path, profile: Path) -> None:
    path = write_toml(
        tmp_path / "policy.toml",
        break_policy(
            lambda d: d["municipalities"][0]["system"].__setitem__(
                "endpoint", "http://203.0.113.5/api"
            )
        ),
    )
    done = subprocess.run(
        app_command(profile, "policy", "check", "--policy", str(path)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "municipalities[0].system.endpoint" in done.stderr
    assert "https://" in done.stderr
