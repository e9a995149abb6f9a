"""Tests of app/domain: identity codes, the clock."""
