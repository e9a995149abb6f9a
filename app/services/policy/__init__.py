"""The machine policy: reading and checking it, joining a classroom server."""
