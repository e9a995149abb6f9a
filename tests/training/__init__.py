"""Tests of app/training: the training server's control."""
