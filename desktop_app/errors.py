"""Errors a user can act on, kept apart from bugs."""


class ValidationError(Exception):
    """Bad input, explained in one sentence a clerk understands. Nothing was written."""


class StorageError(Exception):
    """The data folder cannot be used as it is (newer version, damaged, read-only)."""


class Cancelled(Exception):
    """Long work (an agenda pack) stopped because the user pressed Cancel. Nothing was written."""
