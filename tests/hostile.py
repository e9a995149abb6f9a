"""Hypothesis strategies for hostile input: malformed, oversized, of the wrong types, in
the wrong encodings. Shared by the property tests of the policy file, the classroom
server's documents and every connector's answers.

The mutation strategies start from a valid document (what a real system said, the
example policy) and break it a little, which reaches far deeper into a parser than
random bytes do; the ``*_bodies`` strategies mix those with wholly random and
specially crafted bodies (deep nesting, entity expansion, huge numbers...).
"""

from __future__ import annotations

import copy
import gzip
import json
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

# Bigger than every bound the app reads with (connectors 2 MB, policy and classroom 1 MB).
OVERSIZED = 2_000_001

# Strings that sit on a boundary somewhere: empty, blank, booleans and codes as text,
# times at the ends of the calendar, identity codes with look-alike characters...
EDGE_STRINGS = (
    "",
    " ",
    "\t\n",
    "true",
    "false",
    "null",
    "ok",
    "Stored",
    "Duplicate",
    "Existing",
    "Bearer",
    "-1",
    "0",
    "1e999",
    "NaN",
    "106",
    "1O6",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:00:10+14:00",
    "9999-12-31T23:59:59-23:59",
    "9999-12-31T23:59:59+00:00",
    "2026-11-27T08:00:00",
    "010190-901R",
    "010190‐901R",  # U+2010 HYPHEN, which python-stdnum reads as '-'
    "010190−901R",  # U+2212 MINUS SIGN
    "010190—901R",  # U+2014 EM DASH
    "０１０１９０-９０１R",  # full-width digits
    "010190-901r ",
    "010190A901R",
    "../../etc/passwd",
    "a b",
    "x" * 65,
    "\u202etxet",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "Ŋ Đ Ŧ Ž Š Č ä ö å",
)

# What goes in XML: no lone surrogates (ElementTree could not even write them).
XML_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
XML_EDGE_STRINGS = tuple(text for text in EDGE_STRINGS if "\ud800" not in text)


def texts() -> st.SearchStrategy[str]:
    """Text that is no valid value anywhere, or only just: boundary strings, control
    characters, lone surrogates (JSON can carry them escaped; they are not text)."""
    return st.one_of(
        st.sampled_from(EDGE_STRINGS),
        st.text(max_size=40),
        st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=5),
        st.builds(
            lambda head, surrogate, tail: head + surrogate + tail,
            st.text(max_size=5),
            st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
            st.text(max_size=5),
        ),
    )


def json_scalars() -> st.SearchStrategy[Any]:
    return (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**70), max_value=2**70)
        | st.floats()  # NaN and the infinities included: json writes them as NaN, Infinity
        | texts()
    )


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    return st.recursive(
        json_scalars(),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(EDGE_STRINGS) | st.text(max_size=10), inner, max_size=4
            )
        ),
        max_leaves=max_leaves,
    )


def _nodes(document: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every node of a JSON document, the root's ``()`` first."""
    found = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            found.extend(_nodes(value, (*path, key)))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.extend(_nodes(value, (*path, index)))
    return found


def _get(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


# Raw JSON tokens json.dumps never writes; put in place of a value after dumping.
_RAW_MARK = "\x00raw\x00"
RAW_NUMBERS = (
    b"1e999",
    b"-1e999",
    b"1" * 5000,
    b"NaN",
    b"-Infinity",
    b"1E400",
    b"-0",
    b"0.1e-99999",
)


JSON_OPERATIONS = (
    "other_type",
    "delete",
    "add_key",
    "null",
    "wrap",
    "text",
    "perturb",
    "huge",
    "raw",
)
# What a character of a valid value may turn into: a look-alike, or nothing valid.
LOOK_ALIKES = {"-": "‐‑−–—", "A": "ＡΑ", "0": "０O٠", "1": "１l", ":": "：", ".": "．", "/": "∕"}


@st.composite
def perturbed(draw: st.DrawFn, text: str) -> str:
    """``text`` with one character changed: a look-alike, dropped, doubled, or another."""
    if not text:
        return draw(texts())
    at = draw(st.integers(0, len(text) - 1))
    ch = text[at]
    change = draw(
        st.sampled_from(LOOK_ALIKES.get(ch, "") + "\u200b\u00a0 x")
        | st.just("")
        | st.just(ch + ch)
        | st.characters()
    )
    return text[:at] + change + text[at + 1 :]


@st.composite
def mutated(
    draw: st.DrawFn,
    document: Any,
    values: st.SearchStrategy[Any],
    operations: tuple[str, ...] = JSON_OPERATIONS,
    keep_root: bool = False,
) -> Any:
    """``document`` (nested dicts and lists) with one to three things wrong: a value of
    another type (from ``values``), a key or item gone, an unknown key, a null, a value
    wrapped in a list, a text replaced by a hostile or huge one, a raw token (see
    :func:`mutated_json`). ``keep_root``: the root stays a table."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(operations))
        nodes = _nodes(document)[1 if keep_root else 0 :] or [()]
        if operation in ("text", "perturb"):  # a text field's value changed, most often
            nodes = [path for path in nodes if isinstance(_get(document, path), str)] or nodes
        path = draw(st.sampled_from(nodes))
        node = _get(document, path)
        if operation == "delete":
            if isinstance(node, dict) and node:
                del node[draw(st.sampled_from(sorted(node)))]
            elif isinstance(node, list) and node:
                del node[draw(st.integers(0, len(node) - 1))]
            continue
        if operation == "add_key":
            if isinstance(node, dict):
                node[draw(st.sampled_from(EDGE_STRINGS))] = draw(values)
            continue
        value = _replacement(draw, operation, node, values)
        if path:
            _get(document, path[:-1])[path[-1]] = value
        else:
            document = value
    return document


def _replacement(draw: st.DrawFn, operation: str, node: Any, values: st.SearchStrategy[Any]) -> Any:
    """What ``operation`` puts in place of ``node`` ("null": None)."""
    replacements: dict[str, Callable[[], Any]] = {
        "other_type": lambda: draw(values.filter(lambda value: type(value) is not type(node))),
        "wrap": lambda: [node],
        "text": lambda: draw(texts()),
        "perturb": lambda: draw(perturbed(node) if isinstance(node, str) else texts()),
        "huge": lambda: "Ŧ" * draw(st.sampled_from([20_001, 100_000, 400_000])),
        "raw": lambda: _RAW_MARK,
    }
    return replacements.get(operation, lambda: None)()


@st.composite
def mutated_json(draw: st.DrawFn, document: Any) -> bytes:
    """``document`` with one to three things wrong, as bytes (JSON)."""
    document = draw(mutated(document, json_values(4)))
    body = json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    mark = json.dumps(_RAW_MARK).encode()
    while mark in body:
        body = body.replace(mark, draw(st.sampled_from(RAW_NUMBERS)), 1)
    return body


def broken_bytes(valid: bytes) -> st.SearchStrategy[bytes]:
    """Valid bytes made unreadable: cut, wrongly encoded, with a bad byte or a BOM..."""
    text = valid.decode("utf-8")
    return st.one_of(
        st.integers(0, max(0, len(valid) - 1)).map(lambda cut: valid[:cut]),
        st.integers(0, max(0, len(valid) - 1)).map(lambda at: valid[:at] + b"\xff" + valid[at:]),
        st.sampled_from(
            [
                b"",
                b"\xef\xbb\xbf" + valid,
                text.encode("utf-16"),
                text.encode("utf-32-le"),
                text.encode("latin-1", "replace"),
                valid + b" trailing garbage",
                valid + b"\x00",
                b"\xc3\x28" + valid,
                valid + b" " * (OVERSIZED - len(valid)),
            ]
        ),
    )


def deep_json(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


SPECIAL_JSON = (
    b"null",
    b"[]",
    b"{}",
    b'"ok"',
    b"0",
    b"true",
    b"1e999",
    b"NaN",
    b"1" * 5000,
    deep_json(),
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b"[" * 100_000,
    b"<html><body>502 Bad Gateway</body></html>",
    b"\x1f\x8b\x08\x00garbage",
)


def json_bodies(valid: Any) -> st.SearchStrategy[bytes]:
    """Bodies that should have been ``valid`` (a JSON document) but are not, mostly."""
    good = json.dumps(valid).encode("ascii")  # escaped: a lone surrogate in it stays writable
    return st.one_of(
        mutated_json(valid),
        mutated_json(valid),
        broken_bytes(good),
        st.sampled_from(SPECIAL_JSON),
        json_values().map(lambda value: json.dumps(value).encode("utf-8")),
        st.binary(max_size=200),
    )


# -- XML -------------------------------------------------------------------------


@st.composite
def mutated_xml(draw: st.DrawFn, valid: bytes) -> bytes:
    """A valid XML answer with one to three things wrong, as bytes."""
    root = ET.fromstring(valid)  # our own recorded answer: trusted
    for _ in range(draw(st.integers(1, 3))):
        elements = list(root.iter())
        element = draw(st.sampled_from(elements))
        parents = {child: parent for parent in elements for child in parent}
        operation = draw(
            st.sampled_from(
                [
                    "remove",
                    "duplicate",
                    "drop_attribute",
                    "attribute",
                    "text",
                    "perturb",
                    "child",
                    "tag",
                ]
            )
        )
        if operation == "remove" and element in parents:
            parents[element].remove(element)
        elif operation == "duplicate" and element in parents:
            parents[element].append(copy.deepcopy(element))
        elif operation == "drop_attribute" and element.attrib:
            del element.attrib[draw(st.sampled_from(sorted(element.attrib)))]
        elif operation == "attribute":
            name = draw(st.sampled_from([*sorted(element.attrib), "Status", "PersonId", "SSN"]))
            element.set(name, draw(st.sampled_from(XML_EDGE_STRINGS) | XML_TEXT))
        elif operation == "text":
            element.text = draw(
                st.sampled_from(XML_EDGE_STRINGS) | XML_TEXT | st.just("Ŧ" * 30_000)
            )
        elif operation == "perturb" and element.attrib:
            name = draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, draw(perturbed(element.attrib[name])))
        elif operation == "perturb" and element.text:
            element.text = draw(perturbed(element.text))
        elif operation == "child":
            ET.SubElement(element, draw(st.sampled_from(["Person", "Name", "x", "SSN"])))
        elif operation == "tag":
            element.tag = draw(st.sampled_from(["Fault", "Ack", "ack", "{urn:x}Ack", "Person"]))
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=draw(st.booleans()))
    return body


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE Ack [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
    b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
    b'<Ack Status="Stored" NoteId="&g;"/>'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE Ack [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<Ack Status="Stored" NoteId="&x;"/>'
)
SPECIAL_XML = (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    b'<!DOCTYPE Ack SYSTEM "http://127.0.0.1:9/ack.dtd"><Ack Status="Stored" NoteId="N-1"/>',
    b'<!DOCTYPE Ack><Ack Status="Stored" NoteId="N-1"/>',
    b'<?xml version="1.0" encoding="x-no-such-encoding"?><Ack/>',
    b'<?xml version="1.0" encoding="utf-16"?><Ack Status="Stored" NoteId="N-1"/>',
    b'<?xml version="1.1"?><Ack Status="Stored" NoteId="N-1\x01"/>',
    b'<a:Ack xmlns:b="urn:x" Status="Stored" NoteId="N-1"/>',
    b'<Ack Status="Stored" NoteId="N-1">' + b"<x>" * 50_000 + b"</x>" * 50_000 + b"</Ack>",
    b'<Ack Status="Stored" NoteId="N-1"/><Ack Status="Stored" NoteId="N-2"/>',
    b'<?php echo 1 ?><Ack Status="Stored" NoteId="N-1"/>',
    b"<Fault>" + b"x" * 10_000 + b"</Fault>",
    b"<Fault><![CDATA[\x00]]></Fault>",
    b'{"kirjausId": "K-1", "duplikaatti": false}',
)


def xml_bodies(valid: bytes) -> st.SearchStrategy[bytes]:
    """Bodies that should have been ``valid`` (an XML document) but are not, mostly."""
    return st.one_of(
        mutated_xml(valid),
        mutated_xml(valid),
        broken_bytes(valid),
        st.sampled_from(SPECIAL_XML),
        st.binary(max_size=200),
    )


# -- the wire around a body ------------------------------------------------------------

STATUSES = (200, 201, 204, 301, 302, 400, 401, 403, 404, 408, 409, 422, 429, 500, 503, 599)
CONTENT_TYPES = (
    None,
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=iso-8859-1",
    "application/xml; charset=utf-8",
    "text/html",
    "application/octet-stream",
    "multipart/form-data; boundary=x",
)


@dataclass(frozen=True)
class Wire:
    """A body as it goes on the wire: ``body`` with ``headers``; ``decoded`` is what a
    client that honours Content-Encoding reads, None when no honest client can read it."""

    body: bytes
    headers: tuple[tuple[str, str], ...]
    decoded: bytes | None


@st.composite
def on_the_wire(draw: st.DrawFn, body: bytes) -> Wire:
    """``body`` with a content type (maybe a wrong one), maybe compressed, maybe with a
    content encoding it does not have or as a compression bomb."""
    headers: list[tuple[str, str]] = []
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if content_type is not None:
        headers.append(("Content-Type", content_type))
    wire: bytes | None = body
    decoded: bytes | None = body
    encoding = draw(
        st.sampled_from([None, None, None, None, None, "gzip", "deflate", "gzip-bomb", "lies"])
    )
    if encoding == "gzip":
        headers.append(("Content-Encoding", "gzip"))
        wire = gzip.compress(body)
    elif encoding == "deflate":
        headers.append(("Content-Encoding", "deflate"))
        wire = zlib.compress(body)
    elif encoding == "gzip-bomb":
        headers.append(("Content-Encoding", "gzip"))
        wire, decoded = GZIP_BOMB, None
    elif encoding == "lies":
        headers.append(("Content-Encoding", draw(st.sampled_from(["gzip", "deflate"]))))
        decoded = None
    if draw(st.booleans()):
        headers.append(("Retry-After", draw(st.sampled_from(["17", "-1", "1e999", "x", ""]))))
    assert wire is not None
    return Wire(wire, tuple(headers), decoded)


# Three megabytes of zeros, compressed to a few kilobytes.
GZIP_BOMB = gzip.compress(b"\x00" * 3_000_000)
