"""Signing in to the organisations' systems (issue 11). Only OIDC exists so far."""
