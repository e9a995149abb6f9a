"""Päivystys: the desktop workstation for Finnish social emergency duty workers."""

__version__ = "0.1.0"
