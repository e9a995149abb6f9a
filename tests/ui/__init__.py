"""Tests of app/ui: the window, offscreen, driven by keys (pytest-qt)."""
