"""The unlock PIN: only a Scrypt hash on disk, valid for max_offline_hours after the last
online sign-in, disabled after too many wrong tries."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.auth.pin import (
    MAX_WRONG_TRIES,
    MIN_LENGTH,
    PinState,
    PinStore,
    ScryptCost,
    Unlock,
    WeakPin,
    WeakReason,
    pin_problem,
)

# Cheap parameters for tests; the stored record carries them, as it would the real ones.
CHEAP = ScryptCost(n=2**4, r=1, p=1)
WORKER = "tyontekija-901"
SIGNED_IN = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
PIN = "482915"


def store(tmp_path: Path) -> PinStore:
    return PinStore(tmp_path / "config" / "unlock-pin.json", CHEAP)


def test_the_file_holds_only_a_salted_hash_and_is_private(tmp_path: Path) -> None:
    pins = store(tmp_path)
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    raw = pins.path.read_bytes()
    assert PIN.encode() not in raw
    document = json.loads(raw)
    assert document["kdf"] == "scrypt"
    assert (document["n"], document["r"], document["p"]) == (CHEAP.n, CHEAP.r, CHEAP.p)
    assert len(document["salt"]) >= 16
    if os.name == "posix":
        assert stat.S_IMODE(pins.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(pins.path.parent.stat().st_mode) == 0o700
    # A second setting of the same PIN gets another salt, so another hash.
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    assert json.loads(pins.path.read_bytes())["hash"] != document["hash"]


def test_the_right_pin_unlocks_within_the_offline_hours(tmp_path: Path) -> None:
    pins = store(tmp_path)
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    later = SIGNED_IN + dt.timedelta(hours=11, minutes=59)
    assert pins.state(WORKER, later, 12) is PinState.USABLE
    assert pins.unlock(PIN, WORKER, later, 12).outcome is Unlock.UNLOCKED
    too_late = SIGNED_IN + dt.timedelta(hours=12, seconds=1)
    assert pins.state(WORKER, too_late, 12) is PinState.EXPIRED
    assert pins.unlock(PIN, WORKER, too_late, 12).outcome is Unlock.EXPIRED
    # A new online sign-in makes it valid again.
    pins.signed_in_online(WORKER, too_late)
    assert pins.unlock(PIN, WORKER, too_late + dt.timedelta(hours=1), 12).outcome is (
        Unlock.UNLOCKED
    )


def test_a_clock_turned_back_before_the_sign_in_does_not_unlock(tmp_path: Path) -> None:
    pins = store(tmp_path)
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    assert pins.unlock(PIN, WORKER, SIGNED_IN - dt.timedelta(days=1), 12).outcome is (
        Unlock.EXPIRED
    )


def test_wrong_tries_disable_the_pin_until_an_online_sign_in(tmp_path: Path) -> None:
    pins = store(tmp_path)
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    now = SIGNED_IN + dt.timedelta(hours=1)
    for left in range(MAX_WRONG_TRIES - 1, 0, -1):
        result = pins.unlock("000001", WORKER, now, 12)
        assert (result.outcome, result.tries_left) == (Unlock.WRONG, left)
    assert pins.unlock("000001", WORKER, now, 12).outcome is Unlock.DISABLED
    # Counted on disk: a restarted app (a new store on the file) is still disabled,
    # and the right PIN no longer helps.
    again = store(tmp_path)
    assert again.state(WORKER, now, 12) is PinState.DISABLED
    assert again.unlock(PIN, WORKER, now, 12).outcome is Unlock.DISABLED
    again.signed_in_online(WORKER, now)
    assert again.unlock(PIN, WORKER, now, 12).outcome is Unlock.UNLOCKED


def test_a_right_pin_forgives_earlier_wrong_tries(tmp_path: Path) -> None:
    pins = store(tmp_path)
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    for _ in range(MAX_WRONG_TRIES - 1):
        pins.unlock("999990", WORKER, SIGNED_IN, 12)
    assert pins.unlock(PIN, WORKER, SIGNED_IN, 12).outcome is Unlock.UNLOCKED
    assert pins.unlock("999990", WORKER, SIGNED_IN, 12).tries_left == MAX_WRONG_TRIES - 1


def test_the_pin_is_only_the_workers_who_set_it(tmp_path: Path) -> None:
    pins = store(tmp_path)
    pins.set_pin(PIN, WORKER, SIGNED_IN)
    assert pins.unlock(PIN, "tyontekija-902", SIGNED_IN, 12).outcome is Unlock.NOT_SET
    pins.signed_in_online("tyontekija-902", SIGNED_IN)
    assert not pins.path.exists()
    assert pins.state(WORKER, SIGNED_IN, 12) is PinState.NOT_SET


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"version": 1}', b"x" * 10_000, b'{"version": 1, "kdf": "md5"}'],
)
def test_a_damaged_file_means_no_pin(tmp_path: Path, content: bytes) -> None:
    pins = store(tmp_path)
    pins.path.parent.mkdir(parents=True)
    pins.path.write_bytes(content)
    assert pins.state(WORKER, SIGNED_IN, 12) is PinState.NOT_SET
    assert pins.unlock(PIN, WORKER, SIGNED_IN, 12).outcome is Unlock.NOT_SET


def test_training_and_production_keep_their_own_pin(profile: Path) -> None:
    assert PinStore.for_mode(True).path != PinStore.for_mode(False).path


@pytest.mark.parametrize(
    ("pin", "reason"),
    [
        ("12345", WeakReason.TOO_SHORT),
        ("111111", WeakReason.SAME_CHARACTER),
        ("123456", WeakReason.SEQUENCE),
        ("987654", WeakReason.SEQUENCE),
        ("abcdefg", WeakReason.SEQUENCE),
        ("48 2915", WeakReason.WHITESPACE),
        ("4" * 65 + "2", WeakReason.TOO_LONG),
    ],
)
def test_weak_pins_are_refused_with_a_reason(tmp_path: Path, pin: str, reason: WeakReason) -> None:
    pins = store(tmp_path)
    with pytest.raises(WeakPin) as refused:
        pins.set_pin(pin, WORKER, SIGNED_IN)
    assert refused.value.reason is reason
    assert not pins.path.exists()


@given(st.text(min_size=0, max_size=MIN_LENGTH - 1))
def test_every_short_pin_is_refused(pin: str) -> None:
    assert pin_problem(pin) is not None


@given(st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp")), st.integers(6, 20))
def test_one_character_repeated_is_refused(char: str, count: int) -> None:
    assert pin_problem(char * count) in {WeakReason.SAME_CHARACTER, WeakReason.WHITESPACE}


@given(st.integers(0, 4), st.integers(6, 10), st.booleans())
def test_a_run_of_digits_is_refused(start: int, length: int, down: bool) -> None:
    digits = "".join(str(start + i) for i in range(min(length, 10 - start)))
    run = digits[::-1] if down else digits
    assert pin_problem(run) is (
        WeakReason.SEQUENCE if len(run) >= MIN_LENGTH else WeakReason.TOO_SHORT
    )


@given(st.text(alphabet="0123456789", min_size=MIN_LENGTH, max_size=12))
def test_an_accepted_pin_unlocks_and_no_other_does(
    tmp_path_factory: pytest.TempPathFactory, pin: str
) -> None:
    if pin_problem(pin) is not None:
        return
    pins = PinStore(tmp_path_factory.mktemp("pin") / "unlock-pin.json", CHEAP)
    pins.set_pin(pin, WORKER, SIGNED_IN)
    assert pins.unlock(pin + "0", WORKER, SIGNED_IN, 1).outcome is Unlock.WRONG
    assert pins.unlock(pin, WORKER, SIGNED_IN, 1).outcome is Unlock.UNLOCKED
