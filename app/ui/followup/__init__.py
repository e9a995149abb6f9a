"""Follow-up: handing a case over, child welfare notifications, faxes, the open list."""
