"""Printing on the local printer: the printer path, the preview, what is printed."""
