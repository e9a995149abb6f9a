"""What a duty case leaves for the office-hours worker: handoffs and notifications."""
