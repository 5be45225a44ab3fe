"""What this machine keeps for itself and never syncs: the audit trail, the journal of
changes, the shared files applied here, the conflicts found, and local settings."""

from __future__ import annotations

from peewee import (
    CompositeKey,
    IntegerField,
    TextField,
)

from desktop_app.storage.models.rows import BaseModel, new_id


class AuditEntry(BaseModel):
    """Who changed what, when, from which machine. Local history; not edited after writing."""

    id = TextField(primary_key=True, default=new_id)
    at = TextField()
    actor = TextField()
    machine = TextField()
    action = TextField()  # create, update, delete
    table_name = TextField()
    row_id = TextField()
    summary = TextField(default="")


class JournalEntry(BaseModel):
    """One change, made here or applied from the shared folder (DESIGN.md §5); `seq`
    orders the local journal."""

    seq = IntegerField(primary_key=True)
    change_id = TextField(unique=True)
    device_id = TextField()
    hlc = TextField()
    table_name = TextField()
    row_id = TextField()
    op = TextField()  # upsert or delete
    fields = TextField()  # JSON object of the changed fields and their new values
    # JSON {field: [stamps]}: the values this change replaced, as its maker saw them; an
    # edit that replaced the current value is not a conflict, one that did not may be.
    prior = TextField(default="{}")
    actor = TextField(default="")
    machine = TextField(default="")
    at = TextField(default="")  # UTC wall time on the maker's machine, for people to read
    tx_id = TextField(default="")
    schema_version = IntegerField(default=0)
    origin = TextField(default="")  # "" made here, else "<device>/<seq>" of the shared file


class AppliedFile(BaseModel):
    """A shared file applied here, recorded in the transaction that applied it."""

    device_id = TextField()
    seq = IntegerField()
    sha256 = TextField()
    changes = IntegerField()
    applied_at = TextField()

    class Meta:
        primary_key = CompositeKey("device_id", "seq")


class Conflict(BaseModel):
    """A value that lost to a concurrent change of the same field, kept for the clerk.

    The record shows the winner meanwhile; resolving is an ordinary change that replaces
    both stamps, so it closes the conflict on every machine it reaches."""

    id = TextField(primary_key=True)
    table_name = TextField()
    row_id = TextField()
    field = TextField()
    kind = TextField()  # "edit" (two edits), "deleted" (edited while deleted elsewhere)
    stamp = TextField()  # the losing change's stamp
    value = TextField()  # JSON of the losing value
    device_id = TextField()
    actor = TextField()
    machine = TextField()
    at = TextField()
    found_at = TextField()


class LocalSetting(BaseModel):
    """Per-machine values that never sync: this device's id, the last clock stamp."""

    key = TextField(primary_key=True)
    value = TextField()
