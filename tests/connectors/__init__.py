"""Tests of app/connectors: each connector against its wire contract and the training
systems; faults through a proxy of our own."""
