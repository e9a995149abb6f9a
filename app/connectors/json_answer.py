"""Reading a JSON answer as hostile: every field type-checked, or a :class:`ServerFault`.

Shared by the JSON connectors. ``what`` names the call (method and path
template) for the message; messages never carry the value, which may be client data.
"""

from __future__ import annotations

import json
from typing import Any

from app.connectors import errors
from app.connectors.http import Response
from app.domain.hetu import Hetu, InvalidHetu, parse_hetu


def json_answer(response: Response, what: str) -> Any:
    def refuse_constant(name: str) -> Any:
        raise ValueError(name)

    try:
        text = response.body.decode("utf-8")
        document = json.loads(text, parse_constant=refuse_constant)
        if "\\ud" in text or "\\uD" in text:
            # An escaped surrogate: a lone one ("\ud800") is no character, and a name or a
            # record id made of it fails wherever it is written (the outbox, a PDF).
            json.dumps(document, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise errors.ServerFault(f"{what}: answer is not JSON") from None
    return document


def object_value(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise errors.ServerFault(f"{what}: expected an object")
    return value


def optional_object(document: dict[str, Any], key: str, what: str) -> dict[str, Any] | None:
    value = document.get(key)
    return None if value is None else object_value(value, what)


def list_field(document: dict[str, Any], key: str, what: str) -> list[Any]:
    value = document.get(key)
    if not isinstance(value, list):
        raise errors.ServerFault(f"{what}: {key} is not a list")
    return value


def str_field(document: dict[str, Any], key: str, what: str) -> str:
    value = document.get(key)
    if not isinstance(value, str):
        raise errors.ServerFault(f"{what}: {key} is not a string")
    return value


def optional_str_field(document: dict[str, Any], key: str, what: str) -> str | None:
    return None if document.get(key) is None else str_field(document, key, what)


def bool_field(document: dict[str, Any], key: str, what: str) -> bool:
    value = document.get(key)
    if not isinstance(value, bool):
        raise errors.ServerFault(f"{what}: {key} is not a boolean")
    return value


def hetu_field(document: dict[str, Any], key: str, what: str) -> Hetu:
    try:
        return parse_hetu(str_field(document, key, what))
    except InvalidHetu:
        raise errors.ServerFault(f"{what}: {key} is not a valid identity code") from None
