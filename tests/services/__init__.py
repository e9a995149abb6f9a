"""Tests of app/services: the outbox, delivery, policy, follow-up, documents, helpdesk commands."""
