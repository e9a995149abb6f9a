"""A draft's payload: what the form wrote comes back exactly; anything else is refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.domain.hetu import parse_hetu
from app.domain.model import Address, PersonDetails
from app.services.outbox.drafts import (
    ENTRY_FORM,
    DraftContent,
    UnreadableDraft,
    draft_from_payload,
    draft_to_payload,
)

HETU = parse_hetu("140317A903Y")
PERSON = PersonDetails(
    last_name="Čoavdda",
    first_names="Đuvvá Ŋuvvu",
    birth_date=dt.date(2017, 3, 14),
    address=Address("Šiellaluokta 3 Ž", "04400", "Järvenpää"),
    nationality="Suomi",
    language="pohjoissaame",
    description="Ŧ ä ö å",
)


def content(**changes: object) -> DraftContent:
    values: dict[str, object] = {
        "form": ENTRY_FORM,
        "municipality": "186",
        "hetu": HETU,
        "fields": {"narrative": "Yöllä ŊŠŦŽĐČ", "follow_up_needed": True},
        "client_name": "Čoavdda Đuvvá",
        "client_system_id": None,
        "person": PERSON,
    }
    values.update(changes)
    return DraftContent(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "draft",
    [content(), content(hetu=None), content(person=None, client_system_id="EF-1")],
    ids=["new client", "no identity code", "known client"],
)
def test_a_draft_comes_back_as_written(draft: DraftContent) -> None:
    back = draft_from_payload(draft_to_payload(draft))
    assert back.fields == draft.fields
    assert back.hetu == draft.hetu
    assert back.person == draft.person
    assert (back.form, back.municipality, back.client_name, back.client_system_id) == (
        draft.form,
        draft.municipality,
        draft.client_name,
        draft.client_system_id,
    )
    assert back.client == (HETU.value if draft.hetu else "")
    assert "Čoavdda" not in repr(back)


def _tampered(**changes: object) -> bytes:
    record = json.loads(draft_to_payload(content()))
    record.update(changes)
    return json.dumps(record).encode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (b"not json", ""),
        (b"[]", ""),
        (_tampered(v=2), "v"),
        (_tampered(form="letter"), "form"),
        (_tampered(hetu="140317A903X"), "hetu"),
        (_tampered(fields=[]), "fields"),
        (_tampered(person={"last_name": 3}), "person"),
        (_tampered(extra=1), "unexpected"),
        (b"{" + b" " * 2_000_001 + b"}", "large"),
    ],
)
def test_a_damaged_draft_is_refused_naming_the_field_not_the_value(data: bytes, field: str) -> None:
    with pytest.raises(UnreadableDraft) as refused:
        draft_from_payload(data)
    assert field in str(refused.value)
    assert "140317A903" not in str(refused.value)
