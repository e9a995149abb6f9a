"""The policy's zone is known on a machine without a zone database (Windows, a minimal
Linux): the tzdata package ships with the app and zoneinfo falls back to it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain import clock


@pytest.fixture
def no_system_zones(tmp_path: Path) -> Iterator[None]:
    """zoneinfo searches only an empty directory: no system database, as on Windows."""
    zoneinfo.reset_tzpath([str(tmp_path)])
    try:
        yield
    finally:
        zoneinfo.reset_tzpath()


@pytest.mark.usefixtures("no_system_zones")
def test_helsinki_without_a_system_zone_database() -> None:
    zone = zoneinfo.ZoneInfo.no_cache("Europe/Helsinki")
    winter = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 6, 12, tzinfo=dt.UTC)
    assert clock.local(winter, zone).utcoffset() == dt.timedelta(hours=2)
    assert clock.local(summer, zone).utcoffset() == dt.timedelta(hours=3)
