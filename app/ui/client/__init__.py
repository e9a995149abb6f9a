"""The client: search, card, population register, new client, the entry form."""
