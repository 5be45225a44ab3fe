"""What every row has: the database it lives in (`db`, a proxy opened by storage/database.py)
and, for a synced row, its UUID text key, its times, its clock stamps and its tombstone.
The entities' models (the sibling modules) all derive from these."""

from __future__ import annotations

import uuid

from peewee import (
    DatabaseProxy,
    Model,
    TextField,
)

db = DatabaseProxy()


def new_id() -> str:
    return str(uuid.uuid4())


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Synced(BaseModel):
    id = TextField(primary_key=True, default=new_id)
    created_at = TextField()
    updated_at = TextField()
    hlc = TextField()
    deleted_at = TextField(null=True)
    # JSON {field: stamp} of the fields changed since the row was made; every other field
    # carries `base_hlc`, the stamp the row was made with (see `storage.changes.stamp_of`).
    stamps = TextField(default="{}")
    base_hlc = TextField(default="")

    @classmethod
    def live(cls):
        """Rows that have not been deleted."""
        return cls.select().where(cls.deleted_at.is_null())
