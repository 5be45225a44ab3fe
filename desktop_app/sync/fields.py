"""Which fields a merge keeps both values of when two people change them at once.

Text a person typed is never dropped: a concurrent edit that loses is kept as a conflict.
Every other field (a flag, a number, a link, a time the program stamped, a fingerprint) is
settled by the later change alone, as keeping the other value would show the clerk nothing
they could judge.
"""

from __future__ import annotations

from peewee import ForeignKeyField, TextField

from desktop_app.storage.models import Synced

# Text the program writes, never a person: stamps, fingerprints, page tables, codes.
WRITTEN_BY_THE_PROGRAM = frozenset(
    {
        "created_at",
        "updated_at",
        "deleted_at",
        "archived_at",
        "hlc",
        "stamps",
        "base_hlc",
        "signed_at",
        "circulated_at",
        "approved_at",
        "submitted_at",
        "issued_at",
        "pdf_sha256",
        "content_sha256",
        "approves_sha256",
        "sha256",
        "fingerprint",
        "certificate_pem",
        "pages",
        "rank",  # an item's place: two moves at once leave it at one of the two places
        "frozen_stamps",
        "approved_minute",
        "created_by",
        "circulated_by",
        "filename",
        "number",
        "state",
        "status",
        "rag",  # a quarterly update's overall status, chosen from a list
        "kind",
        "outcome",
        "vote",
        "role",
        "term",
        "numbering_restart",
        "sub_numbering",
        "numbering_year_starts",
    }
)


def keeps_conflicts(model: type[Synced], name: str) -> bool:
    field = model._meta.fields.get(name)
    return (
        isinstance(field, TextField)
        and not isinstance(field, ForeignKeyField)
        and name not in WRITTEN_BY_THE_PROGRAM
    )
