"""The commands' standard streams: UTF-8 out, and present in a GUI program."""

from __future__ import annotations

import io
import sys

import pytest

from app.services.console import standard_streams


def test_a_stream_in_another_encoding_becomes_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    pipe = io.TextIOWrapper(raw, encoding="cp1252")  # a pipe on Windows
    monkeypatch.setattr(sys, "stdout", pipe)
    standard_streams()
    assert sys.stdout is pipe
    print("Đuolbmá Čáhcesuolu ä", file=pipe, flush=True)
    assert raw.getvalue() == "Đuolbmá Čáhcesuolu ä\n".encode()


def test_a_gui_program_without_streams_gets_the_null_device(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pythonw, a gui-script or a windowed frozen program on Windows: both streams None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    standard_streams()
    streams = (sys.stdout, sys.stderr)
    try:
        for stream in streams:
            assert stream is not None
            stream.write("Č\n")
            stream.flush()
    finally:
        for stream in streams:
            if stream is not None:
                stream.close()
