"""No client data on the workstation: a canary identity code, name and narrative never
appear in any file the app writes (outbox, WAL, key file, settings, logs, temp dir)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.connectors.base import Credentials
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.settings import SettingsStore, UserSettings
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import SAVED_BY, encodings, files_under

NAME = "Čuoŋžá Máret"
NARRATIVE = "KANARIA: Đuolbmá kertoi poliisille yöllä tapahtuneesta, Ŧ Ž Š."


@pytest.fixture
def log_file(profile: Path) -> Iterator[Path]:
    """Everything logged at any level, by anyone (urllib3 included), goes to a file."""
    path = profile / "all.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()


def test_canary_never_reaches_a_file(
    training: TrainingServer,
    profile: Path,
    tmp_path: Path,
    log_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    code = training.policy.municipalities[1].code
    client = training.systems[code].clients[0]
    # A canary code of our own would not be found by the system; the client's is as good:
    # it is written nowhere by the test itself.
    hetu = client.hetu
    entry = DutyEntry(
        hetu=hetu,
        contact_time=dt.datetime(2026, 11, 26, 23, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=NARRATIVE,
        measures=f"Soitettu: {NAME}",
        follow_up_needed=True,
        author="Päivystäjä",
    )
    outbox = OutboxSetup.for_mode(training=True).open()
    station = Workstation(
        training.policy, lambda m: Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    )
    service = SendingService(outbox, station)
    training.set_online(code, False)
    service.save_entry(
        code, entry, first_names=client.first_names, last_name=client.last_name, saved_by=SAVED_BY
    )
    assert service.flush(force=[code]).events  # tried, and it waits
    SettingsStore(profile / "settings.json").save(UserSettings(last_municipality=code))

    canaries = [hetu.value, NAME, NARRATIVE, client.full_name, client.address.street]
    written = list(files_under(profile, temp))
    assert any(path.name == "outbox.db" for path in written)

    def leaks() -> list[str]:
        found = []
        for path in files_under(profile, temp):
            data = path.read_bytes()
            found += [
                f"{path.name}: {canary[:6]}…"
                for canary in canaries
                for encoded in encodings(canary)
                if encoded in data
            ]
        return found

    assert leaks() == []  # while the entry waits in the outbox (and its WAL)

    training.set_online(code, True)
    assert service.flush(force=[code]).events
    outbox.close()
    station.close()
    assert leaks() == []  # after delivery
    # The positive control: the canary did travel, to the registrar's system only.
    with urllib.request.urlopen(training.description["inspect"], timeout=10) as reply:
        records = json.load(reply)[code]
    assert [record["text"] for record in records] == [NARRATIVE]
    assert log_file.stat().st_size > 0  # logging was on, and said nothing about the client
