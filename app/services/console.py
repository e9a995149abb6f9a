"""The standard streams of the ``paivystys`` commands, whatever started them.

* **UTF-8 out.** A pipe on Windows is in the ANSI code page (cp1252) unless told otherwise:
  ``--json`` output could not carry Č Đ Ŋ Ŧ (the command would stop on a
  ``UnicodeEncodeError``) and helpdesk's scripts would read other bytes than on Linux. So
  standard output and error are UTF-8 wherever they go. (A Windows console is written
  through its Unicode interface either way.)
* **No streams at all.** A GUI program has none on Windows: ``paivystys-gui``
  (``[project.gui-scripts]``), ``pythonw -m app`` and the frozen ``paivystys.exe`` start
  with ``sys.stdout`` and ``sys.stderr`` None. They then go to the null device, so that
  whatever writes to them (argparse, a warning) never breaks the window; the log file
  (:mod:`app.services.logs`) is where such a program's messages are read.
"""

from __future__ import annotations

import codecs
import io
import os
import sys

UTF8 = "utf-8"


def standard_streams() -> None:
    """Standard output and error present and in UTF-8 (see the module's text)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding=UTF8))  # noqa: SIM115 - for the process's life
        elif isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != UTF8:
            stream.reconfigure(encoding=UTF8)
