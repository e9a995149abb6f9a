"""The domain at the bottom: identity codes, the model, item kinds, configuration types.

Imports nothing else from ``app``; every other layer may import it.
"""
