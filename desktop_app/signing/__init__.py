"""Signed minutes (DESIGN.md §4, issue 7): signing keys and PAdES signatures on PDF bytes.

keys.py makes and reads PKCS#12 key files; signatures.py signs and verifies with pyHanko.
Neither touches the database: services/signing.py ties them to signers and minutes.
"""
