"""Signed minutes: the chair's signers and signing, and verifying a signed file."""
