"""Declare a setting once; validate and document from that declaration.

A configuration section is a frozen dataclass. Each field's type annotation,
default and ``metadata["doc"]`` are its whole declaration: :func:`load`
validates raw data (from TOML or JSON) against it and reports the first
problem with the dotted path of the field, and :func:`describe` documents it.
Extra checks go in ``Annotated[..., Check(...)]``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")


class SchemaError(ValueError):
    """Raw data does not match its declaration.

    ``path`` is the dotted field path (``municipalities[2].system.endpoint``),
    ``problem`` says what is wrong in plain words.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or '(top level)'}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Check:
    """An extra rule for a value: ``test`` returns True when it holds."""

    test: Callable[[Any], bool]
    requirement: str


def setting(doc: str, default: Any = dataclasses.MISSING, **kwargs: Any) -> Any:
    """Declare a field: its description and, if it has one, its default."""
    if isinstance(default, list | dict):
        raise TypeError("use an immutable default (tuple)")
    return dataclasses.field(default=default, metadata={"doc": doc}, **kwargs)


def is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    # No user information at all: "https://:secret@host" has an empty user name but a
    # password, which requests would send as Basic auth to whoever answers.
    return parts.scheme in {"http", "https"} and bool(parts.hostname) and "@" not in parts.netloc


def shown(value: Any, limit: int = 80) -> str:
    """``repr(value)`` for a message, at most ``limit`` characters: a value in a file may
    be huge, and a message goes into a dialog and a log."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


HTTP_URL = Check(is_http_url, "an http:// or https:// URL with a host name")
NOT_EMPTY = Check(lambda value: bool(str(value).strip()), "not empty")


def _type_name(annotation: Any) -> str:  # noqa: PLR0911
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_name(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(arg) for arg in typing.get_args(annotation))
    if origin is tuple:
        return f"list of {_type_name(typing.get_args(annotation)[0])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(arg) for arg in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of " + ", ".join(repr(member.value) for member in annotation)
    if dataclasses.is_dataclass(annotation):
        return "table"
    if annotation is type(None):
        return "nothing"
    return {str: "text", int: "integer", float: "number", bool: "true or false"}.get(
        annotation, getattr(annotation, "__name__", str(annotation))
    )


def _convert(annotation: Any, raw: Any, path: str) -> Any:  # noqa: C901, PLR0911, PLR0912
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        value = _convert(base, raw, path)
        for extra in extras:
            if isinstance(extra, Check) and not extra.test(value):
                raise SchemaError(path, f"must be {extra.requirement}, not {shown(raw)}")
        return value
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(annotation)
        if raw is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, raw, path)
            except SchemaError as error:
                errors.append(error)
        if len(errors) == 1:
            raise errors[0]
        raise SchemaError(path, f"must be {_type_name(annotation)}, not {shown(raw)}")
    if origin is tuple:
        item_type = typing.get_args(annotation)[0]
        if not isinstance(raw, list | tuple):
            raise SchemaError(path, f"must be a list, not {_describe_raw(raw)}")
        return tuple(
            _convert(item_type, item, f"{path}[{index}]") for index, item in enumerate(raw)
        )
    if origin is typing.Literal:
        if raw not in typing.get_args(annotation):
            raise SchemaError(path, f"must be {_type_name(annotation)}, not {shown(raw)}")
        return raw
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return annotation(raw)
        except ValueError:
            raise SchemaError(path, f"must be {_type_name(annotation)}, not {shown(raw)}") from None
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return load(annotation, raw, path)
    if annotation is bool:
        if not isinstance(raw, bool):
            raise SchemaError(path, f"must be true or false, not {_describe_raw(raw)}")
        return raw
    if annotation is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise SchemaError(path, f"must be an integer, not {_describe_raw(raw)}")
        return raw
    if annotation is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise SchemaError(path, f"must be a number, not {_describe_raw(raw)}")
        return float(raw)
    if annotation is str:
        if not isinstance(raw, str):
            raise SchemaError(path, f"must be text, not {_describe_raw(raw)}")
        return raw
    raise TypeError(f"unsupported declared type {annotation!r} at {path}")


def _describe_raw(raw: Any) -> str:
    if isinstance(raw, Mapping):
        return "a table"
    if isinstance(raw, list):
        return "a list"
    return shown(raw)


def load(cls: type[T], raw: Any, path: str = "") -> T:
    """Build the dataclass ``cls`` from raw data, checking every declared field."""
    if not isinstance(raw, Mapping):
        raise SchemaError(path, f"must be a table, not {_describe_raw(raw)}")
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {field.name: field for field in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in raw:
        if key not in fields:
            known = ", ".join(sorted(fields))
            name = str(key) if len(str(key)) <= 80 else str(key)[:79] + "…"
            raise SchemaError(_join(path, name), f"unknown field (known fields: {known})")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        field_path = _join(path, name)
        if name in raw:
            values[name] = _convert(hints[name], raw[name], field_path)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise SchemaError(field_path, "is required but missing")
    return cls(**values)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def describe(cls: type[Any], prefix: str = "") -> Iterator[tuple[str, str, str, str]]:
    """Yield (path, type, default, description) for every declared field."""
    hints = typing.get_type_hints(cls, include_extras=True)
    for field in dataclasses.fields(cls):
        path = _join(prefix, field.name)
        annotation = hints[field.name]
        default = "" if field.default is dataclasses.MISSING else repr(field.default)
        yield path, _type_name(annotation), default or "(required)", field.metadata.get("doc", "")
        inner = annotation
        while typing.get_origin(inner) in (typing.Annotated, tuple, typing.Union, types.UnionType):
            inner = typing.get_args(inner)[0]
        if dataclasses.is_dataclass(inner) and isinstance(inner, type):
            suffix = "[]" if typing.get_origin(annotation) is tuple else ""
            yield from describe(inner, path + suffix)


def dump(instance: Any) -> Any:
    """The raw form of a loaded section, such that ``load(type(x), dump(x)) == x``."""
    if dataclasses.is_dataclass(instance) and not isinstance(instance, type):
        return {
            field.name: dump(getattr(instance, field.name))
            for field in dataclasses.fields(instance)
            if getattr(instance, field.name) is not None
        }
    if isinstance(instance, tuple):
        return [dump(item) for item in instance]
    if isinstance(instance, Enum):
        return instance.value
    return instance
