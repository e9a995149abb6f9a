"""The Qt user interface. Everything Qt lives in this package."""
