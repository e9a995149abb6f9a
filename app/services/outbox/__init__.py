"""The encrypted outbox: file, keys, locking, payload codec, items, drafts, delivery, sending."""
