"""Signed minutes (DESIGN.md §4, issue 7): signing keys and PAdES signatures on PDF bytes.

keys.py makes and reads PKCS#12 key files; signatures.py signs and verifies; statuses.py
holds what a stamp says and what a check reports; pades.py is the pyHanko side, loaded on
first use. None touches the database: services/signatures/signing.py and
services/signatures/verification.py tie them to signers and minutes.
"""
