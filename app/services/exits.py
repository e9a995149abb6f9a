"""The exit codes of every command (README, "Exit codes"), in one light module: the
entry point names them in its help before it loads any command's code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NEEDS_ACTION = 1
EXIT_POLICY = 2
EXIT_TRAINING_SERVER = 3
EXIT_OUTBOX = 4
EXIT_BUSY = 5
EXIT_SELF_TEST = 6
EXIT_USAGE = 64
