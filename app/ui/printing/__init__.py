"""Printing on the local printer: the one print flow, the preview, the printer path,
and what is printed (the duty entry, Ctrl+P)."""
