"""What every benchmark shares: results, percentiles, progress, realistic entries.

Benchmarks are measurements, not tests: nothing here asserts a time. Each
measurement returns :class:`Result` rows; :mod:`bench.report` writes them out.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.author import Author, SignInMethod
from app.domain.hetu import Hetu
from app.domain.kinds import ItemKind
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.services.outbox.codec import entry_label, entry_to_payload, item_client
from app.services.outbox.store import OutgoingItem

HELSINKI = dt.timezone(dt.timedelta(hours=2))
NS_PER_MS = 1_000_000

_STARTED = time.perf_counter_ns()


def progress(message: str) -> None:
    """One line on stderr, with the seconds since the run started."""
    elapsed = (time.perf_counter_ns() - _STARTED) / 1e9
    sys.stderr.write(f"[bench {elapsed:6.1f} s] {message}\n")
    sys.stderr.flush()


class Verdict(StrEnum):
    PASS = "PASS"  # noqa: S105 - a verdict, not a password
    FAIL = "FAIL"
    INFO = "info"  # context for a target, not a target itself


@dataclass(frozen=True)
class Result:
    """One line of the report: what was measured, the value, the target and the verdict."""

    key: str  # "1", "2", "3a", ...: the measurement it belongs to
    name: str
    value: str
    target: str = ""
    verdict: Verdict = Verdict.INFO


@dataclass
class Section:
    """One measurement's part of the report: its method, its results and a detail table."""

    title: str
    method: list[str]
    results: list[Result] = field(default_factory=list)
    table_header: tuple[str, ...] = ()
    table: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def percentile(samples: Sequence[int], fraction: float) -> int:
    """Nearest-rank percentile (``fraction`` 0.5 → p50) of integer samples."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def ms(nanoseconds: float) -> str:
    """Milliseconds with three significant decimals for sub-millisecond values."""
    value = nanoseconds / NS_PER_MS
    if value < 10:
        return f"{value:.3f} ms"
    return f"{value:.1f} ms"


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else math.inf


def verdict(ok: bool) -> Verdict:
    return Verdict.PASS if ok else Verdict.FAIL


@dataclass(frozen=True)
class LatencySummary:
    count: int
    p50: int
    p90: int
    p99: int
    maximum: int

    @classmethod
    def of(cls, samples: Sequence[int]) -> LatencySummary:
        return cls(
            count=len(samples),
            p50=percentile(samples, 0.50),
            p90=percentile(samples, 0.90),
            p99=percentile(samples, 0.99),
            maximum=max(samples),
        )

    def row(self, name: str) -> tuple[str, ...]:
        return (name, str(self.count), ms(self.p50), ms(self.p90), ms(self.p99), ms(self.maximum))


LATENCY_HEADER = ("arm", "N", "p50", "p90", "p99", "max")

# A duty entry's narrative as a worker writes one at night: Finnish (and a Sámi
# name), 1–2 kB in UTF-8. Deterministic, so every run saves the same bytes.
_SENTENCES = (
    "Poliisi soitti klo 23.05 ja pyysi sosiaalipäivystyksen arviota kotihälytyksen jälkeen.",
    "Asunnossa oli kaksi aikuista ja kaksi alaikäistä lasta; lapset olivat hereillä.",
    "Äiti kertoi riidan alkaneen illalla, kun isä palasi kotiin päihtyneenä.",
    "Lapset kertoivat erikseen haastateltuina, etteivät he olleet nähneet väkivaltaa.",
    "Vanhempi lapsi (8 v.) kertoi pelänneensä ja soittaneensa mummolle ennen poliisia.",
    "Isä poistui poliisin saattamana; hänelle annettiin tiedot päihdepalveluista.",
    "Sovittiin, että lapset jäävät äidin kanssa kotiin ja mummo Biret Čuoŋžá tulee aamulla.",
    "Äiti sitoutui ottamaan yhteyttä lastensuojeluun virka-aikana seuraavana arkipäivänä.",
    "Tehty lastensuojeluilmoitus poliisin pyynnöstä; vireille tulo kirjattu samana yönä.",
    "Arvioitu, ettei kiireelliseen sijoitukseen ole tarvetta; turvallisuussuunnitelma tehty.",
    "Perheelle annettiin päivystyksen puhelinnumero ja ohjeet uuden tilanteen varalle.",
    "Tieto välitetään vastuusosiaalityöntekijälle aamulla; jatkoarvio kolmen päivän sisällä.",
    "Koulun terveydenhoitajalle ei ilmoiteta ilman huoltajan suostumusta; asia selvitetään.",
    "Äidin vointi rauhoittui keskustelun aikana; hän kertoi saavansa tukea sisareltaan.",
)


def narrative(index: int, minimum: int = 1000, maximum: int = 2000) -> str:
    """A narrative of ``minimum``–``maximum`` UTF-8 bytes, varying with ``index``."""
    target = minimum + (index * 389) % (maximum - minimum)
    parts: list[str] = []
    size = 0
    position = index
    while size < target:
        sentence = _SENTENCES[position % len(_SENTENCES)]
        parts.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        position += 5
    text = " ".join(parts)
    while len(text.encode("utf-8")) > maximum:
        text = text[:-1]
    return text


def duty_entry(index: int, hetu: Hetu, client_system_id: str | None = None) -> DutyEntry:
    """A realistic duty entry: 1–2 kB narrative, a fresh idempotency key."""
    return DutyEntry(
        hetu=hetu,
        contact_time=dt.datetime(2026, 11, 26, 23, 15, tzinfo=HELSINKI)
        + dt.timedelta(minutes=index % 600),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=narrative(index),
        measures="Soitettu huoltajalle. Lastensuojeluilmoitus tehty. Jatkoarvio sovittu.",
        follow_up_needed=True,
        author="Päivystäjä Benchmark",
        client_system_id=client_system_id,
        idempotency_key=uuid.uuid4(),
    )


# The author every benchmark item is saved by, as the app's save records one.
BENCH_AUTHOR = Author(
    "paivystaja-benchmark",
    "Päivystäjä Benchmark",
    "keusote",
    SignInMethod.OIDC,
    dt.datetime(2026, 11, 26, 20, 0, tzinfo=dt.UTC),
)


def outgoing(code: str, entry: DutyEntry) -> OutgoingItem:
    """The outbox item ``SendingService.save_entry`` would make of ``entry``."""
    return OutgoingItem(
        key=entry.idempotency_key,
        municipality=code,
        kind=ItemKind.ENTRY,
        client=item_client(entry),
        label=entry_label(entry, first_names="Aino", last_name="Mäkelä"),
        payload=entry_to_payload(entry),
        author=BENCH_AUTHOR,
    )
